import { preloadCode } from '$app/navigation';
import { drafts } from '#lib/storage/drafts.ts';
import { joinSharedDraft } from '#lib/state/shared-draft.svelte.ts';
import { parseInvitation } from '#lib/sync/sharing.ts';

/**
 * Joining starts as the page loads, beside the texts the frame loads (+layout.ts), not after they
 * have and the page has rendered: the page shows how it went. The invitation rides in the fragment
 * (`location.hash`: a load may not read `url.hash`).
 */
export function load() {
	const invitation = parseInvitation(location.hash);
	if (!invitation) return { invitation, joining: undefined };
	// Meanwhile the wizard's code loads and the drafts database opens, to keep the draft in.
	void preloadCode('/plan/[step]').catch(() => undefined);
	void drafts().catch(() => undefined);
	const joining = joinSharedDraft({ ...invitation, role: 'reader' });
	joining.catch(() => undefined); // the page reports it
	return { invitation, joining };
}
