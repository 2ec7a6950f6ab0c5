// The Word annex of the quality review scorecard, in the export language: the criteria table
// (criterion, status, why) and the charts of the review step. Word cannot draw an SVG chart from our
// data without a PNG fallback, and Node has no canvas: each chart is a table whose labels and figures
// are text, each figure over its bar, a shaded cell as long as the figure's share of its series' largest;
// the timeline is a table of shaded year cells.
import { HeadingLevel, Paragraph, type FileChild } from 'docx';
import { formatMoney, formatPercent } from '../i18n/format.ts';
import type { Language, Plan } from '../plan/schema.ts';
import { actionsOf } from '../plan/walk.ts';
import { excerpt, pillarName } from '../plan/text.ts';
import {
	budgetBySource,
	coverageByInstitution,
	coverageByPillar,
	runsIn,
	timeline,
	type Coverage
} from '../review/charts.ts';
import { scorecard, type CriterionStatus } from '../review/scorecard.ts';
import {
	paragraph as written,
	table as writtenTable,
	textRun,
	type WrittenCell
} from './written.ts';
import { exportStrings } from './strings.ts';
import type { Contents } from './toc.ts';

const TEXT_WIDTH = 11906 - 2 * 1134; // A4 portrait less the 2 cm margins, as in docx.ts
const BAR_HEIGHT = 140; // twentieths of a point: a bar 7 pt high
const SERIES_COLOURS = ['1D4E89', '1F6F43', '8A5A00']; // actions, indicators, budget: as on the review step
const STATUS_FILL: Record<CriterionStatus, string> = {
	met: 'D9EAD3',
	partly: 'FCE8B2',
	'not-met': 'F4CCCC'
};
const YEAR_FILL = '1D4E89';

type CellContent = string | FileChild[];

/** The annex starts on a page of its own; a chart's title stays with its table. Listed in `contents`, the
 * contents page of the document the annex is in (toc.ts), where there is one. */
function headingIn(text: string, level: 1 | 2, contents?: Contents): Paragraph {
	const runs = () => [textRun(text)];
	return new Paragraph({
		heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
		pageBreakBefore: level === 1,
		keepNext: true,
		children: contents ? contents.add(level, runs(), runs) : runs()
	});
}

const paragraph = (text: string, header = false, alignment?: 'center', light = false) =>
	written({ style: header ? 'TableHeader' : 'TableText', alignment }, [
		textRun(text || '–', { color: light ? 'FFFFFF' : undefined })
	]);

function cell(
	content: CellContent,
	options: { header?: boolean; fill?: string } = {}
): WrittenCell {
	const fill = options.fill ?? (options.header ? 'DCE6F2' : undefined);
	return {
		look: fill ? { fill } : undefined,
		// An empty string is an empty cell (a timeline year); else text, or paragraphs as they are.
		children:
			content === ''
				? [written({ style: 'TableText' }, [])]
				: typeof content === 'string'
					? [paragraph(content, options.header)]
					: content
	};
}

/** A table with a repeating header row; `widths` in percent of the text width (A4's; `available`: the
 * text width of the paper exported to, which the columns are scaled up to). */
function tableIn(
	available: number,
	headers: string[],
	rows: WrittenCell[][],
	widths: number[]
): FileChild {
	return writtenTable(
		{ columns: widths.map((w) => Math.round((w / 100) * TEXT_WIDTH)), available },
		[
			{
				look: { header: true, cantSplit: true },
				cells: headers.map((h) => cell(h, { header: true }))
			},
			...rows.map((cells) => ({ look: { cantSplit: true }, cells }))
		]
	);
}

const note = (text: string, keepNext = false) =>
	written({ spacing: { before: 80, after: 200 }, keepNext }, [
		textRun(text, { italics: true, size: 18 })
	]);

/**
 * A bar to go under a figure in a table cell: a one-row table whose shaded cell takes `share` (0 to 1)
 * of the cell (`width`: the column's width, in twentieths of a point), then the paragraph Word requires
 * after a table in a cell. Nothing for a share that rounds to no bar.
 */
export function barBelow(share: number, colour: string, width: number): FileChild[] {
	const length = Math.round(width * 0.85); // within the cell's margins
	const filled = Math.min(length, Math.max(0, Math.round(length * share)));
	if (filled === 0) return [];
	const empty = () => written({ spacing: { before: 0, after: 0 } }, [textRun('', { size: 2 })]);
	const bar = (size: number, fill?: string): WrittenCell => ({
		look: { width: size, fill },
		children: [empty()]
	});
	return [
		writtenTable(
			{
				width: length,
				available: length,
				columns: filled < length ? [filled, length - filled] : [length],
				borders: 'none'
			},
			[
				{
					look: { height: BAR_HEIGHT },
					cells:
						filled < length ? [bar(filled, colour), bar(length - filled)] : [bar(length, colour)]
				}
			]
		),
		empty()
	];
}

/** Where the annex goes in a whole document: its contents page (toc.ts), and the language tag of the
 * team's own text (the names of pillars, institutions and objectives) when it is not the export's. */
export interface AnnexContext {
	contents?: Contents;
	ownLanguage?: { value: string };
	/** The text width of the paper exported to (twips): A4's unless given. */
	textWidth?: number;
}

export function scorecardAnnex(
	plan: Plan,
	language: Language,
	{ contents, ownLanguage, textWidth = TEXT_WIDTH }: AnnexContext = {}
): FileChild[] {
	const t = exportStrings(language);
	const table = (headers: string[], rows: WrittenCell[][], widths: number[]) =>
		tableIn(textWidth, headers, rows, widths);
	const heading = (text: string, level: 1 | 2) => headingIn(text, level, contents);
	/** A cell of the team's own text (a name), in the plan's language. */
	const own = (text: string) =>
		cell([
			written({ style: 'TableText' }, [textRun(text || '–', { language: ownLanguage?.value })])
		]);
	const money = (amount: number, currency: string) => formatMoney(amount, currency, language);
	const institutions = new Map(
		plan.institutions.filter((i) => i.name.trim()).map((i) => [i.id, i.name.trim()])
	);

	/**
	 * A figure as text, with its bar beneath: a one-row table inside the cell whose shaded cell takes the
	 * figure's share of the largest of its series (`width`: the column's width, in twentieths of a point).
	 * A cell ends with a paragraph, as Word requires after a table in it.
	 */
	const figure = (
		text: string,
		value: number,
		max: number,
		colour: string,
		width: number
	): FileChild[] => {
		const bar = barBelow(max > 0 ? value / max : 0, colour, width);
		return [paragraph(text), ...bar];
	};
	const columnWidth = (percent: number) => Math.round((percent / 100) * TEXT_WIDTH);

	const coverageTable = (
		coverage: Coverage,
		labelHeader: string,
		label: (key: string) => WrittenCell
	): FileChild[] => {
		const max = (pick: (r: Coverage['rows'][number]) => number) =>
			Math.max(0, ...coverage.rows.map(pick));
		const [actions, indicators, budget] = [
			max((r) => r.actions),
			max((r) => r.indicators),
			max((r) => r.budget)
		];
		const out: FileChild[] = [
			table(
				[
					labelHeader,
					t('scorecard.charts.series.actions'),
					t('scorecard.charts.series.indicators'),
					t('scorecard.charts.series.budget', { currency: coverage.currency })
				],
				coverage.rows.map((r) => [
					label(r.key),
					cell(figure(String(r.actions), r.actions, actions, SERIES_COLOURS[0], columnWidth(20))),
					cell(
						figure(
							String(r.indicators),
							r.indicators,
							indicators,
							SERIES_COLOURS[1],
							columnWidth(20)
						)
					),
					cell(
						figure(
							money(r.budget, coverage.currency),
							r.budget,
							budget,
							SERIES_COLOURS[2],
							columnWidth(23)
						)
					)
				]),
				[37, 20, 20, 23]
			)
		];
		if (coverage.otherCurrency)
			out.push(
				note(
					t('scorecard.charts.otherCurrency', {
						currency: coverage.currency,
						count: coverage.otherCurrency
					})
				)
			);
		else out.push(written({ spacing: { after: 120 } }, []));
		return out;
	};

	const criteria = scorecard(plan).map((c) => [
		cell(t(`scorecard.criteria.${c.id}`)),
		cell(t(`scorecard.status.${c.status}`), { fill: STATUS_FILL[c.status] }),
		cell(t(`scorecard.reasons.${c.id}.${c.reason.key}`, c.reason.params))
	]);

	const out: FileChild[] = [
		heading(t('scorecard.export.annex'), 1),
		written({ spacing: { after: 120 } }, [textRun(t('scorecard.export.intro'))]),
		heading(t('scorecard.export.criteriaTitle'), 2),
		table(
			[t('scorecard.columns.criterion'), t('scorecard.columns.status'), t('scorecard.columns.why')],
			criteria,
			[32, 16, 52]
		),
		note(t('scorecard.rule'))
	];

	if (plan.pillars.every((p) => p.objectives.every((o) => o.actions.length === 0)))
		return [
			...out,
			heading(t('scorecard.export.chartsTitle'), 2),
			note(t('scorecard.charts.empty'))
		];

	out.push(heading(t('scorecard.charts.pillars'), 2));
	out.push(
		...coverageTable(coverageByPillar(plan), t('scorecard.charts.columns.pillar'), (id) => {
			const pillar = plan.pillars.find((p) => p.id === id)!;
			const name = pillarName(pillar, t);
			return !name ? cell(t('export.toBeCompleted')) : pillar.name.trim() ? own(name) : cell(name);
		})
	);
	out.push(heading(t('scorecard.charts.institutions'), 2));
	out.push(
		...coverageTable(
			coverageByInstitution(plan),
			t('scorecard.charts.columns.institution'),
			(id) => {
				const name = institutions.get(id);
				return name
					? own(name)
					: cell(
							plan.institutions.some((i) => i.id === id)
								? t('export.toBeCompleted')
								: t('scorecard.charts.unassigned')
						);
			}
		)
	);

	const sources = budgetBySource(plan);
	out.push(heading(t('scorecard.charts.sources'), 2));
	if (sources.rows.length === 0)
		out.push(note(t('scorecard.charts.noBudget', { currency: sources.currency })));
	else {
		const largest = Math.max(...sources.rows.map((r) => r.amount));
		out.push(
			table(
				[
					t('scorecard.charts.columns.source'),
					t('scorecard.charts.columns.amount'),
					t('scorecard.charts.columns.secured'),
					t('scorecard.charts.columns.share')
				],
				sources.rows.map((r) => [
					cell(r.key ? t(`options.fundingSource.${r.key}`) : t('scorecard.charts.noSource')),
					cell(
						figure(
							money(r.amount, sources.currency),
							r.amount,
							largest,
							SERIES_COLOURS[2],
							columnWidth(26)
						)
					),
					cell(money(r.secured, sources.currency)),
					cell(sources.total > 0 ? formatPercent(r.amount / sources.total, language) : '–')
				]),
				[34, 26, 24, 16]
			)
		);
		out.push(
			sources.otherCurrency
				? note(
						t('scorecard.charts.otherCurrency', {
							currency: sources.currency,
							count: sources.otherCurrency
						})
					)
				: written({}, [])
		);
	}

	// One row per objective, not per action: a document of 300 actions reads (and builds) better with
	// 40 rows, each year's cell giving how many of the objective's actions run then.
	const chart = timeline(plan);
	out.push(heading(t('scorecard.charts.timeline'), 2));
	if (chart.years.length > 0) {
		// Four digits fit a year's column up to a dozen years; beyond, '27 for 2027.
		const yearLabel = (year: number) =>
			chart.years.length > 12 ? `’${String(year).slice(-2)}` : String(year);
		const yearWidth = 50 / chart.years.length;
		// Objectives with actions, in the plan's order; each action's row under its objective, by id.
		const byObjective = new Map<string, { label: string; rows: typeof chart.rows }>();
		const objectiveOf = new Map<string, string>();
		for (const { objective, action, objectiveRef } of actionsOf(plan)) {
			if (!byObjective.has(objective.id))
				byObjective.set(objective.id, {
					label: `${objectiveRef} ${excerpt(objective.title, 70)}`,
					rows: []
				});
			objectiveOf.set(action.id, objective.id);
		}
		for (const row of chart.rows)
			byObjective.get(objectiveOf.get(row.actionId) ?? '')?.rows.push(row);
		const yearCell = (running: number) =>
			running > 0
				? cell([paragraph(String(running), false, 'center', true)], { fill: YEAR_FILL })
				: cell('');
		out.push(
			note(t('scorecard.export.timelineNote'), true),
			table(
				[
					t('scorecard.charts.columns.objective'),
					t('scorecard.charts.columns.actions'),
					...chart.years.map(yearLabel)
				],
				[
					...[...byObjective.values()].map(({ label, rows }) => [
						own(label),
						cell(String(rows.length)),
						...chart.years.map((year) => yearCell(rows.filter((r) => runsIn(r, year)).length))
					]),
					[
						cell(t('scorecard.charts.running')),
						cell(String(chart.rows.length)),
						...chart.years.map((_, i) =>
							cell([paragraph(String(chart.perYear[i]), false, 'center')])
						)
					]
				],
				[36, 14, ...chart.years.map(() => yearWidth)]
			)
		);
	}
	return out;
}
