// The figures of monitoring, for one period or the whole plan to date: actions by status, indicators
// by rating, spending against the budget, each in total and by pillar, institution and source of
// funds. The dashboard, the progress report and its annex all count from here.
//
// Pure: no Svelte, no DOM.
import { actionCurrency } from '../plan/operations.ts';
import {
	PROGRESS_STATUSES,
	RATINGS,
	type Action,
	type Language,
	type Plan,
	type ProgressStatus,
	type Rating
} from '../plan/schema.ts';
import { actionsOf, indicatorsOf } from '../plan/walk.ts';
import { actionEntries, indicatorEntries } from './entries.ts';
import { standingOf, type Standing } from './rating.ts';

/** An action no one has reported on in the period. */
export const UNREPORTED = 'unreported';
/** An indicator neither computed nor rated by its reporter. */
export const UNRATED = 'unrated';

export type StatusCounts = Record<ProgressStatus | typeof UNREPORTED, number>;
export type RatingCounts = Record<Rating | typeof UNRATED, number>;

export interface Spending {
	/** A pillar's or institution's id, a source of funds; '' for the total. */
	key: string;
	currency: string;
	/** Planned: the actions' budget lines. */
	budget: number;
	/** Spent in the period (or to date, for the whole plan). */
	spent: number;
}

export interface Figures {
	actions: StatusCounts;
	indicators: RatingCounts;
	/** Per currency. */
	spending: Spending[];
	byPillar: Map<string, { actions: StatusCounts; indicators: RatingCounts; spending: Spending[] }>;
	byInstitution: Map<
		string,
		{ actions: StatusCounts; indicators: RatingCounts; spending: Spending[] }
	>;
	bySource: Spending[];
}

const statusCounts = (): StatusCounts =>
	Object.fromEntries([...PROGRESS_STATUSES, UNREPORTED].map((s) => [s, 0])) as StatusCounts;
const ratingCounts = (): RatingCounts =>
	Object.fromEntries([...RATINGS, UNRATED].map((r) => [r, 0])) as RatingCounts;

function add(rows: Spending[], key: string, currency: string, budget: number, spent: number) {
	let row = rows.find((r) => r.key === key && r.currency === currency);
	if (!row) rows.push((row = { key, currency, budget: 0, spent: 0 }));
	row.budget += budget;
	row.spent += spent;
}

/** What an action has spent in the given periods, in its entries' currency (the action's when none). */
function spentBy(
	plan: Plan,
	action: Action,
	entries: { spent: number | null; currency: string }[]
) {
	const spent: { currency: string; amount: number }[] = [];
	for (const entry of entries) {
		if (entry.spent === null) continue;
		const currency = entry.currency || actionCurrency(plan, action);
		const row = spent.find((s) => s.currency === currency);
		if (row) row.amount += entry.spent;
		else spent.push({ currency, amount: entry.spent });
	}
	return spent;
}

/**
 * The figures of the given periods (one period for a period's figures; every period reported so far
 * for the plan to date). An action's status and an indicator's rating are those of the last of the
 * periods that has them; spending adds up over the periods.
 */
export function figuresOf(plan: Plan, periods: readonly string[], language: Language): Figures {
	const figures: Figures = {
		actions: statusCounts(),
		indicators: ratingCounts(),
		spending: [],
		byPillar: new Map(),
		byInstitution: new Map(),
		bySource: []
	};
	const group = (map: Figures['byPillar'], key: string) => {
		let g = map.get(key);
		if (!g)
			map.set(key, (g = { actions: statusCounts(), indicators: ratingCounts(), spending: [] }));
		return g;
	};
	const actionMaps = periods.map((p) => actionEntries(plan, p));
	const indicatorMaps = periods.map((p) => indicatorEntries(plan, p));

	for (const { pillar, action } of actionsOf(plan)) {
		const entries = actionMaps.flatMap((m) => m.get(action.id) ?? []);
		const status = entries.findLast((e) => e.status)?.status || UNREPORTED;
		const pillarGroup = group(figures.byPillar, pillar.id);
		const institutionGroup = group(figures.byInstitution, action.responsibleId);
		for (const counts of [figures.actions, pillarGroup.actions, institutionGroup.actions])
			counts[status]++;
		const budget = action.budget.amount ?? 0;
		const currency = actionCurrency(plan, action);
		const spent = spentBy(plan, action, entries);
		const lines = [{ currency, budget, spent: 0 }];
		for (const s of spent) {
			const line = lines.find((l) => l.currency === s.currency);
			if (line) line.spent += s.amount;
			else lines.push({ currency: s.currency, budget: 0, spent: s.amount });
		}
		for (const line of lines) {
			if (line.budget === 0 && line.spent === 0) continue;
			add(figures.spending, '', line.currency, line.budget, line.spent);
			add(pillarGroup.spending, pillar.id, line.currency, line.budget, line.spent);
			add(institutionGroup.spending, action.responsibleId, line.currency, line.budget, line.spent);
			add(figures.bySource, action.budget.source, line.currency, line.budget, line.spent);
		}
	}

	for (const { pillar, action, indicator } of indicatorsOf(plan)) {
		let standing: Standing | undefined;
		for (const map of indicatorMaps) {
			const s = standingOf(plan, indicator, map.get(indicator.id), language);
			if (s.rating) standing = s;
		}
		const rating = standing?.rating ?? UNRATED;
		for (const counts of [
			figures.indicators,
			group(figures.byPillar, pillar.id).indicators,
			group(figures.byInstitution, action.responsibleId).indicators
		])
			counts[rating]++;
	}
	return figures;
}

/** An indicator's standing in each period, in order: its values over time against its target. */
export function seriesOf(
	plan: Plan,
	indicatorId: string,
	periods: readonly string[],
	language: Language
): { period: string; value: string; standing: Standing }[] {
	const place = [...indicatorsOf(plan)].find((p) => p.indicator.id === indicatorId);
	if (!place) return [];
	return periods.flatMap((period) => {
		const entry = indicatorEntries(plan, period).get(indicatorId);
		return entry && entry.value.trim()
			? [
					{
						period,
						value: entry.value,
						standing: standingOf(plan, place.indicator, entry, language)
					}
				]
			: [];
	});
}
