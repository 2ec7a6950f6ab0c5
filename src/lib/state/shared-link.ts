// Whether a draft is shared, and opening its shared document when it is: the sync engine (Yjs,
// Hocuspocus, y-indexeddb) is imported only then, so a local draft's pages load none of it.
import { sharedLinkOf, type SharedLink } from '../sync/sharing.ts';
import type { DraftSession } from './draft-session.svelte.ts';

/** Links the session to its shared document if the draft is shared on this device. */
export async function attachShared(
	session: DraftSession,
	link: SharedLink | undefined = sharedLinkOf(session.plan.id)
): Promise<void> {
	if (!link || session.shared) return;
	const { SharedDraft } = await import('./shared-draft.svelte.ts');
	session.shared = await SharedDraft.open(session, link);
}
