// Applying the changes a workbook proposed (import.ts) that the user accepted: into the plan's entries
// for the period, each recorded as reported by the institution that sent the workbook. Kept apart from
// the reading so that the page applies without loading the workbook code.
//
// Pure: no Svelte, no DOM.
import type { Plan } from '../plan/schema.ts';
import { walk } from '../plan/walk.ts';
import { setActionProgress, setIndicatorProgress } from '../progress/entries.ts';
import type { Target } from './columns.ts';

/** One change the user accepted. */
export interface Accepted {
	kind: 'action' | 'indicator';
	id: string;
	field: Target['field'];
	after: string | number | null;
}

/** Applies the accepted changes to the plan's entries for the period, each recorded as reported by
 * `reportedBy` (an institution id, or ''); changes to items the plan no longer has are left out.
 * Returns how many were applied. */
export function applyChanges(
	plan: Plan,
	period: string,
	accepted: readonly Accepted[],
	reportedBy: string,
	now = new Date()
): number {
	const ids = new Set<string>();
	for (const place of walk(plan))
		if (place.kind === 'action') ids.add(`action:${place.action.id}`);
		else if (place.kind === 'indicator') ids.add(`indicator:${place.indicator.id}`);
	const byItem = new Map<
		string,
		{ kind: Accepted['kind']; id: string; change: Record<string, Accepted['after']> }
	>();
	let applied = 0;
	for (const a of accepted) {
		const key = `${a.kind}:${a.id}`;
		if (!ids.has(key)) continue;
		const item = byItem.get(key) ?? { kind: a.kind, id: a.id, change: {} };
		item.change[a.field] = a.after;
		byItem.set(key, item);
		applied++;
	}
	for (const { kind, id, change } of byItem.values()) {
		if (kind === 'action') setActionProgress(plan, id, period, { ...change, reportedBy }, now);
		else setIndicatorProgress(plan, id, period, { ...change, reportedBy }, now);
	}
	return applied;
}
