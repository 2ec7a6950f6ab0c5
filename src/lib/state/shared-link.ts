// Whether a draft is shared, and opening its shared document when it is: the sync engine (Yjs,
// Hocuspocus, y-indexeddb) is imported only then, so a local draft's pages load none of it.
import { sharedLinkOf, type SharedLink } from '../sync/sharing.ts';
import type { Plan } from '../plan/schema.ts';
import type { DraftSession } from './draft-session.svelte.ts';

/**
 * A shared draft just joined: the plan being stored on this device, which its page opens as it is
 * rather than reading it back and checking it again, and, when the page shows the plan the server
 * read out, how to let the shared documents come once it is on screen (they take a while to apply).
 */
interface Joined {
	id: string;
	plan?: Plan;
	stored?: Promise<void>;
	shown?: () => void;
}
let joined: Joined | undefined;

export function handOverJoined(handed: Joined): void {
	handed.stored?.catch(() => undefined); // the page that takes it reports it
	joined?.shown?.(); // one not taken: its documents come, to be let go
	joined = handed;
}

/** What was handed over for draft `id` (taken once), once its plan is stored; throws if that failed. */
export async function takeJoined(id: string): Promise<Pick<Joined, 'plan' | 'shown'>> {
	const taken = joined?.id === id ? joined : undefined;
	if (joined && !taken) joined.shown?.(); // another draft opened: its documents come, to be let go
	joined = undefined;
	try {
		await taken?.stored;
	} catch (error) {
		taken?.shown?.();
		throw error;
	}
	return { plan: taken?.plan, shown: taken?.shown };
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
