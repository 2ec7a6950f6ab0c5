// The progress report of one reporting period as a document (model.ts), built with the plan document's
// own building blocks (build.ts) and rendered by the same renderers: cover (the plan, the period
// covered, the date), contents, the period's summary with its figures and charts and the rating rule,
// then by pillar and objective each action with its status, what was done and its spending, and each
// indicator with its baseline, target, the period's value, progress and rating; the spending against
// the budget; an annex with the figures by institution. Every figure is counted by progress/figures.ts,
// as the dashboard counts it. Pure.
import { formatDate, formatMoney, formatPercent } from '../i18n/format.ts';
import { periodsOf, type Period } from '../plan/periods.ts';
import { actionCurrency } from '../plan/operations.ts';
import type {
	Action,
	ActionProgress,
	Indicator,
	IndicatorProgress,
	Language,
	Plan,
	ProgressStatus
} from '../plan/schema.ts';
import { planLanguage } from '../plan/text.ts';
import { walk } from '../plan/walk.ts';
import { actionEntries, indicatorEntries, periodReport } from '../progress/entries.ts';
import {
	figuresOf,
	UNRATED,
	UNREPORTED,
	type Figures,
	type RatingCounts,
	type Spending,
	type StatusCounts
} from '../progress/figures.ts';
import { periodLabel } from '../progress/labels.ts';
import { AT_RISK_SHARE, ON_TRACK_MARGIN, standingOf, type Standing } from '../progress/rating.ts';
import { Builder, planLine, type DocumentOptions } from './build.ts';
import type { Block, Cell, Line, Part, PlanDocument } from './model.ts';

export interface ReportOptions extends DocumentOptions {
	/** The key of the period reported on (plan/periods.ts), one of the plan's periods. */
	period: string;
}

/** The period asked for is not one of the plan's (periodsOf). */
export class UnknownPeriodError extends Error {
	readonly period: string;
	/** The plan's periods, by key. */
	readonly periods: string[];
	constructor(period: string, periods: string[]) {
		super(`The plan has no reporting period ${period}`);
		this.period = period;
		this.periods = periods;
	}
}

/** Statuses in the order a reader takes them in: done, going, behind, not begun, dropped, silent. */
const STATUS_ORDER = [
	'completed',
	'on-track',
	'delayed',
	'not-started',
	'cancelled',
	UNREPORTED
] as const satisfies readonly (ProgressStatus | typeof UNREPORTED)[];
const RATING_ORDER = ['on-track', 'at-risk', 'off-track', UNRATED] as const;

const fixed = (text: string, strong = false): Line => [
	strong ? { kind: 'fixed', text, strong } : { kind: 'fixed', text }
];
const DASH: Line = fixed('–');

/** The latest update of the period's entries: the report's date when none is given. */
export function reportDate(plan: Plan, period: string): Date {
	let latest = '';
	for (const list of [plan.progress.periods, plan.progress.actions, plan.progress.indicators])
		for (const entry of list)
			if (entry.period === period && entry.updatedAt > latest) latest = entry.updatedAt;
	return new Date(latest || plan.updatedAt);
}

export function buildReportDocument(plan: Plan, options: ReportOptions): PlanDocument {
	return new ReportBuilder(plan, options).report();
}

class ReportBuilder extends Builder {
	readonly period: Period;
	readonly periodName: string;
	/** The language the plan's values are written in (numbers read as its team writes them). */
	readonly valuesLanguage: Language;
	readonly figures: Figures;
	/** Over every period up to this one's end: spending to date. */
	readonly toDate: Figures;

	constructor(plan: Plan, options: ReportOptions) {
		super(plan, options);
		const periods = periodsOf(plan);
		const period = periods.find((p) => p.key === options.period);
		if (!period)
			throw new UnknownPeriodError(
				options.period,
				periods.map((p) => p.key)
			);
		this.period = period;
		this.periodName = periodLabel(period.key, this.t, this.language);
		this.valuesLanguage = planLanguage(plan) ?? this.language;
		this.figures = figuresOf(plan, [period.key], this.valuesLanguage);
		this.toDate = figuresOf(
			plan,
			periods.filter((p) => p.end <= period.end).map((p) => p.key),
			this.valuesLanguage
		);
	}

	report(): PlanDocument {
		const t = this.t;
		return {
			...this.frame(),
			subject: t('report.subject'),
			keywords: t('report.keywords'),
			sections: [
				{
					layout: 'portrait',
					parts: [
						...this.reportCover(),
						this.summary(),
						...this.progressByPillar(),
						this.spending(),
						this.institutionsAnnex()
					]
				}
			]
		};
	}

	// Building blocks ------------------------------------------------------------------------

	/** "Value in 2027": the same label on every indicator. */
	get valueIn(): string {
		return (this.#valueIn ??= this.t('report.labels.valueIn', { period: this.periodName }));
	}
	#valueIn: string | undefined;

	readonly #dates = new Map<string, string>();
	/** A plan date as the document's language writes it; the same few dates come back hundreds of times, and Intl's date formats are slow to make. */
	date(iso: string): string {
		let text = this.#dates.get(iso);
		if (text === undefined) this.#dates.set(iso, (text = formatDate(iso, this.language)));
		return text;
	}

	money(amount: number, currency: string): string {
		return formatMoney(amount, currency, this.language);
	}

	percent(ratio: number): string {
		return formatPercent(ratio, this.language);
	}

	/** "USD 80,000 of USD 450,000 (18 %)" for each currency the rows have. */
	executed(rows: Spending[]): Line {
		if (rows.length === 0) return DASH;
		return fixed(
			rows
				.map(
					(r) =>
						`${this.t('report.figures.spentOf', { spent: this.money(r.spent, r.currency), budget: this.money(r.budget, r.currency) })}${r.budget > 0 ? ` (${this.percent(r.spent / r.budget)})` : ''}`
				)
				.join(this.t('export.separator'))
		);
	}

	statusName(status: (typeof STATUS_ORDER)[number]): string {
		return status === UNREPORTED
			? this.t('report.status.unreported')
			: this.t(`options.progressStatus.${status}`);
	}

	ratingName(rating: (typeof RATING_ORDER)[number]): string {
		return rating === UNRATED
			? this.t('report.rating.unrated')
			: this.t(`options.rating.${rating}`);
	}

	/** A chart as a table: a row per status or rating, its count with a bar as long as its share of the largest. */
	countChart(label: string, head: string, rows: [string, number][], total: number): Block {
		const max = Math.max(0, ...rows.map(([, n]) => n));
		return this.table(
			label,
			[head, this.t('report.figures.number'), this.t('report.figures.share')],
			rows.map(([name, n]) => [
				[fixed(name)],
				[fixed(String(n))],
				[fixed(total > 0 ? this.percent(n / total) : '–')]
			]),
			[45, 35, 20],
			{ bars: rows.map(([, n]) => [null, max > 0 ? n / max : null, null]) }
		);
	}

	statusCounts(counts: StatusCounts): [string, number][] {
		return STATUS_ORDER.map((s) => [this.statusName(s), counts[s]]);
	}

	ratingCounts(counts: RatingCounts): [string, number][] {
		return RATING_ORDER.map((r) => [this.ratingName(r), counts[r]]);
	}

	/** A spending table: a row per key and currency, the budget, spent in the period and to date, and the share executed to date with its bar. */
	spendingTable(label: string, head: string, keyed: [Line, Spending[], Spending[]][]): Block {
		const t = this.t;
		const rows: Cell[][] = [];
		const bars: (number | null)[][] = [];
		for (const [name, period, toDate] of keyed) {
			const currencies = [...new Set([...toDate, ...period].map((r) => r.currency))];
			for (const currency of currencies) {
				const now = period.find((r) => r.currency === currency);
				const all = toDate.find((r) => r.currency === currency);
				const budget = all?.budget ?? now?.budget ?? 0;
				const spent = all?.spent ?? 0;
				rows.push([
					[name],
					[fixed(this.money(budget, currency))],
					[fixed(this.money(now?.spent ?? 0, currency))],
					[fixed(this.money(spent, currency))],
					[fixed(budget > 0 ? this.percent(spent / budget) : '–')]
				]);
				bars.push([null, null, null, null, budget > 0 ? Math.min(1, spent / budget) : null]);
			}
		}
		const totals = this.toDate.spending.map((all) => {
			const now = this.figures.spending.find((r) => r.currency === all.currency);
			return [
				[fixed(t('report.labels.total'), true)],
				[fixed(this.money(all.budget, all.currency), true)],
				[fixed(this.money(now?.spent ?? 0, all.currency), true)],
				[fixed(this.money(all.spent, all.currency), true)],
				[fixed(all.budget > 0 ? this.percent(all.spent / all.budget) : '–', true)]
			];
		});
		return this.table(
			label,
			[
				head,
				t('report.labels.budget'),
				t('report.labels.spentIn', { period: this.periodName }),
				t('report.labels.spentToDate'),
				t('report.labels.executed')
			],
			rows,
			[30, 18, 18, 18, 16],
			{ totals, bars }
		);
	}

	institutionName(id: string): Line {
		return id ? this.institution(id) : fixed(this.t('fields.budget.unassigned'));
	}

	/** Institutions in the plan's order, then any id the figures have that the plan lists no more ('' last). */
	institutionOrder(ids: Iterable<string>): string[] {
		const present = new Set(ids);
		const ordered = this.plan.institutions.map((i) => i.id).filter((id) => present.has(id));
		return [...ordered, ...[...present].filter((id) => !ordered.includes(id)).sort()];
	}

	// Parts ------------------------------------------------------------------------------------

	reportCover(): Part[] {
		const t = this.t;
		const o = this.plan.overview;
		const [cover, contents] = this.cover();
		const kept = cover.blocks.filter((b) => b.kind !== 'values' && b.kind !== 'subtitle');
		const preparedBy = this.plan.monitoring.responsibleId || o.leadInstitutionId;
		return [
			{
				blocks: [
					...kept,
					{ kind: 'subtitle', text: fixed(t('report.title')) },
					this.values('cover', [
						[
							t('export.cover.country'),
							o.country.trim() ? planLine(o.country.trim()) : this.missing
						],
						[t('report.cover.periodCovered'), fixed(this.periodName)],
						[t('report.cover.planPeriod'), this.years(o.periodStart, o.periodEnd)],
						[
							t('report.cover.date'),
							fixed(formatDate(this.now.toISOString().slice(0, 10), this.language))
						],
						[t('report.cover.preparedBy'), preparedBy ? this.institution(preparedBy) : this.missing]
					]),
					...(this.plan.progress.illustrative
						? [{ kind: 'text', lines: [fixed(t('report.cover.illustrative'))] } as Block]
						: [])
				]
			},
			contents
		];
	}

	summary(): Part {
		const t = this.t;
		const f = this.figures;
		const report = periodReport(this.plan, this.period.key);
		const actions = Object.values(f.actions).reduce((a, b) => a + b, 0);
		const indicators = Object.values(f.indicators).reduce((a, b) => a + b, 0);
		const of = (count: number, total: number): Cell => [
			fixed(t('report.figures.ofTotal', { count, total }))
		];
		const share = (count: number, total: number): Cell => [
			fixed(total > 0 ? this.percent(count / total) : '–')
		];
		const figures = this.table(
			t('report.chapters.figures'),
			[t('report.figures.figure'), t('report.figures.number'), t('report.figures.share')],
			[
				...(
					[
						['report.figures.actionsCompleted', f.actions.completed, actions],
						['report.figures.actionsOnTrack', f.actions['on-track'], actions],
						['report.figures.actionsDelayed', f.actions.delayed, actions],
						['report.figures.indicatorsOnTrack', f.indicators['on-track'], indicators]
					] as const
				).map(([key, n, total]) => [[fixed(t(key))], of(n, total), share(n, total)]),
				[[fixed(t('report.figures.budgetPeriod'))], [this.executed(f.spending)], [DASH]],
				[[fixed(t('report.figures.budgetToDate'))], [this.executed(this.toDate.spending)], [DASH]]
			],
			[40, 45, 15]
		);
		const rule = (key: string, params?: Record<string, string>) =>
			fixed(t(`progress.rule.${key}`, params));
		return {
			blocks: [
				this.heading(t('report.chapters.summary'), 1),
				this.text(report?.summary ?? ''),
				...(report?.challenges.trim()
					? [this.heading(t('report.chapters.challenges'), 2), this.text(report.challenges)]
					: []),
				this.heading(t('report.chapters.figures'), 2),
				...(actions === 0
					? [{ kind: 'text', lines: [fixed(t('report.figures.noActions'))] } as Block]
					: [
							figures,
							this.heading(t('report.chapters.actionsChart'), 3),
							this.countChart(
								t('report.chapters.actionsChart'),
								t('report.labels.status'),
								this.statusCounts(f.actions),
								actions
							),
							this.heading(t('report.chapters.indicatorsChart'), 3),
							this.countChart(
								t('report.chapters.indicatorsChart'),
								this.label('indicatorProgress', 'rating'),
								this.ratingCounts(f.indicators),
								indicators
							)
						]),
				this.heading(t('report.chapters.rule'), 2),
				{
					kind: 'list',
					items: [
						rule('progress'),
						rule('expected'),
						rule('onTrack', { margin: String(Math.round(ON_TRACK_MARGIN * 100)) }),
						rule('atRisk', { share: this.percent(AT_RISK_SHARE) }),
						rule('offTrack'),
						rule('reporter')
					]
				}
			]
		};
	}

	progressByPillar(): Part[] {
		const t = this.t;
		const colon = t('export.colon');
		const actions = actionEntries(this.plan, this.period.key);
		const indicators = indicatorEntries(this.plan, this.period.key);
		const parts: Part[] = [];
		for (const place of walk(this.plan)) {
			if (place.kind === 'pillar') {
				const { pillar, ref } = place;
				const counts = this.figures.byPillar.get(pillar.id);
				parts.push({
					blocks: [
						this.heading([...fixed(`${ref}. `), ...this.pillarName(pillar.id)], 1),
						...(counts
							? [
									this.values('lines', [
										[
											t('report.labels.actions'),
											fixed(
												this.statusCounts(counts.actions)
													.filter(([, n]) => n > 0)
													.map(([name, n]) => `${name}${colon}${n}`)
													.join(t('export.separator'))
											)
										],
										[t('report.chapters.spending'), this.executed(counts.spending)]
									])
								]
							: [])
					]
				});
			} else if (place.kind === 'objective') {
				const { objective, ref } = place;
				const lead = fixed(`${t('export.labels.objective', { ref })}${colon}`);
				parts.push({
					blocks: [
						this.heading(
							objective.title.trim() ? planLine(objective.title.trim()) : this.missing,
							2,
							{ lead }
						)
					]
				});
			} else if (place.kind === 'action') {
				parts.push({
					anchor: { target: 'action', targetId: place.action.id },
					blocks: this.action(place.action, place.ref, actions.get(place.action.id))
				});
			} else {
				parts.push({
					blocks: this.indicatorProgress(
						place.indicator,
						place.ref,
						indicators.get(place.indicator.id)
					)
				});
			}
		}
		return parts;
	}

	action(action: Action, ref: string, entry: ActionProgress | undefined): Block[] {
		const t = this.t;
		const spent =
			entry?.spent === null || entry?.spent === undefined
				? DASH
				: fixed(this.money(entry.spent, entry.currency || actionCurrency(this.plan, action)));
		const status = entry?.status
			? fixed(this.statusName(entry.status), true)
			: fixed(this.statusName(UNREPORTED));
		const values: [string, Line][] = [
			[
				t('export.labels.responsible'),
				action.responsibleId ? this.institution(action.responsibleId) : this.missing
			],
			[this.label('actionProgress', 'status'), status],
			[this.label('actionProgress', 'spent'), spent],
			[t('report.labels.budget'), this.budgetLine(action)]
		];
		if (this.contents.internalStatus && entry) {
			values.push([
				this.label('actionProgress', 'reportedBy'),
				entry.reportedBy ? this.institution(entry.reportedBy) : DASH
			]);
			if (entry.updatedAt)
				values.push([
					t('report.labels.lastUpdated'),
					fixed(this.date(entry.updatedAt.slice(0, 10)))
				]);
		}
		const narrative = entry?.narrative.trim()
			? this.text(entry.narrative)
			: ({
					kind: 'text',
					lines: [[{ kind: 'missing', text: t('report.notReported') }]]
				} as Block);
		const blocks: Block[] = [
			this.heading(t('export.labels.action', { ref }), 3),
			this.text(action.description),
			this.values('lines', values),
			{ kind: 'label', text: this.label('actionProgress', 'narrative') },
			narrative
		];
		if (action.indicators.length)
			blocks.push({ kind: 'label', text: this.label('action', 'indicators') });
		return blocks;
	}

	/** "17 % of the way to the target (33 % expected…)", or why it is not computed. */
	progressLine(standing: Standing): Line {
		const t = this.t;
		if (standing.progress === null)
			return standing.reason === 'noValue' || !standing.reason
				? DASH
				: fixed(t(`report.notComputed.${standing.reason}`));
		const progress = this.percent(standing.progress);
		return fixed(
			standing.expected === null
				? t('report.labels.progressOnly', { progress })
				: t('report.labels.progressOf', { progress, expected: this.percent(standing.expected) })
		);
	}

	indicatorProgress(
		indicator: Indicator,
		ref: string,
		entry: IndicatorProgress | undefined
	): Block[] {
		const t = this.t;
		const standing = standingOf(this.plan, indicator, entry, this.valuesLanguage);
		const rating: Line =
			standing.rating === null
				? fixed(this.ratingName(UNRATED))
				: standing.basis === 'reporter'
					? fixed(t('report.rating.reporter', { rating: this.ratingName(standing.rating) }), true)
					: fixed(this.ratingName(standing.rating), true);
		const value: Line = entry?.value.trim()
			? [
					...planLine(entry.value.trim()),
					...(entry.date ? fixed(` (${this.date(entry.date)})`) : [])
				]
			: [{ kind: 'missing', text: t('report.notComputed.noValue') }];
		const values: [string, Line][] = [
			[
				this.label('indicator', 'unit'),
				indicator.unit.trim() ? planLine(indicator.unit.trim()) : DASH
			],
			[
				this.label('indicator', 'baselineValue'),
				this.valueYear(indicator.baselineValue, indicator.baselineYear)
			],
			[
				this.label('indicator', 'targetValue'),
				this.valueYear(indicator.targetValue, indicator.targetYear)
			],
			[this.valueIn, value],
			[t('report.labels.progress'), this.progressLine(standing)],
			[this.label('indicatorProgress', 'rating'), rating]
		];
		if (entry?.source.trim())
			values.push([this.label('indicatorProgress', 'source'), planLine(entry.source.trim())]);
		if (entry?.note.trim())
			values.push([
				this.label('indicatorProgress', 'note'),
				planLine(entry.note.trim().replace(/\s*\n\s*/g, ' '))
			]);
		if (this.contents.internalStatus && entry?.reportedBy)
			values.push([
				this.label('indicatorProgress', 'reportedBy'),
				this.institution(entry.reportedBy)
			]);
		return [
			{
				kind: 'entry',
				number: ref,
				text: indicator.statement.trim() ? planLine(indicator.statement) : this.missing
			},
			this.values('inline', values)
		];
	}

	spending(): Part {
		const t = this.t;
		const byKey = (map: Figures['byPillar'], key: string) => map.get(key)?.spending ?? [];
		const pillars: [Line, Spending[], Spending[]][] = this.plan.pillars
			.filter((p) => this.toDate.byPillar.has(p.id))
			.map((p) => [
				this.pillarName(p.id),
				byKey(this.figures.byPillar, p.id),
				byKey(this.toDate.byPillar, p.id)
			]);
		const sources = [...new Set(this.toDate.bySource.map((r) => r.key))];
		const sourceRows: [Line, Spending[], Spending[]][] = sources.map((key) => [
			fixed(key ? t(`options.fundingSource.${key}`) : t('fields.budget.unassigned')),
			this.figures.bySource.filter((r) => r.key === key),
			this.toDate.bySource.filter((r) => r.key === key)
		]);
		const none = this.toDate.spending.length === 0;
		return {
			blocks: [
				this.heading(t('report.chapters.spending'), 1),
				...(none
					? [{ kind: 'text', lines: [this.missing] } as Block]
					: [
							this.heading(t('report.chapters.spendingByPillar'), 2),
							this.spendingTable(
								t('report.chapters.spendingByPillar'),
								t('scorecard.charts.columns.pillar'),
								pillars
							),
							this.heading(t('report.chapters.spendingBySource'), 2),
							this.spendingTable(
								t('report.chapters.spendingBySource'),
								t('scorecard.charts.columns.source'),
								sourceRows
							)
						])
			]
		};
	}

	institutionsAnnex(): Part {
		const t = this.t;
		const ids = this.institutionOrder([
			...this.figures.byInstitution.keys(),
			...this.toDate.byInstitution.keys()
		]);
		const head = t('report.labels.institution');
		const actionRows: Cell[][] = [];
		const indicatorRows: Cell[][] = [];
		const spending: [Line, Spending[], Spending[]][] = [];
		for (const id of ids) {
			const group = this.figures.byInstitution.get(id);
			const name = this.institutionName(id);
			const actions = group ? STATUS_ORDER.map((s) => group.actions[s]) : STATUS_ORDER.map(() => 0);
			const ratings = group
				? RATING_ORDER.map((r) => group.indicators[r])
				: RATING_ORDER.map(() => 0);
			if (actions.some((n) => n > 0))
				actionRows.push([
					[name],
					[fixed(String(actions.reduce((a, b) => a + b, 0)))],
					...actions.map((n) => [fixed(String(n))])
				]);
			if (ratings.some((n) => n > 0))
				indicatorRows.push([
					[name],
					[fixed(String(ratings.reduce((a, b) => a + b, 0)))],
					...ratings.map((n) => [fixed(String(n))])
				]);
			const all = this.toDate.byInstitution.get(id)?.spending ?? [];
			if (all.length) spending.push([name, group?.spending ?? [], all]);
		}
		const total = (counts: number[]): Cell[] => [
			[fixed(t('report.labels.total'), true)],
			[fixed(String(counts.reduce((a, b) => a + b, 0)), true)],
			...counts.map((n) => [fixed(String(n), true)])
		];
		return {
			blocks: [
				this.heading(t('report.chapters.institutionsAnnex'), 1),
				this.heading(t('report.chapters.institutionActions'), 2),
				this.table(
					t('report.chapters.institutionActions'),
					[head, t('report.labels.actions'), ...STATUS_ORDER.map((s) => this.statusName(s))],
					actionRows,
					[22, 9, ...STATUS_ORDER.map(() => 69 / STATUS_ORDER.length)],
					{ totals: [total(STATUS_ORDER.map((s) => this.figures.actions[s]))], dense: true }
				),
				this.heading(t('report.chapters.institutionIndicators'), 2),
				this.table(
					t('report.chapters.institutionIndicators'),
					[head, t('report.labels.indicators'), ...RATING_ORDER.map((r) => this.ratingName(r))],
					indicatorRows,
					[32, 12, ...RATING_ORDER.map(() => 56 / RATING_ORDER.length)],
					{ totals: [total(RATING_ORDER.map((r) => this.figures.indicators[r]))], dense: true }
				),
				this.heading(t('report.chapters.institutionSpending'), 2),
				spending.length
					? this.spendingTable(t('report.chapters.institutionSpending'), head, spending)
					: { kind: 'text', lines: [this.missing] }
			]
		};
	}
}
