// Who hears that a stored draft or version had to be repaired as it was read. Apart from drafts.ts, so
// that the notices can listen without loading the drafts repository (and the plan schema) on a page
// that never reads a draft.
import type { Repair } from '../plan/guard.ts';

type RepairListener = (repairs: readonly Repair[]) => void;
const repairListeners = new Set<RepairListener>();
/**
 * Calls `listener` whenever a stored draft or version had to be repaired as it was read, whichever page
 * read it: the app tells the user once (the repaired record replaces the broken one).
 */
export function onRepaired(listener: RepairListener): () => void {
	repairListeners.add(listener);
	return () => repairListeners.delete(listener);
}
export const reportRepairs = (repairs: readonly Repair[]) =>
	repairs.length && repairListeners.forEach((listener) => listener(repairs));
