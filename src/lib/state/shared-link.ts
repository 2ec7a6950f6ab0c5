// Whether a draft is shared, and opening its shared document when it is: the sync engine (Yjs,
// Hocuspocus, y-indexeddb) is imported only then, so a local draft's pages load none of it.
import { sharedLinkOf, type SharedLink } from '../sync/sharing.ts';
import type { Plan } from '../plan/schema.ts';
import type { DraftSession } from './draft-session.svelte.ts';

/**
 * A shared draft just joined, being stored on this device: its page opens it as joined rather than
 * reading it back and checking it again, once it is stored.
 */
let joined: { plan: Plan; stored: Promise<void> } | undefined;

export function handOverJoinedPlan(plan: Plan, stored: Promise<void>): void {
	stored.catch(() => undefined); // the page that takes it reports it
	joined = { plan, stored };
}

/** The plan just joined, if it is draft `id` (taken once), when it is stored; throws if that failed. */
export async function takeJoinedPlan(id: string): Promise<Plan | undefined> {
	const taken = joined?.plan.id === id ? joined : undefined;
	joined = undefined;
	await taken?.stored;
	return taken?.plan;
}

/** Links the session to its shared document if the draft is shared on this device. */
export async function attachShared(
	session: DraftSession,
	link: SharedLink | undefined = sharedLinkOf(session.plan.id)
): Promise<void> {
	if (!link || session.shared) return;
	const { SharedDraft } = await import('./shared-draft.svelte.ts');
	session.shared = await SharedDraft.open(session, link);
}
