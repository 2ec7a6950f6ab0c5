// The monitoring entries of a plan: what each institution reports, per action or indicator and period.
// Reading takes the entry for an item and period; writing changes it in place (as plan/operations.ts
// does), creating it on first use. Entries of an item the plan no longer has stay in the file (a
// deleted action's history is not thrown away) and are left out of what is shown.
//
// Pure: no Svelte, no DOM.
import { newId } from '../plan/operations.ts';
import {
	actionProgressSchema,
	indicatorProgressSchema,
	MAX_ENTRIES,
	periodReportSchema,
	type ActionProgress,
	type IndicatorProgress,
	type PeriodReport,
	type Plan
} from '../plan/schema.ts';

/** Thrown instead of adding an entry past the schema's limit. */
export class EntriesFullError extends Error {
	constructor() {
		super('The monitoring of this plan holds as many entries as it can');
	}
}

type Keyed = { period: string };

/** Entries by item id for one period: the last entry wins where two devices created one at once. */
function byItem<T extends Keyed>(
	list: readonly T[],
	period: string,
	idOf: (entry: T) => string
): Map<string, T> {
	const map = new Map<string, T>();
	for (const entry of list) if (entry.period === period) map.set(idOf(entry), entry);
	return map;
}

/** Every action's entry in a period, by action id. */
export const actionEntries = (plan: Plan, period: string): Map<string, ActionProgress> =>
	byItem(plan.progress.actions, period, (e) => e.actionId);

/** Every indicator's entry in a period, by indicator id. */
export const indicatorEntries = (plan: Plan, period: string): Map<string, IndicatorProgress> =>
	byItem(plan.progress.indicators, period, (e) => e.indicatorId);

export const actionEntry = (plan: Plan, actionId: string, period: string) =>
	plan.progress.actions.findLast((e) => e.actionId === actionId && e.period === period);

export const indicatorEntry = (plan: Plan, indicatorId: string, period: string) =>
	plan.progress.indicators.findLast((e) => e.indicatorId === indicatorId && e.period === period);

export const periodReport = (plan: Plan, period: string): PeriodReport | undefined =>
	plan.progress.periods.findLast((e) => e.period === period);

const stamp = (now: Date) => now.toISOString();

function room(list: readonly unknown[]) {
	if (list.length >= MAX_ENTRIES) throw new EntriesFullError();
}

type Change<T> = Partial<Omit<T, 'id' | 'period' | 'updatedAt'>>;

/** Sets fields of an action's entry for a period (creating the entry), and returns it. */
export function setActionProgress(
	plan: Plan,
	actionId: string,
	period: string,
	change: Change<Omit<ActionProgress, 'actionId'>>,
	now = new Date()
): ActionProgress {
	let entry = actionEntry(plan, actionId, period);
	if (!entry) {
		room(plan.progress.actions);
		plan.progress.actions.push(actionProgressSchema.parse({ id: newId(), actionId, period }));
		entry = plan.progress.actions.at(-1)!;
	}
	Object.assign(entry, change, { updatedAt: stamp(now) });
	return entry;
}

/** Sets fields of an indicator's entry for a period (creating the entry), and returns it. */
export function setIndicatorProgress(
	plan: Plan,
	indicatorId: string,
	period: string,
	change: Change<Omit<IndicatorProgress, 'indicatorId'>>,
	now = new Date()
): IndicatorProgress {
	let entry = indicatorEntry(plan, indicatorId, period);
	if (!entry) {
		room(plan.progress.indicators);
		plan.progress.indicators.push(
			indicatorProgressSchema.parse({ id: newId(), indicatorId, period })
		);
		entry = plan.progress.indicators.at(-1)!;
	}
	Object.assign(entry, change, { updatedAt: stamp(now) });
	return entry;
}

/** Sets the coordinating ministry's texts for a period (creating them), and returns them. */
export function setPeriodReport(
	plan: Plan,
	period: string,
	change: Change<PeriodReport>,
	now = new Date()
): PeriodReport {
	let entry = periodReport(plan, period);
	if (!entry) {
		room(plan.progress.periods);
		plan.progress.periods.push(periodReportSchema.parse({ id: newId(), period }));
		entry = plan.progress.periods.at(-1)!;
	}
	Object.assign(entry, change, { updatedAt: stamp(now) });
	return entry;
}
