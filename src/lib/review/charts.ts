// The figures behind the review step's charts (and the Word annex's): what each pillar and each
// responsible institution carries, when the actions run, and where the money comes from.
// Budgets are summed in the plan currency only: amounts in other currencies are never added to them
// (they are counted apart, so a chart can say what it leaves out).
import { actionCurrency, actionsOf } from '../plan/operations.ts';
import { FUNDING_SOURCES, type FundingSource, type Plan } from '../plan/schema.ts';

export interface CoverageRow {
	/** A pillar id or an institution id; '' for actions with no responsible institution. */
	key: string;
	actions: number;
	indicators: number;
	/** In the plan currency. */
	budget: number;
}

export interface Coverage {
	currency: string;
	rows: CoverageRow[];
	/** Actions whose amount is in another currency than the plan's, left out of the budget figures. */
	otherCurrency: number;
}

/** Actions, indicators and budget of each pillar, in the plan's order (empty pillars included: a gap shows). */
export function coverageByPillar(plan: Plan): Coverage {
	const rows = new Map(
		plan.pillars.map((p) => [p.id, { key: p.id, actions: 0, indicators: 0, budget: 0 }])
	);
	return tally(plan, rows, (pillarId) => pillarId);
}

/** Actions, indicators and budget of each institution responsible for at least one action, in the
 * plan's order of institutions; actions with no (or an unknown) responsible institution last, under ''. */
export function coverageByInstitution(plan: Plan): Coverage {
	const known = new Set(plan.institutions.map((i) => i.id));
	const rows = new Map<string, CoverageRow>();
	const coverage = tally(plan, rows, (_, responsibleId) =>
		known.has(responsibleId) ? responsibleId : ''
	);
	const order = new Map(plan.institutions.map((i, n) => [i.id, n]));
	coverage.rows.sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity));
	return coverage;
}

function tally(
	plan: Plan,
	rows: Map<string, CoverageRow>,
	keyOf: (pillarId: string, responsibleId: string) => string
): Coverage {
	const currency = plan.budget.currency;
	let otherCurrency = 0;
	for (const { pillar, action } of actionsOf(plan)) {
		const key = keyOf(pillar.id, action.responsibleId);
		let row = rows.get(key);
		if (!row) rows.set(key, (row = { key, actions: 0, indicators: 0, budget: 0 }));
		row.actions++;
		row.indicators += action.indicators.length;
		if (action.budget.amount === null) continue;
		if (actionCurrency(plan, action) === currency) row.budget += action.budget.amount;
		else otherCurrency++;
	}
	return { currency, rows: [...rows.values()], otherCurrency };
}

export interface SourceRow {
	/** A funding source; '' for amounts with none. */
	key: FundingSource | '';
	amount: number;
	secured: number;
	actions: number;
}

export interface BudgetBySource {
	currency: string;
	/** Sources in the model's order, then ''; only those with an amount. */
	rows: SourceRow[];
	total: number;
	otherCurrency: number;
}

export function budgetBySource(plan: Plan): BudgetBySource {
	const currency = plan.budget.currency;
	const rows = new Map<FundingSource | '', SourceRow>(
		[...FUNDING_SOURCES, ''].map((key) => [
			key as FundingSource | '',
			{ key: key as FundingSource | '', amount: 0, secured: 0, actions: 0 }
		])
	);
	let otherCurrency = 0;
	for (const { action } of actionsOf(plan)) {
		const { amount, source, secured } = action.budget;
		if (amount === null) continue;
		if (actionCurrency(plan, action) !== currency) {
			otherCurrency++;
			continue;
		}
		const row = rows.get(source)!;
		row.amount += amount;
		if (secured) row.secured += amount;
		row.actions++;
	}
	const kept = [...rows.values()].filter((r) => r.actions > 0);
	return { currency, rows: kept, total: kept.reduce((sum, r) => sum + r.amount, 0), otherCurrency };
}

export interface TimelineRow {
	actionId: string;
	/** "2.1.3", as the plan numbers its actions. */
	ref: string;
	description: string;
	pillarId: string;
	start: number | null;
	end: number | null;
	/** Whether it can be drawn: both years given, in order. */
	dated: boolean;
}

export interface Timeline {
	/** The years the chart spans: the plan period, widened to any action that runs outside it. */
	years: number[];
	rows: TimelineRow[];
	/** How many actions run in each year of `years`. */
	perYear: number[];
}

/** A chart wider than this (a typo such as 2207) is cut to the plan period. */
const MAX_YEARS = 30;

export function timeline(plan: Plan): Timeline {
	const rows: TimelineRow[] = [...actionsOf(plan)].map(({ pillar, action, ref }) => ({
		actionId: action.id,
		ref,
		description: action.description,
		pillarId: pillar.id,
		start: action.startYear,
		end: action.endYear,
		dated:
			action.startYear !== null && action.endYear !== null && action.endYear >= action.startYear
	}));
	const { periodStart, periodEnd } = plan.overview;
	const period =
		periodStart !== null && periodEnd !== null && periodEnd >= periodStart
			? [periodStart, periodEnd]
			: null;
	const dated = rows.filter((r) => r.dated);
	const bounds = [...(period ?? []), ...dated.flatMap((r) => [r.start!, r.end!])];
	let years: number[] = [];
	if (bounds.length) {
		let [from, to] = [Math.min(...bounds), Math.max(...bounds)];
		if (to - from + 1 > MAX_YEARS) [from, to] = period ?? [from, from + MAX_YEARS - 1];
		if (to - from + 1 > MAX_YEARS) to = from + MAX_YEARS - 1;
		years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
	}
	const perYear = years.map(
		(year) => dated.filter((r) => r.start! <= year && year <= r.end!).length
	);
	return { years, rows, perYear };
}

/** Whether an action of the timeline runs in a year. */
export const runsIn = (row: TimelineRow, year: number) =>
	row.dated && row.start! <= year && year <= row.end!;
