// The plan as a document (model.ts), in the order of a national action plan: cover and contents,
// the narrative chapters, one chapter per pillar, the results matrix (landscape), coordination,
// budget, monitoring and the annexes. Built once for the Word export and for review mode. Pure.
import type { Anchor, CommentSection } from '../comments/comments.ts';
import type { ExportContents } from '../export/contents.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import {
	fieldOf,
	fieldsOf,
	formatValue,
	isEmptyValue,
	itemListsOf,
	type Field,
	type Kind
} from '../plan/fields.ts';
import { actionCurrency, budgetBy, budgetTotals, type BudgetGrouping } from '../plan/operations.ts';
import type { Action, Indicator, Language, Plan } from '../plan/schema.ts';
import { pillarName, planLanguage } from '../plan/text.ts';
import { actionsOf, walk } from '../plan/walk.ts';
import type { Block, Cell, LabelledValue, Line, Part, PlanDocument, Run } from './model.ts';

export interface DocumentOptions {
	/** The language of the document's own words (labels, choices, dates and amounts). */
	language: Language;
	/** Translates into `language`. */
	t: Translate;
	contents: ExportContents;
	/** The version date on the cover. */
	now: Date;
}

const PLACEHOLDER_SPLIT = /(\[\[[^\]]+\]\])/;
const IS_PLACEHOLDER = /^\[\[[^\]]+\]\]$/;

/** One line of the team's text as runs, each [[placeholder]] a run of its own. */
export function planLine(text: string): Line {
	if (text === '') return [];
	if (!text.includes('[[')) return [{ kind: 'plan', text }];
	return text
		.split(PLACEHOLDER_SPLIT)
		.filter(Boolean)
		.map((part): Run =>
			IS_PLACEHOLDER.test(part) ? { kind: 'placeholder', text: part } : { kind: 'plan', text: part }
		);
}

const fixed = (text: string, strong = false): Line => [
	strong ? { kind: 'fixed', text, strong } : { kind: 'fixed', text }
];
const section = (step: CommentSection): Anchor => ({ target: 'section', targetId: step });
const DASH: Line = [{ kind: 'fixed', text: '–' }];

/**
 * Where the document shows an item's fields otherwise than as one labelled value each, under the
 * field's own label, in the schema's order (plan/fields.ts): fields shown together as one value (an
 * action's years as its timeframe), labels of the document's own where the form's would read oddly
 * in a document, fields left out of an official copy, and values left out while they are empty. Long
 * texts are paragraphs of their own, not labelled values.
 */
interface Together {
	fields: string[];
	/** Defaults to the first field's label. */
	label?: string;
	value: (b: Builder, item: never) => Line;
}
interface Layout {
	together?: Together[];
	labels?: Record<string, string>;
	internal?: string[];
	omittedWhenEmpty?: string[];
}
const LAYOUT: Partial<Record<Kind, Layout>> = {
	action: {
		together: [
			{
				fields: ['startYear', 'endYear'],
				label: 'export.labels.timeframe',
				value: (b, a: Action) => b.years(a.startYear, a.endYear)
			},
			{
				fields: ['budget.amount', 'budget.currency', 'budget.source', 'budget.secured'],
				label: 'export.labels.budget',
				value: (b, a: Action) => b.budgetLine(a)
			}
		],
		labels: { responsibleId: 'export.labels.responsible' },
		internal: ['status']
	},
	indicator: {
		together: [
			{
				fields: ['baselineValue', 'baselineYear'],
				value: (b, i: Indicator) => b.valueYear(i.baselineValue, i.baselineYear)
			},
			{
				fields: ['targetValue', 'targetYear'],
				value: (b, i: Indicator) => b.valueYear(i.targetValue, i.targetYear)
			}
		],
		labels: {
			frequency: 'export.labels.frequency',
			globalIndicator: 'export.labels.globalIndicator'
		},
		omittedWhenEmpty: ['globalIndicator']
	},
	monitoring: { labels: { reportsToParliament: 'export.labels.reportsToParliament' } }
};

/** The columns of the results matrix, in the order the document writes them (the import reads them back). */
export const MATRIX_COLUMNS = [
	'objective',
	'action',
	'indicator',
	'baseline',
	'target',
	'responsible',
	'partners',
	'timeframe',
	'budget',
	'verification'
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

/** The header of a column of the results matrix, in the language of `t`. */
export function matrixHeader(column: MatrixColumn, t: Translate): string {
	const field = (kind: Kind, name: string) => t(fieldOf(kind, name)!.label);
	switch (column) {
		case 'objective':
			return t('export.labels.objective', { ref: '' }).trim();
		case 'action':
			return t('export.labels.action', { ref: '' }).trim();
		case 'indicator':
			return field('indicator', 'statement');
		case 'baseline':
			return field('indicator', 'baselineValue');
		case 'target':
			return field('indicator', 'targetValue');
		case 'responsible':
			return t('export.labels.responsible');
		case 'partners':
			return field('action', 'partnerIds');
		case 'timeframe':
			return t('export.labels.timeframe');
		case 'budget':
			return t('export.labels.budget');
		case 'verification':
			return field('indicator', 'meansOfVerification');
	}
}

export function buildPlanDocument(plan: Plan, options: DocumentOptions): PlanDocument {
	return new Builder(plan, options).document();
}

/** The building blocks of a document of the plan (the progress report's builder, report.ts, builds on them). */
export class Builder {
	readonly plan: Plan;
	readonly t: Translate;
	readonly language: Language;
	readonly contents: ExportContents;
	readonly now: Date;
	readonly institutions: Map<string, string>;
	readonly missingText: string;
	#headings = 0;

	constructor(plan: Plan, options: DocumentOptions) {
		this.plan = plan;
		this.t = options.t;
		this.language = options.language;
		this.contents = options.contents;
		this.now = options.now;
		this.missingText = this.t('export.toBeCompleted');
		this.institutions = new Map(plan.institutions.map((i) => [i.id, i.name.trim()]));
	}

	document(): PlanDocument {
		return {
			...this.frame(),
			sections: [
				{ layout: 'portrait', parts: [...this.cover(), ...this.narrative(), ...this.pillars()] },
				{ layout: 'landscape', parts: [this.resultsMatrix()] },
				{
					layout: 'portrait',
					parts: [...this.coordination(), ...this.budget(), ...this.monitoring(), ...this.annexes()]
				}
			]
		};
	}

	/** What a document of the plan has besides its sections: its languages, title, properties and punctuation. */
	frame(): Omit<PlanDocument, 'sections'> {
		const t = this.t;
		const title = this.plan.overview.title.trim()
			? planLine(this.plan.overview.title.trim())
			: fixed(t('export.cover.subject'));
		const pageNumbers = t('export.page', { page: '\u0000', pages: '\u0001' })
			.split(/(\u0000|\u0001)/)
			.filter(Boolean)
			.map((part) =>
				part === '\u0000'
					? { field: 'page' as const }
					: part === '\u0001'
						? { field: 'pages' as const }
						: part
			);
		return {
			language: this.language,
			planLanguage: planLanguage(this.plan) ?? this.language,
			title,
			subject: t('export.cover.subject'),
			keywords: t('export.cover.keywords'),
			description: this.plan.overview.country,
			colon: t('export.colon'),
			separator: t('export.separator'),
			pageNumbers
		};
	}

	// Building blocks ------------------------------------------------------------------------

	get missing(): Line {
		return [{ kind: 'missing', text: this.missingText }];
	}

	heading(
		text: Line | string,
		level: 1 | 2 | 3,
		extra: { lead?: Line; anchored?: boolean } = {}
	): Block {
		return {
			kind: 'heading',
			level,
			id: `doc-${++this.#headings}`,
			text: typeof text === 'string' ? fixed(text) : text,
			...extra
		};
	}

	/** The team's text, a paragraph per line (one empty line kept between paragraphs); "to be completed" where it is empty. */
	text(value: string, anchored = false): Block {
		const lines = value.split(/\r?\n/).map((l) => l.trimEnd());
		if (lines.every((l) => l.trim() === ''))
			return { kind: 'text', lines: [this.missing], anchored };
		const kept = lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
		return { kind: 'text', lines: kept.map(planLine), anchored };
	}

	/** A chapter: its heading and its text. */
	chapter(title: string, value: string, level: 1 | 2 = 1, anchored = false): Block[] {
		return [this.heading(title, level, { anchored }), this.text(value)];
	}

	/** The team's text in a table cell or a value: a line per line, a dash when empty. */
	cell(value: string): Cell {
		if (!value.trim()) return [DASH];
		return value.split(/\r?\n/).map(planLine);
	}

	fixedCell(value: string): Cell {
		return [value ? fixed(value) : DASH];
	}

	/** A table, or "to be completed" when it has no rows. */
	table(
		label: string,
		headers: string[],
		rows: Cell[][],
		widths: number[],
		extra: { totals?: Cell[][]; dense?: boolean; bars?: (number | null)[][] } = {}
	): Block {
		if (rows.length === 0) return { kind: 'text', lines: [this.missing] };
		return { kind: 'table', label, headers, rows, widths, ...extra };
	}

	values(layout: 'cover' | 'lines' | 'inline', pairs: [string, Line][]): Block {
		return {
			kind: 'values',
			layout,
			values: pairs.map(([label, value]): LabelledValue => ({
				label,
				value: value.length ? value : DASH
			}))
		};
	}

	institution(id: string): Line {
		const name = this.institutions.get(id);
		return name ? planLine(name) : this.missing;
	}

	institutionList(ids: string[]): Line {
		if (ids.length === 0) return DASH;
		return ids.flatMap((id, i) => [...(i ? fixed('; ') : []), ...this.institution(id)]);
	}

	years(start: number | null, end: number | null): Line {
		if (start === null && end === null) return this.missing;
		return fixed(`${start ?? '…'}–${end ?? '…'}`);
	}

	/** A value and its year: "45 % (2024)". */
	valueYear(value: string, year: number | null): Line {
		if (!value.trim() && year === null) return this.missing;
		return [...planLine(value), ...(year === null ? [] : fixed(`${value ? ' ' : ''}(${year})`))];
	}

	pillarName(id: string): Line {
		const pillar = this.plan.pillars.find((p) => p.id === id);
		if (!pillar) return fixed(this.t('fields.budget.unassigned'));
		const name = pillarName(pillar, this.t);
		// A pillar the team named is their text; a framework's pillar is named by the app.
		return !name ? this.missing : pillar.name.trim() ? planLine(name) : fixed(name);
	}

	budgetLine(action: Action): Line {
		if (action.budget.amount === null) return this.missing;
		const parts = [
			formatMoney(action.budget.amount, actionCurrency(this.plan, action), this.language)
		];
		if (action.budget.source) parts.push(this.t(`options.fundingSource.${action.budget.source}`));
		if (this.contents.internalStatus)
			parts.push(
				this.t(action.budget.secured ? 'export.labels.secured' : 'export.labels.notSecured')
			);
		return fixed(parts.join(', '));
	}

	/** The labelled values of an item of a kind, from its fields' descriptions and the document's layout (LAYOUT). */
	labelled(kind: Kind, item: object): [string, Line][] {
		const layout = LAYOUT[kind] ?? {};
		const out: [string, Line][] = [];
		const done = new Set<string>();
		for (const field of fieldsOf(kind)) {
			if (done.has(field.name) || field.type === 'longText' || field.type === 'rows') continue;
			if (!this.contents.internalStatus && layout.internal?.includes(field.name)) continue;
			const together = layout.together?.find((g) => g.fields.includes(field.name));
			if (together) {
				together.fields.forEach((name) => done.add(name));
				out.push([this.t(together.label ?? field.label), together.value(this, item as never)]);
				continue;
			}
			const value = field.get(item);
			if (
				isEmptyValue(value) &&
				field.type !== 'boolean' &&
				layout.omittedWhenEmpty?.includes(field.name)
			)
				continue;
			out.push([this.t(layout.labels?.[field.name] ?? field.label), this.value(field, value)]);
		}
		return out;
	}

	/** The label of a field or a list of items ('indicator', 'statement': "Indicator"). */
	label(kind: Kind, name: string): string {
		const label =
			fieldOf(kind, name)?.label ?? itemListsOf(kind).find((list) => list.key === name)?.label;
		if (!label) throw new Error(`No field ${name} in ${kind}`);
		return this.t(label);
	}

	/** A table of items of a kind, a column for each of its fields, headed by the field's label. */
	tableOf(kind: Kind, label: string, items: object[], widths: number[]): Block {
		const fields = fieldsOf(kind);
		return this.table(
			label,
			fields.map((f) => this.t(f.label)),
			items.map((item) =>
				fields.map((f) =>
					f.type === 'shortText' || f.type === 'longText'
						? this.cell(String(f.get(item)))
						: [this.value(f, f.get(item))]
				)
			),
			widths
		);
	}

	/** A field's value: the team's text as theirs, an institution by its name, anything else as the app
	 * writes it. Empty, "to be completed" where the plan needs it or a choice is still to be made, else a dash. */
	value(field: Field, value: unknown): Line {
		if (isEmptyValue(value) && field.type !== 'boolean')
			return field.needed || field.type === 'choice' ? this.missing : DASH;
		switch (field.type) {
			case 'shortText':
			case 'code':
				return planLine(String(value).trim());
			case 'institution':
				return this.institution(value as string);
			case 'institutions':
				return this.institutionList(value as string[]);
			case 'year':
				return fixed(String(value));
			default:
				return fixed(
					formatValue(field, value, {
						t: this.t,
						language: this.language,
						institutions: this.plan.institutions,
						currency: this.plan.budget.currency
					})
				);
		}
	}

	// Parts ------------------------------------------------------------------------------------

	cover(): Part[] {
		const t = this.t;
		const o = this.plan.overview;
		const adoption = [
			o.adoptionBody.trim() ? planLine(o.adoptionBody) : [],
			o.adoptionDate ? fixed(formatDate(o.adoptionDate, this.language)) : []
		].filter((l) => l.length);
		const orMissing = (line: Line) => (line.length ? line : this.missing);
		const authority = o.issuingAuthority.trim();
		return [
			{
				anchor: section('overview'),
				blocks: [
					// As a government issues a plan: the emblem above the issuing authority, then the title.
					...(o.emblem
						? [
								{
									kind: 'emblem',
									...o.emblem,
									description: authority || t('export.cover.emblem')
								} as Block
							]
						: []),
					...(authority ? [{ kind: 'authority', text: planLine(authority) } as Block] : []),
					{
						kind: 'title',
						text: o.title.trim() ? planLine(o.title) : fixed(t('export.cover.subject')),
						anchored: true
					},
					{ kind: 'subtitle', text: fixed(t('export.cover.subject')) },
					this.values('cover', [
						[t('export.cover.country'), orMissing(planLine(o.country.trim()))],
						[t('export.cover.period'), this.years(o.periodStart, o.periodEnd)],
						[t('export.cover.status'), fixed(t(`options.status.${o.status}`))],
						[
							t('export.cover.versionDate'),
							fixed(formatDate(this.now.toISOString().slice(0, 10), this.language))
						],
						[
							t('export.cover.leadInstitution'),
							o.leadInstitutionId ? this.institution(o.leadInstitutionId) : this.missing
						],
						...(adoption.length
							? [
									[
										t('export.cover.adoptedBy'),
										adoption.flatMap((l, i) => [...(i ? fixed(', ') : []), ...l])
									] as [string, Line]
								]
							: [])
					])
				]
			},
			{ blocks: [{ kind: 'contents', title: t('export.contents') }] }
		];
	}

	narrative(): Part[] {
		const { overview: o, context: c, consultation } = this.plan;
		const t = this.t;
		const ch = (key: string) => t(`export.chapters.${key}`);
		return [
			{
				blocks: [
					...this.chapter(ch('foreword'), o.foreword),
					this.heading(ch('introduction'), 1),
					this.text(c.introduction),
					this.heading(ch('resolutions'), 2),
					o.resolutions.length
						? { kind: 'list', items: o.resolutions.map((r) => fixed(t(`options.resolution.${r}`))) }
						: { kind: 'text', lines: [this.missing] },
					...this.chapter(ch('legalFramework'), c.legalFramework, 2)
				]
			},
			{
				anchor: section('context'),
				blocks: [
					...this.chapter(ch('context'), c.situationAnalysis, 1, true),
					this.heading(ch('baselineData'), 2),
					this.tableOf('baselineFigure', ch('baselineData'), c.baselineFigures, [40, 15, 10, 35]),
					...(c.lessonsLearned.trim()
						? this.chapter(ch('lessonsLearned'), c.lessonsLearned, 2)
						: [])
				]
			},
			{
				anchor: section('consultation'),
				blocks: this.chapter(ch('consultation'), consultation.summary, 1, true)
			},
			{
				blocks: [
					this.heading(ch('visionGoal'), 1),
					...this.chapter(ch('vision'), o.vision, 2),
					...this.chapter(ch('goal'), o.goal, 2)
				]
			}
		];
	}

	pillars(): Part[] {
		const t = this.t;
		const colon = t('export.colon');
		const parts: Part[] = [];
		for (const place of walk(this.plan)) {
			if (place.kind === 'pillar') {
				const { pillar, ref } = place;
				const blocks: Block[] = [
					this.heading([...fixed(`${ref}. `), ...this.pillarName(pillar.id)], 1, { anchored: true })
				];
				if (pillar.description.trim()) blocks.push(this.text(pillar.description));
				if (pillar.objectives.length === 0) blocks.push({ kind: 'text', lines: [this.missing] });
				parts.push({ anchor: { target: 'pillar', targetId: pillar.id }, blocks });
			} else if (place.kind === 'objective') {
				const { objective, ref } = place;
				const lead = fixed(`${t('export.labels.objective', { ref })}${colon}`);
				const blocks: Block[] = [
					this.heading(
						objective.title.trim() ? planLine(objective.title.trim()) : this.missing,
						2,
						{ lead, anchored: true }
					)
				];
				if (objective.expectedResults.trim())
					blocks.push(
						{ kind: 'label', text: this.label('objective', 'expectedResults') },
						this.text(objective.expectedResults)
					);
				parts.push({ anchor: { target: 'objective', targetId: objective.id }, blocks });
			} else if (place.kind === 'action') {
				const { action, ref } = place;
				const blocks: Block[] = [
					this.heading(t('export.labels.action', { ref }), 3),
					this.text(action.description, true),
					this.values('lines', this.labelled('action', action))
				];
				if (action.indicators.length)
					blocks.push({ kind: 'label', text: this.label('action', 'indicators') });
				parts.push({ anchor: { target: 'action', targetId: action.id }, blocks });
			} else
				parts.push({
					anchor: { target: 'indicator', targetId: place.indicator.id },
					blocks: this.indicator(place.indicator, place.ref)
				});
		}
		return parts;
	}

	/** An indicator under its action: the statement (where comments on it sit), then its measures on one line. */
	indicator(indicator: Indicator, ref: string): Block[] {
		return [
			{
				kind: 'entry',
				number: ref,
				text: indicator.statement.trim() ? planLine(indicator.statement) : this.missing,
				anchored: true
			},
			this.values('inline', this.labelled('indicator', indicator))
		];
	}

	resultsMatrix(): Part {
		const t = this.t;
		const rows: Cell[][] = [];
		// One row per action; its indicators are numbered lines, the same number on a line of each indicator column.
		for (const { objective, action, ref, objectiveRef } of actionsOf(this.plan)) {
			const numbered = (value: (indicator: Indicator) => Line): Cell =>
				action.indicators.map((indicator, n) => {
					const line = value(indicator).map((run) => ({
						...run,
						text: run.text.replace(/\r?\n/g, ' ')
					}));
					return [
						...(action.indicators.length > 1 ? fixed(`${n + 1}. `) : []),
						...(line.length ? line : DASH)
					];
				});
			const numberedText = (pick: (indicator: Indicator) => string) =>
				numbered((i) => planLine(pick(i)));
			const lead = (number: string, text: string): Cell => {
				const [first, ...rest] = text.split(/\r?\n/);
				return [[...fixed(`${number} `), ...planLine(first)], ...rest.map(planLine)];
			};
			rows.push(
				[
					lead(objectiveRef, objective.title),
					lead(ref, action.description),
					numberedText((i) => i.statement),
					numbered((i) => this.valueYear(i.baselineValue, i.baselineYear)),
					numbered((i) => this.valueYear(i.targetValue, i.targetYear)),
					[action.responsibleId ? this.institution(action.responsibleId) : DASH],
					[this.institutionList(action.partnerIds)],
					[this.years(action.startYear, action.endYear)],
					[this.budgetLine(action)],
					numberedText((i) => i.meansOfVerification)
				].map((cell) => (cell.length ? cell : [DASH]))
			);
		}
		return {
			// The matrix is the whole results framework at a glance: comments on the pillars section sit on its title.
			anchor: section('pillars'),
			blocks: [
				this.heading(t('export.chapters.resultsMatrix'), 1, { anchored: true }),
				this.table(
					t('export.chapters.resultsMatrix'),
					MATRIX_COLUMNS.map((column) => matrixHeader(column, t)),
					rows,
					[11, 14, 13, 8, 8, 10, 10, 8, 9, 9],
					{ dense: true }
				)
			]
		};
	}

	coordination(): Part[] {
		const t = this.t;
		const c = this.plan.coordination;
		return [
			{
				anchor: section('coordination'),
				blocks: [
					...this.chapter(t('export.chapters.coordination'), c.description, 1, true),
					this.heading(t('export.chapters.coordinationBodies'), 2),
					this.tableOf(
						'coordinationBody',
						t('export.chapters.coordinationBodies'),
						c.bodies,
						[15, 11, 14, 20, 13, 27]
					)
				]
			}
		];
	}

	budget(): Part[] {
		const t = this.t;
		const totals = budgetTotals(this.plan);
		const money = (amount: number, currency: string): Cell => [
			fixed(formatMoney(amount, currency, this.language))
		];
		const unassigned = fixed(t('fields.budget.unassigned'));
		const label = (grouping: BudgetGrouping, key: string): Line =>
			grouping === 'pillar'
				? this.pillarName(key)
				: !key
					? unassigned
					: grouping === 'institution'
						? this.institution(key)
						: fixed(t(`options.fundingSource.${key}`));
		const summary = (grouping: BudgetGrouping, title: string): Block[] => [
			this.heading(t(title), 2),
			this.table(
				t(title),
				[t(title), t('fields.budget.total'), t('export.labels.secured')],
				budgetBy(this.plan, grouping).map((row) => [
					[label(grouping, row.key)],
					money(row.amount, row.currency),
					money(row.secured, row.currency)
				]),
				[50, 25, 25],
				{
					totals: totals.map((row) => [
						[fixed(t('fields.budget.total'))],
						money(row.amount, row.currency),
						money(row.secured, row.currency)
					])
				}
			)
		];
		return [
			{
				anchor: section('budget'),
				blocks: [
					this.heading(t('export.chapters.budget'), 1, { anchored: true }),
					...(totals.length
						? [
								...summary('pillar', 'export.labels.byPillar'),
								...summary('institution', 'export.labels.byInstitution'),
								...summary('source', 'export.labels.bySource')
							]
						: [{ kind: 'text', lines: [this.missing] } as Block]),
					...this.chapter(
						t('export.chapters.resourceMobilisation'),
						this.plan.budget.resourceMobilisation,
						2
					)
				]
			}
		];
	}

	monitoring(): Part[] {
		const t = this.t;
		const m = this.plan.monitoring;
		return [
			{
				blocks: [
					...this.chapter(t('export.chapters.monitoring'), m.description),
					this.values('lines', this.labelled('monitoring', m)),
					...this.chapter(t('export.chapters.civilSociety'), m.civilSocietyRole)
				]
			}
		];
	}

	annexes(): Part[] {
		const t = this.t;
		const events = this.plan.consultation.events;
		const participants = events.flatMap((e) =>
			e.participants.map((p) => [
				this.cell(e.title || e.place),
				p.sector ? [fixed(t(`options.sector.${p.sector}`))] : [DASH],
				[fixed(String(p.women ?? 0))],
				[fixed(String(p.men ?? 0))]
			])
		);
		// Every institution, by acronym, so that each name the team typed is in the document.
		// One collator for the whole sort: localeCompare with a locale makes one for every comparison,
		// which was the longest part of building review mode's document.
		const collator = new Intl.Collator(this.language);
		const acronyms = [...this.plan.institutions].sort((a, b) =>
			collator.compare(a.acronym || a.name, b.acronym || b.name)
		);
		const consultations = t('export.chapters.consultationAnnex');
		return [
			{
				blocks: [
					this.heading(consultations, 1),
					this.table(
						consultations,
						[
							t('export.labels.event'),
							this.label('consultationEvent', 'date'),
							this.label('consultationEvent', 'place'),
							t('export.labels.kind'),
							this.label('consultationEvent', 'outcomes')
						],
						events.map((e) => [
							this.cell(e.title),
							this.fixedCell(formatDate(e.date, this.language)),
							this.cell(e.place),
							e.kind ? [fixed(t(`options.eventKind.${e.kind}`))] : [DASH],
							this.cell(e.outcomes)
						]),
						[20, 14, 14, 16, 36]
					),
					...(participants.length
						? [
								this.table(
									consultations,
									[
										t('export.labels.event'),
										this.label('participants', 'sector'),
										this.label('participants', 'women'),
										this.label('participants', 'men')
									],
									participants,
									[40, 30, 15, 15]
								)
							]
						: []),
					this.heading(t('export.chapters.acronymsAnnex'), 1),
					this.table(
						t('export.chapters.acronymsAnnex'),
						[this.label('institution', 'acronym'), this.label('institution', 'name')],
						acronyms.map((i) => [this.cell(i.acronym), this.cell(i.name)]),
						[20, 80]
					)
				]
			}
		];
	}
}
