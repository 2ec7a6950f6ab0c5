import { preloadCode } from '$app/navigation';
import type { Plan } from '#lib/plan/schema.ts';
import { drafts } from '#lib/storage/drafts.ts';
import { parseInvitation, readSharedPlan, type Role } from '#lib/sync/sharing.ts';

/** How long the documents wait for the server's reading of the plan to be on screen. */
const SNAPSHOT_WAIT_MS = 3000;

/**
 * Joining starts as the page loads, beside the texts the frame loads (+layout.ts), not after they
 * have and the page has rendered: the page shows how it went. The invitation rides in the fragment
 * (`location.hash`: a load may not read `url.hash`).
 */
export function load() {
	const invitation = parseInvitation(location.hash);
	if (!invitation) return { invitation, opening: undefined, show: undefined };
	// The plan as the server reads it out is asked for first, while the sync engine itself loads.
	const answer = readSharedPlan(invitation.draftId, invitation.token);
	answer.catch(() => undefined); // checked below
	const snapshot = import('#lib/sync/snapshot.ts').then(
		({ sharedPlanSnapshot }) => sharedPlanSnapshot(answer),
		() => undefined
	);
	const engine = import('#lib/state/shared-draft.svelte.ts');
	// The documents come once that plan is on screen (applying them holds the page a quarter of a
	// second at 300 actions), or at once when there is none to show.
	let show = () => {};
	const shown = new Promise<void>((resolve) => (show = resolve));
	void snapshot.then((read) => read ?? show());
	setTimeout(show, SNAPSHOT_WAIT_MS); // a reading that stalls holds nothing up
	const joining = engine.then(({ joinSharedDraft }) =>
		joinSharedDraft({ ...invitation, role: 'reader' }, { connectAfter: shown })
	);
	// Meanwhile the wizard's code loads and the drafts database opens, to keep the draft in.
	void preloadCode('/plan/[step]').catch(() => undefined);
	void drafts().catch(() => undefined);
	const opening = firstPlan(joining, snapshot);
	opening.catch(() => undefined); // the page reports it
	return { invitation, opening, show };
}

/**
 * The plan to show first: the server's reading of it, when that comes before this device's copy of
 * the documents has synced (the draft's page then takes the documents as they are, still syncing);
 * else the synced copy. A refused link is refused by both: the join says why.
 */
async function firstPlan(
	joining: Promise<{ plan: Plan; role: Role }>,
	snapshot: Promise<{ plan: Plan; role: Role } | undefined>
): Promise<{ plan: Plan; role: Role }> {
	joining.catch(() => undefined); // waited for below when there is no snapshot
	const early = await Promise.race([
		snapshot,
		joining.then(
			() => undefined,
			() => undefined
		)
	]);
	return early ?? (await joining);
}
