// A shared draft's session against the real sync server (server/, on a loopback port with its own
// data file), each "device" a DraftSession with its SharedDraft over fake-indexeddb: the coordinator's
// first open uploads the plan, an invitation joins it, edits travel both ways, undo undoes one's own
// edits only, a reader changes nothing, an offline device's edits wait and then arrive, and a revoked
// link gets nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import {
	invite,
	share,
	startServer,
	until,
	type TestServer
} from '../../../tests/server/helpers.ts';
import type { Plan } from '../plan/schema.ts';
import type { SharedLink } from '../sync/sharing.ts';
import { DraftSession } from './draft-session.svelte.ts';
import { sharedPlanSnapshot } from '../sync/snapshot.ts';
import { joinSharedDraft, SharedDraft } from './shared-draft.svelte.ts';

vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
const opened: DraftSession[] = [];
const browserWindow = new EventTarget();
const memory = new Map<string, string>();
const localStore = {
	getItem: (k: string) => memory.get(k) ?? null,
	setItem: (k: string, v: string) => void memory.set(k, v),
	removeItem: (k: string) => void memory.delete(k)
};
const network = { onLine: true };

beforeEach(async () => {
	server = await startServer();
	const { host } = new URL(server.url);
	vi.stubGlobal('window', browserWindow);
	vi.stubGlobal('location', { protocol: 'http:', host });
	vi.stubGlobal('navigator', network);
	vi.stubGlobal('localStorage', localStore);
	memory.clear();
	network.onLine = true;
});

afterEach(async () => {
	for (const session of opened.splice(0)) session.dispose();
	await server.stop();
	vi.unstubAllGlobals();
});

/** A device's draft session on a shared draft, its saves to the device recorded. */
async function device(plan: Plan, link: SharedLink) {
	const saved: Plan[] = [];
	const session = new DraftSession(
		structuredClone(plan),
		async (snapshot) => void saved.push(snapshot)
	);
	opened.push(session);
	const shared = await SharedDraft.open(session, link);
	session.shared = shared;
	return { session, shared, saved };
}

/** A change made as the wizard makes it: the plan changes, the session is told, the event ends. */
async function change(session: DraftSession, edit: (plan: Plan) => void) {
	session.edited();
	edit(session.plan);
	await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The coordinator shares the sample plan; `roles` are invited and join. */
async function sharedPlan() {
	const plan = samplePlan('en');
	const draft = await share(server.url);
	const owner = await device(plan, {
		draftId: draft.draftId,
		token: draft.ownerToken,
		role: 'editor',
		ownerSecret: draft.ownerSecret
	});
	await until(() => owner.shared.state === 'synced', 15_000, 'the upload');
	const join = async (role: 'editor' | 'commenter' | 'reader') => {
		const { token } = await invite(server.url, draft, role);
		const link: SharedLink = { draftId: draft.draftId, token, role };
		const joined = await joinSharedDraft(link);
		const other = await device(joined.plan, { ...link, role: joined.role });
		await until(() => other.shared.state === 'synced', 15_000, `the ${role} to sync`);
		return { ...other, joined };
	};
	return { plan, draft, owner, join };
}

describe('a shared draft', () => {
	it('is uploaded by its coordinator and joined through an invitation, whole', async () => {
		const { plan, join } = await sharedPlan();
		const editor = await join('editor');
		expect(editor.joined.role).toBe('editor');
		expect(editor.joined.plan).toEqual(plan);
		expect(editor.shared.readOnly).toBe(false);
	});

	it('opens just joined already connected, the joined documents taken over, and its edits travel', async () => {
		const { draft, owner } = await sharedPlan();
		const { token } = await invite(server.url, draft, 'editor');
		const link: SharedLink = { draftId: draft.draftId, token, role: 'editor' };
		const joined = await joinSharedDraft(link);
		const editor = await device(joined.plan, { ...link, role: joined.role });
		// Connected already (not "connecting"): the connection the invitation opened is the draft's.
		expect(['synced', 'sending']).toContain(editor.shared.state);
		expect(editor.shared.role).toBe('editor');
		expect(editor.session.plan).toEqual(joined.plan);
		await change(editor.session, (p) => (p.overview.title = 'Typed the moment it opened'));
		await until(
			() => owner.session.plan.overview.title === 'Typed the moment it opened',
			15_000,
			'the edit to reach the coordinator'
		);
	});

	it('opens with the plan the server read out before its documents came: read only, in sync once they have, and its edits travel', async () => {
		const { plan, draft, owner } = await sharedPlan();
		const { token } = await invite(server.url, draft, 'editor');
		const link: SharedLink = { draftId: draft.draftId, token, role: 'editor' };
		const answer = fetch(`${server.url}/sync/api/drafts/${draft.draftId}/plan`, {
			headers: { authorization: `Bearer ${token}` }
		}).then((response) => response.json());
		const read = await sharedPlanSnapshot(answer);
		expect(read?.role).toBe('editor');
		expect(read?.plan).toEqual(plan);
		// The page lets the documents come once it has shown that plan; it takes them before.
		let show = () => {};
		const shown = new Promise<void>((resolve) => (show = resolve));
		const joining = joinSharedDraft(link, { connectAfter: shown });
		const editor = await device(read!.plan, link);
		expect(editor.shared.readOnly).toBe(true);
		show();
		await until(
			() => editor.shared.state === 'synced' && !editor.shared.readOnly,
			15_000,
			'the documents to come'
		);
		expect(editor.session.plan).toEqual(plan);
		// Taken, the join itself never ends: nothing of it lets the documents go (its hand-off timer
		// would have, a minute later, under the shared draft now using them).
		const settled = await Promise.race([
			joining.then(() => 'settled'),
			new Promise((resolve) => setTimeout(() => resolve('pending'), 500))
		]);
		expect(settled).toBe('pending');
		await change(editor.session, (p) => (p.overview.title = 'Typed once the documents came'));
		await until(
			() => owner.session.plan.overview.title === 'Typed once the documents came',
			15_000,
			'the edit to reach the coordinator'
		);
	});

	it('says nothing can be read from an answer that is not a plan (the page then waits for the documents)', async () => {
		for (const answer of [
			() => Promise.resolve({ role: 'editor', plan: { title: 'not a plan' } }),
			() => Promise.resolve({ role: 'owner', plan: samplePlan('en') }),
			() => Promise.reject(new Error('offline'))
		])
			expect(await sharedPlanSnapshot(answer())).toBeUndefined();
	});

	it('opens from the device, not a joined copy, when the draft opens under another link', async () => {
		const { plan, draft, owner } = await sharedPlan();
		const { token } = await invite(server.url, draft, 'reader');
		await joinSharedDraft({ draftId: draft.draftId, token, role: 'reader' });
		// The coordinator opened their own invitation: the draft opens with their own link.
		owner.session.dispose();
		const again = await device(plan, {
			draftId: draft.draftId,
			token: draft.ownerToken,
			role: 'editor',
			ownerSecret: draft.ownerSecret
		});
		await until(() => again.shared.state === 'synced', 15_000, 'the coordinator to sync');
		expect(again.shared.readOnly).toBe(false);
	});

	it("carries one device's edit to the other, which saves it on the device", async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		await change(owner.session, (p) => (p.overview.title = 'National action plan 2027–2031'));
		await until(
			() => editor.session.plan.overview.title === 'National action plan 2027–2031',
			15_000,
			'the title to arrive'
		);
		await until(
			() => editor.saved.at(-1)?.overview.title === 'National action plan 2027–2031',
			15_000,
			'the title saved on the device'
		);
	});

	it('undoes only its own edits, never a colleague’s', async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		const before = owner.session.plan.overview.vision;
		await change(owner.session, (p) => (p.overview.vision = `${before} Mine.`));
		await change(editor.session, (p) => (p.overview.goal = 'Theirs.'));
		await until(
			() =>
				owner.session.plan.overview.goal === 'Theirs.' &&
				editor.session.plan.overview.vision.endsWith('Mine.'),
			15_000,
			'both edits on both'
		);
		expect(owner.shared.canUndo).toBe(true);
		owner.shared.undo();
		expect(owner.session.plan.overview.vision).toBe(before);
		expect(owner.session.plan.overview.goal).toBe('Theirs.');
		await until(() => editor.session.plan.overview.vision === before, 15_000, 'the undo to arrive');
		owner.shared.redo();
		expect(owner.session.plan.overview.vision).toBe(`${before} Mine.`);
	});

	it('is read only for a reader and a commenter, and their attempts change nothing', async () => {
		const { owner, join } = await sharedPlan();
		for (const role of ['reader', 'commenter'] as const) {
			const other = await join(role);
			expect(other.joined.role).toBe(role);
			expect(other.session.readOnly).toBe(true);
			const title = other.session.plan.overview.title;
			await change(other.session, (p) => (p.overview.title = 'Changed by a reader'));
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(owner.session.plan.overview.title).toBe(title);
		}
	});

	it('lets a commenter comment, and nothing else it changes leaves its device', async () => {
		const { owner, join } = await sharedPlan();
		const commenter = await join('commenter');
		expect(commenter.session.commentsReadOnly).toBe(false);
		const title = owner.session.plan.overview.title;
		await change(commenter.session, (p) => {
			p.comments.push({
				id: 'c-parliament',
				target: 'section',
				targetId: 'context',
				field: '',
				author: 'Parliament',
				createdAt: new Date().toISOString(),
				text: 'Add the 2026 survey.',
				replies: [],
				resolved: false,
				resolvedBy: '',
				resolvedAt: ''
			});
			p.overview.title = 'Changed along with a comment';
		});
		await until(
			() => owner.session.plan.comments.some((c) => c.text === 'Add the 2026 survey.'),
			15_000,
			'the comment to reach the coordinator'
		);
		expect(owner.session.plan.overview.title).toBe(title);
		// and a reader may not even comment
		const reader = await join('reader');
		expect(reader.session.commentsReadOnly).toBe(true);
	});

	it('keeps edits made offline on the device, says how many wait, and sends them on reconnecting', async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		network.onLine = false;
		browserWindow.dispatchEvent(new Event('offline'));
		expect(owner.shared.state).toBe('offline');
		// Both devices share the stubbed network: the editor goes offline too; the owner's edits wait.
		await change(owner.session, (p) => (p.context.introduction = 'Written offline.'));
		await change(owner.session, (p) => (p.budget.currency = 'EUR'));
		expect(owner.shared.waiting).toBe(2);
		network.onLine = true;
		browserWindow.dispatchEvent(new Event('online'));
		await until(
			() =>
				editor.session.plan.context.introduction === 'Written offline.' &&
				editor.session.plan.budget.currency === 'EUR',
			15_000,
			'the offline edits to arrive'
		);
		await until(
			() => owner.shared.state === 'synced' && owner.shared.waiting === 0,
			15_000,
			'the owner to be in sync'
		);
	});

	it('keeps offline edits through a reload, and sends them once online', async () => {
		const { plan, draft, owner, join } = await sharedPlan();
		const editor = await join('editor');
		network.onLine = false;
		browserWindow.dispatchEvent(new Event('offline'));
		await change(
			owner.session,
			(p) => (p.consultation.summary = 'Typed offline, then the page reloaded.')
		);
		// The page goes away before its draft was saved: only the device's copy of the document has the edit.
		owner.session.dispose();
		const link: SharedLink = {
			draftId: draft.draftId,
			token: draft.ownerToken,
			role: 'editor',
			ownerSecret: draft.ownerSecret
		};
		const reloaded = await device(plan, link);
		expect(reloaded.session.plan.consultation.summary).toBe(
			'Typed offline, then the page reloaded.'
		);
		network.onLine = true;
		browserWindow.dispatchEvent(new Event('online'));
		await until(
			() => editor.session.plan.consultation.summary === 'Typed offline, then the page reloaded.',
			15_000,
			'the edit to arrive'
		);
	});

	it('keeps an edit made offline through a reload when a colleague moved the item meanwhile', async () => {
		const { plan, draft, owner, join } = await sharedPlan();
		const editor = await join('editor');
		network.onLine = false;
		browserWindow.dispatchEvent(new Event('offline'));
		const moved = plan.institutions[0].id;
		const renamed = 'Ministry of Gender Equality and the Family';
		await change(owner.session, (p) => (p.institutions[0].name = renamed));
		// The colleague, not having seen it, moves that institution to the end of the list.
		await change(editor.session, (p) => p.institutions.push(p.institutions.shift()!));
		// The coordinator's page reloads before the device is back online.
		owner.session.dispose();
		const reloaded = await device(plan, {
			draftId: draft.draftId,
			token: draft.ownerToken,
			role: 'editor',
			ownerSecret: draft.ownerSecret
		});
		network.onLine = true;
		browserWindow.dispatchEvent(new Event('online'));
		for (const [who, session] of [
			['the coordinator', reloaded.session],
			['the colleague', editor.session]
		] as const)
			await until(
				() =>
					session.plan.institutions.at(-1)?.id === moved &&
					session.plan.institutions.at(-1)?.name === renamed,
				15_000,
				`${who} to have the move and the edit`
			);
		expect(reloaded.session.plan.institutions.filter((i) => i.id === moved)).toHaveLength(1);
	});

	it('shares a version restored on the device while the draft was closed', async () => {
		const { draft, owner, join } = await sharedPlan();
		const editor = await join('editor');
		await change(owner.session, (p) => (p.overview.title = 'Before the restore'));
		await owner.session.flush();
		await until(
			() => editor.session.plan.overview.title === 'Before the restore',
			15_000,
			'the title to arrive'
		);
		const stored = owner.saved.at(-1)!;
		owner.session.dispose();
		// The versions page writes the restored plan into the drafts database, with a new time.
		const restored = {
			...structuredClone(stored),
			updatedAt: new Date(Date.parse(stored.updatedAt) + 1000).toISOString()
		};
		restored.overview.title = 'As the validation workshop left it';
		const reopened = await device(restored, {
			draftId: draft.draftId,
			token: draft.ownerToken,
			role: 'editor',
			ownerSecret: draft.ownerSecret
		});
		expect(reopened.session.plan.overview.title).toBe('As the validation workshop left it');
		await until(
			() => editor.session.plan.overview.title === 'As the validation workshop left it',
			15_000,
			'the restore to arrive'
		);
	});

	it('loses no edit when the server restarts mid-session', async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		const { dataFile } = server;
		const port = Number(new URL(server.url).port);
		await server.stop();
		await until(() => owner.shared.state === 'reconnecting', 15_000, 'the owner to notice');
		await change(
			owner.session,
			(p) => (p.monitoring.description = 'Typed while the server restarted.')
		);
		server = await startServer({ dataFile, port });
		await until(
			() => editor.session.plan.monitoring.description === 'Typed while the server restarted.',
			20_000,
			'the edit to arrive after the restart'
		);
		await until(() => owner.shared.state === 'synced', 15_000, 'the owner to be in sync again');
	});

	it('refuses a revoked link, with its reason', async () => {
		const { draft } = await sharedPlan();
		const { token, link } = await invite(server.url, draft, 'editor');
		const response = await fetch(
			`${server.url}/sync/api/drafts/${draft.draftId}/links/${link.linkId}`,
			{ method: 'DELETE', headers: { authorization: `Bearer ${draft.ownerSecret}` } }
		);
		expect(response.status).toBe(200);
		await expect(
			joinSharedDraft({ draftId: draft.draftId, token, role: 'editor' })
		).rejects.toThrow('link-revoked');
	});

	it('shows each colleague with the name, institution and step they gave, and the field they type in', async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		editor.shared.setProfile({ name: 'Amina', institutionId: 'inst-defence' });
		editor.shared.setStep('actions');
		editor.shared.typing('action-x-description');
		await until(
			() => owner.shared.typingIn('action-x-description').includes('Amina'),
			15_000,
			'the colleague typing'
		);
		expect(owner.shared.people).toMatchObject([
			{ name: 'Amina', institution: 'Ministry of Defence', step: 'actions' }
		]);
		editor.shared.stoppedTyping();
		await until(
			() => owner.shared.typingIn('action-x-description').length === 0,
			15_000,
			'the colleague to stop typing'
		);
	});

	it('records the institution of the person who adds an item, on every device', async () => {
		const { owner, join } = await sharedPlan();
		const editor = await join('editor');
		editor.shared.setProfile({ name: 'Amina', institutionId: 'inst-defence' });
		await change(editor.session, (p) =>
			p.pillars[0].objectives[0].actions.push({
				...structuredClone(p.pillars[0].objectives[0].actions[0]),
				id: 'added-by-defence',
				description: 'Train 40 mediators',
				contributedBy: ''
			})
		);
		const added = (plan: Plan) =>
			plan.pillars[0].objectives[0].actions.find((a) => a.id === 'added-by-defence');
		await until(() => !!added(owner.session.plan), 15_000, 'the action to arrive');
		expect(added(owner.session.plan)!.contributedBy).toBe('inst-defence');
		expect(added(editor.session.plan)!.contributedBy).toBe('inst-defence');
		// An edit of an existing item does not change where it came from.
		await change(editor.session, (p) => (p.pillars[0].objectives[0].actions[0].description += '.'));
		expect(editor.session.plan.pillars[0].objectives[0].actions[0].contributedBy).toBe(
			samplePlan('en').pillars[0].objectives[0].actions[0].contributedBy
		);
	});
});
