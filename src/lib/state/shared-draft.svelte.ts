// A shared draft on this device: the plan's Y.Doc (and its comments'), kept on the device by
// y-indexeddb and synced with the sync server on the app's own origin (/sync) by Hocuspocus. It rides
// on the DraftSession the wizard already edits: each edit made here is written into the document as
// the difference it makes (sync/binding.ts), and each change from elsewhere (a colleague, the
// device's own store, an undo) is brought into the plan field by field (sync/reconcile.ts), then
// saved on the device as the draft always is. Loaded with a dynamic import, only for a shared draft.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { z } from 'zod';
import type { Plan } from '../plan/schema.ts';
import { applyPlanChange, docHasPlan, planFromDoc, planToDoc, PLAN_ROOT } from '../sync/binding.ts';
import { addedItems, keepLocalEdits, LocalEdits } from '../sync/concurrent.ts';
import { reconcile } from '../sync/reconcile.ts';
import {
	closeReasons,
	rememberSavedBase,
	rememberSharedLink,
	savedBase,
	type Role,
	type SharedLink
} from '../sync/sharing.ts';
import type { DraftSession, SharedAttachment } from './draft-session.svelte.ts';
import { planJson, planPlain } from './plan-json.svelte.ts';

/**
 * synced: online, every change here is on the server; sending: online, some are on their way;
 * offline: the device is offline (changes wait on the device); reconnecting: online, the server is
 * not reached yet; refused: the server refused this link (`refusal` says why).
 */
export type SyncState =
	'connecting' | 'synced' | 'sending' | 'offline' | 'reconnecting' | 'refused';

/** Reasons after which trying again cannot help: the link is no good, or the server is full. */
const final = new Set<string>([
	closeReasons.unknownLink,
	closeReasons.linkRevoked,
	closeReasons.invalidDocument,
	closeReasons.tooManyDocuments,
	closeReasons.tooManyConnectionsDocument,
	closeReasons.tooManyConnectionsAddress
]);

/** Typing within this long of the last keystroke is one step of undo, as a word processor groups it. */
const UNDO_GROUP_MS = 800;

/** The device's copy of a document, by draft and link (the link's id, or 'owner'; never its secret). */
const databaseName = (link: SharedLink, kind: 'plan' | 'comments') =>
	`nap-builder.shared.${link.draftId}.${link.token.split('.')[0]}.${kind}`;

/** The key, in the plan document's database, of what this device typed (sync/concurrent.ts). */
const EDITS_KEY = 'local-edits';

/** A colleague connected to the draft now, as their device says (read through a schema: it is input). */
export interface Colleague {
	clientId: number;
	name: string;
	/** The institution they said they work for (its name). */
	institution: string;
	/** The wizard step they are on, and the field they are typing in (its id), if any. */
	step: string;
	field: string;
}
const presenceSchema = z.object({
	name: z.string().trim().max(100).catch(''),
	institution: z.string().trim().max(200).catch(''),
	step: z.string().max(40).catch(''),
	field: z.string().max(200).catch('')
});

/** How this person appears to colleagues (kept on the device, for every shared draft). */
export interface Profile {
	name: string;
	/** One of the plan's institutions (its id), or ''. */
	institutionId: string;
}
const profileKey = 'nap-builder.presence-profile';
const profileSchema = z.object({
	name: z.string().trim().max(100).catch(''),
	institutionId: z.string().max(100).catch('')
});
function storedProfile(): Profile {
	try {
		return profileSchema.parse(JSON.parse(localStorage.getItem(profileKey) ?? '{}'));
	} catch {
		return { name: '', institutionId: '' };
	}
}

/** Typing counts as typing for this long after the last key. */
const TYPING_MS = 4000;

export function syncUrl(): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}

/**
 * A shared draft being joined on this device, its documents connected (or about to be), synced or
 * still syncing: the draft's page takes them over (SharedDraft.open) rather than reading them from
 * the device and syncing again.
 */
interface Joined {
	link: SharedLink;
	doc: Y.Doc;
	comments: Y.Doc;
	stores: IndexeddbPersistence[];
	socket: HocuspocusProviderWebsocket;
	providers: { plan: HocuspocusProvider; comments: HocuspocusProvider };
	/** The plan as read from the documents once they synced, until either changes. */
	plan: Plan | undefined;
	/** Settles when the device's copies of the documents have loaded into them. */
	loading: Promise<unknown>;
	/** Settles when the documents may go on the socket (the page has shown the plan it had). */
	connecting: Promise<unknown>;
	/** Stops the join's own listeners and timers (not the documents' or the connection's). */
	stop: () => void;
}
let joined: Joined | undefined;
/** A hand-off the draft's page did not take (it never opened, or opened another link) is let go after this. */
const HAND_OFF_MS = 60_000;

const sameLink = (a: SharedLink, b: SharedLink) => a.draftId === b.draftId && a.token === b.token;

/** The joined documents of `link`, taken (once); any other hand-off is let go. */
function takeJoined(link: SharedLink): Joined | undefined {
	const taken = joined;
	joined = undefined;
	if (!taken) return undefined;
	taken.stop();
	if (sameLink(taken.link, link)) return taken;
	void letGo(taken);
	return undefined;
}

async function letGo(handed: Joined): Promise<void> {
	handed.stop();
	for (const provider of Object.values(handed.providers)) provider.destroy();
	handed.socket.destroy();
	await Promise.all(handed.stores.map((store) => store.destroy()));
	handed.doc.destroy();
	handed.comments.destroy();
}

export class SharedDraft implements SharedAttachment {
	readonly link: SharedLink;
	readonly doc: Y.Doc;
	readonly comments: Y.Doc;
	/** The role the server grants (known once it answered; until then the one this device was given). */
	role = $state<Role>('reader');
	/** Whether the plan is in the document yet (a draft joined on this device before it synced is not). */
	loaded = $state(false);
	#online = $state(true);
	#socketStatus = $state<'connecting' | 'connected' | 'disconnected'>('connecting');
	#serverSynced = $state(false);
	#wasConnected = $state(false);
	#unsent = $state(0);
	/** Changes made here since everything was last on the server: what "n changes waiting" counts. */
	waiting = $state(0);
	/** The server's close reason, when it refused this link. */
	refusal = $state('');
	canUndo = $state(false);
	canRedo = $state(false);
	/** How many items a colleague deleted came back, last time, for an edit made here they had not seen. */
	restored = $state(0);
	/** The colleagues connected now (not this device), in the order they came. */
	people = $state.raw<Colleague[]>([]);
	/** How this person appears to colleagues. */
	profile = $state<Profile>(storedProfile());
	#step = '';
	#field = '';
	#typingTimer: ReturnType<typeof setTimeout> | undefined;

	state: SyncState = $derived.by(() => {
		if (this.refusal) return 'refused';
		if (!this.#online) return 'offline';
		if (this.#socketStatus !== 'connected')
			return this.#wasConnected ? 'reconnecting' : 'connecting';
		return this.#serverSynced && this.#unsent === 0 ? 'synced' : 'sending';
	});

	readonly #session: DraftSession;
	/** The transaction origin of this person's own edits: what undo tracks, and what is never read back. */
	readonly #origin = { shared: 'local' };
	/** The plan as the document last held it, as plain objects: an edit is the difference from it. */
	#synced: Plan | undefined;
	#pullQueued = false;
	/** What this device typed into each item: written again if a colleague's move or delete dropped it. */
	readonly #edits = new LocalEdits();
	/** While the device's copy loads, the plan is not read from the document: open() decides how they meet. */
	#opening = true;
	#socket: HocuspocusProviderWebsocket | undefined;
	#providers: HocuspocusProvider[] = [];
	#stores: IndexeddbPersistence[] = [];
	#undo: Y.UndoManager;
	#stops: (() => void)[] = [];

	private constructor(session: DraftSession, link: SharedLink, handed?: Joined) {
		this.#session = session;
		this.link = link;
		this.doc = handed?.doc ?? new Y.Doc();
		this.comments = handed?.comments ?? new Y.Doc();
		this.role = link.role;
		this.#undo = new Y.UndoManager(this.doc.getMap(PLAN_ROOT), {
			trackedOrigins: new Set([this.#origin]),
			captureTimeout: UNDO_GROUP_MS
		});
		const stacks = () => {
			this.canUndo = this.#undo.canUndo();
			this.canRedo = this.#undo.canRedo();
		};
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
			this.#undo.on(event, stacks);
		for (const doc of [this.doc, this.comments])
			doc.on('update', (_update: Uint8Array, origin: unknown) => {
				// Counted until the server has every change made here (then the count starts again from 0).
				if (origin === this.#origin) this.waiting++;
				else this.#queuePull();
			});
	}

	/**
	 * Opens the shared draft of `session`: its document from the device, then the server. The
	 * coordinator's first open writes the plan into the empty document: the upload.
	 */
	static async open(session: DraftSession, link: SharedLink): Promise<SharedDraft> {
		// Just joined on this device: its documents are here, synced or still coming.
		const handed = takeJoined(link);
		try {
			return await SharedDraft.#open(session, link, handed);
		} catch (error) {
			if (handed) void letGo(handed);
			throw error;
		}
	}

	static async #open(
		session: DraftSession,
		link: SharedLink,
		handed?: Joined
	): Promise<SharedDraft> {
		const shared = new SharedDraft(session, link, handed);
		if (handed) {
			shared.#stores = handed.stores;
			await handed.loading; // opening since the invitation did: the device's copy, if it has one
		} else await shared.#load();
		await shared.#restoreEdits();
		if (!docHasPlan(shared.doc) && link.ownerSecret) {
			const plan = JSON.parse(planJson(session.plan)) as Plan;
			planToDoc(plan, shared.doc, { comments: shared.comments, origin: shared.#origin });
			shared.#undo.clear(); // the upload is not an edit to undo
		}
		// A draft changed on the device outside this session since it last saved it (a version restored)
		// is that change made to the shared document; otherwise the document, which has every edit made
		// here and every one received, is the newer.
		const known = savedBase(session.plan.id);
		if (
			known &&
			known !== session.plan.updatedAt &&
			docHasPlan(shared.doc) &&
			link.role === 'editor'
		) {
			const inDoc = planFromDoc(shared.doc, { comments: shared.comments });
			const stored = {
				...(JSON.parse(planJson(session.plan)) as Plan),
				createdAt: inDoc.createdAt,
				updatedAt: inDoc.updatedAt
			};
			applyPlanChange(shared.doc, inDoc, stored, {
				comments: shared.comments,
				origin: shared.#origin,
				edits: shared.#edits
			});
		}
		shared.#opening = false;
		shared.#pull(handed?.plan);
		shared.#connect(handed);
		return shared;
	}

	saved(updatedAt: string): void {
		rememberSavedBase(this.#session.plan.id, updatedAt);
	}

	get readOnly(): boolean {
		return !this.loaded || this.role !== 'editor';
	}

	get commentsReadOnly(): boolean {
		return !this.loaded || this.role === 'reader';
	}

	async #load(): Promise<void> {
		this.#stores = [
			new IndexeddbPersistence(databaseName(this.link, 'plan'), this.doc),
			new IndexeddbPersistence(databaseName(this.link, 'comments'), this.comments)
		];
		// A device whose storage refuses still works online: it only loses the offline copy.
		await Promise.all(this.#stores.map((store) => store.whenSynced.catch(() => undefined)));
	}

	/** What this device typed, as a previous session on it kept it beside the document. */
	async #restoreEdits(): Promise<void> {
		const stored: unknown = await this.#stores[0]?.get(EDITS_KEY).catch(() => undefined);
		if (typeof stored === 'string')
			try {
				this.#edits.restore(this.doc, JSON.parse(stored));
			} catch {
				// unreadable: nothing kept from before (the document itself has every edit it had)
			}
		this.#editsKept = this.#edits.changes;
	}

	#editsKept = 0;
	#keepingEdits = false;

	/**
	 * Keeps what this device typed beside the document on the device, when it changed: one write at a
	 * time, the last state written once the one before is through.
	 */
	#keepEdits(last = false): void {
		const store = this.#stores[0];
		if (!store || (this.#keepingEdits && !last) || this.#edits.changes === this.#editsKept) return;
		this.#editsKept = this.#edits.changes;
		this.#keepingEdits = true;
		store
			.set(EDITS_KEY, JSON.stringify(this.#edits.record()))
			.catch(() => undefined) // storage refused: kept for this session, as the document's copy is
			.finally(() => {
				this.#keepingEdits = false;
				if (!this.#disposed) this.#keepEdits();
			});
	}

	#connect(handed?: Joined): void {
		const online = () => {
			this.#online = true;
			if (!this.#socket) return;
			// Back online before the socket closed for going offline: it reconnects once it has closed.
			this.#socket.shouldConnect = true;
			void this.#socket.connect();
		};
		// Browsers keep a WebSocket open through a lost network for a long while: going offline closes
		// it at once, so that the status says so and changes wait on the device until the network is back.
		const offline = () => {
			this.#online = false;
			this.#serverSynced = false;
			this.#socket?.disconnect();
		};
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		this.#stops.push(
			() => window.removeEventListener('online', online),
			() => window.removeEventListener('offline', offline)
		);
		this.#online = navigator.onLine;

		const socket =
			handed?.socket ??
			new HocuspocusProviderWebsocket({
				url: syncUrl(),
				autoConnect: navigator.onLine,
				delay: 500,
				minDelay: 500,
				maxDelay: 5000
			});
		this.#socket = socket;
		const status = ({ status }: { status: 'connecting' | 'connected' | 'disconnected' }) => {
			this.#socketStatus = status;
			if (status === 'connected') this.#wasConnected = true;
			else this.#serverSynced = false;
		};
		socket.on('status', status);
		if (handed) status({ status: socket.status });
		const refused = (reason: string) => {
			this.refusal = reason || closeReasons.unknownLink;
			socket.disconnect();
		};
		for (const [kind, doc] of [
			['plan', this.doc],
			['comments', this.comments]
		] as const) {
			// The joined documents' providers are already attached and authenticated: the same handlers,
			// then what they already know.
			const provider =
				handed?.providers[kind] ??
				new HocuspocusProvider({
					websocketProvider: socket,
					name: `${kind}:${this.link.draftId}`,
					token: this.link.token,
					document: doc
				});
			const authenticated = (scope: string) => {
				this.#scopes[kind] = scope;
				this.#grant();
			};
			provider.on('authenticationFailed', ({ reason }: { reason: string }) => refused(reason));
			provider.on('authenticated', ({ scope }: { scope: string }) => authenticated(scope));
			provider.on('close', ({ event }: { event: CloseEvent }) => {
				if (final.has(event.reason)) refused(event.reason);
			});
			if (provider.isAuthenticated && provider.authorizedScope)
				authenticated(provider.authorizedScope);
			if (kind === 'plan') {
				provider.on('synced', () => this.#updateSynced(provider));
				provider.on('unsyncedChanges', () => this.#updateSynced(provider));
				this.#presence = provider;
				provider.awareness?.on('change', () => this.#readPresence());
				this.#sendPresence();
				if (handed) this.#updateSynced(provider);
			}
			// Documents just joined go on the socket once the page has shown the plan it had.
			if (handed)
				void handed.connecting.then(() => {
					if (!this.#disposed) provider.attach();
				});
			else provider.attach();
			this.#providers.push(provider);
		}
	}

	#presence: HocuspocusProvider | undefined;

	/** Says where this person is: the step they are on. */
	setStep(step: string): void {
		this.#step = step;
		this.#sendPresence();
	}

	/** Says this person is typing in a field (by its id); they stop a few seconds after the last key. */
	typing(field: string): void {
		clearTimeout(this.#typingTimer);
		this.#typingTimer = setTimeout(() => this.stoppedTyping(), TYPING_MS);
		if (this.#field === field) return;
		this.#field = field;
		this.#sendPresence();
	}

	stoppedTyping(): void {
		clearTimeout(this.#typingTimer);
		if (!this.#field) return;
		this.#field = '';
		this.#sendPresence();
	}

	/** Changes how this person appears to colleagues, on this device from now on. */
	setProfile(profile: Profile): void {
		this.profile = profileSchema.parse(profile);
		try {
			localStorage.setItem(profileKey, JSON.stringify(this.profile));
		} catch {
			// Not kept for the next draft: it still shows in this one.
		}
		this.#sendPresence();
	}

	/** The names of the colleagues typing in a field now. */
	typingIn(field: string): string[] {
		return this.people.filter((p) => p.field === field).map((p) => p.name);
	}

	#sendPresence(): void {
		const institution = this.#session.plan.institutions.find(
			(i) => i.id === this.profile.institutionId
		);
		this.#presence?.setAwarenessField('user', {
			name: this.profile.name,
			institution: institution ? institution.name.trim() || institution.acronym.trim() : '',
			step: this.#step,
			field: this.#field
		});
	}

	#readPresence(): void {
		const awareness = this.#presence?.awareness;
		if (!awareness) return;
		const people: Colleague[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			if (clientId === awareness.clientID) continue;
			const read = presenceSchema.safeParse((state as { user?: unknown }).user);
			if (read.success) people.push({ clientId, ...read.data });
		}
		this.people = people;
	}

	#updateSynced(provider: HocuspocusProvider): void {
		this.#serverSynced = provider.isSynced;
		this.#unsent = provider.unsyncedChanges;
		if (provider.isSynced && provider.unsyncedChanges === 0) this.waiting = 0;
	}

	/** What the server let each document do, once it said. */
	#scopes: { plan?: string; comments?: string } = {};

	/** The role the server's answers mean: the plan writable is an editor, the comments only a commenter. */
	#grant(): void {
		const { plan, comments } = this.#scopes;
		const role: Role | undefined =
			plan === 'read-write'
				? 'editor'
				: plan && comments
					? comments === 'read-write'
						? 'commenter'
						: 'reader'
					: undefined;
		if (!role || this.role === role) return;
		this.role = role;
		rememberSharedLink(this.#session.plan.id, { ...this.link, role });
	}

	#pushTimer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * An edit is being made here: written into the document as the difference it makes, once the
	 * event that makes it is through (the wizard calls this as the event starts, before the input's
	 * binding has changed the plan).
	 */
	edited(): void {
		if (this.commentsReadOnly || this.#pushTimer) return;
		this.#pushTimer = setTimeout(() => this.#push(), 0);
	}

	#push(): void {
		clearTimeout(this.#pushTimer);
		this.#pushTimer = undefined;
		if (this.commentsReadOnly || !this.#synced) return;
		this.#markAdded();
		// The times of the device's record are its own, never shared. The plan's objects an edit did not
		// change are the same objects as in #synced: the binding does not walk them (a keystroke at
		// 3,000 actions cost 55 to 80 ms when it compared every one).
		const edited = {
			...planPlain(this.#session.plan),
			createdAt: this.#synced.createdAt,
			updatedAt: this.#synced.updatedAt
		};
		// A commenter sends its comments only: the server would refuse anything else.
		const now = this.readOnly ? { ...this.#synced, comments: edited.comments } : edited;
		applyPlanChange(this.doc, this.#synced, now, {
			comments: this.comments,
			origin: this.#origin,
			edits: this.#edits
		});
		this.#synced = now;
		this.#keepEdits();
	}

	/**
	 * The items this person made since the last push record their institution (`contributedBy`, where
	 * the item has it and none is set), as items a ministry's draft file brings into a merge do.
	 */
	#markAdded(): void {
		const institutionId = this.profile.institutionId;
		if (!institutionId || this.readOnly || !this.#synced) return;
		const plan = this.#session.plan;
		if (!plan.institutions.some((i) => i.id === institutionId)) return;
		for (const path of addedItems(this.#synced, planPlain(plan))) {
			const item = path.reduce<unknown>(
				(value, key) => (value as Record<string | number, unknown>)[key],
				plan
			) as Record<string, unknown>;
			if (item.contributedBy === '') item.contributedBy = institutionId;
		}
	}

	#queuePull(): void {
		if (this.#pullQueued || this.#opening) return;
		this.#pullQueued = true;
		queueMicrotask(() => {
			this.#pullQueued = false;
			this.#pull();
		});
	}

	/** Brings the document's plan into the session's, after writing whatever was typed here first. */
	#pull(read?: Plan): void {
		if (!docHasPlan(this.doc)) return;
		if (this.loaded) this.#push();
		let plan = read ?? planFromDoc(this.doc, { comments: this.comments });
		const kept =
			this.#synced && !this.readOnly
				? keepLocalEdits(this.doc, this.#edits, this.#synced, plan)
				: undefined;
		if (kept) {
			applyPlanChange(this.doc, plan, kept.plan, {
				comments: this.comments,
				origin: this.#origin,
				edits: this.#edits
			});
			plan = planFromDoc(this.doc, { comments: this.comments });
			if (kept.restored.length) this.restored = kept.restored.length;
		}
		this.#keepEdits();
		const first = !this.#synced;
		this.#synced = plan;
		this.loaded = true;
		// The plan's own record keeps its times on the device (the session sets them as it saves).
		// (reconcile copies what it writes into the session's plan: `plan` is never part of it.)
		const copy = {
			...plan,
			createdAt: this.#session.plan.createdAt,
			updatedAt: this.#session.plan.updatedAt
		};
		// Opening, the document nearly always holds the plan as the device stored it (just joined, or
		// both saved together): then the session's plan is not read at all, its plain copy made later,
		// when the page is idle (reading the reactive plan whole cost 200 to 600 ms of the cold open).
		// The first edit is then written as the difference from the document's plan itself.
		if (first && this.#session.storedJson === JSON.stringify(copy)) {
			this.#warm();
			return;
		}
		// The session's plan as plain objects, made again only where it changed since the last time:
		// what is the same in it and in the document's is not read in the plan itself (its proxies).
		const known = planPlain(this.#session.plan) as unknown as Record<string, unknown>;
		let changed = false;
		this.around(
			() =>
				(changed = reconcile(this.#session.plan as unknown as Record<string, unknown>, copy, known))
		);
		// The plan as the document holds it, now also the session's: the same objects as the next edit's.
		this.#synced = {
			...planPlain(this.#session.plan),
			createdAt: plan.createdAt,
			updatedAt: plan.updatedAt
		};
		if (changed) this.#session.changedElsewhere();
	}

	/** Makes the session's plain copy while the page is idle, so that the first edit does not wait for it. */
	#warm(): void {
		const warm = () => {
			if (!this.#disposed) planPlain(this.#session.plan);
		};
		if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
		else setTimeout(warm, 200);
	}

	/** Undoes this person's last change to the plan (never a colleague's). */
	undo(): void {
		this.#push();
		this.#undo.stopCapturing();
		this.#undo.undo();
		this.#edits.settle(); // an item the undo removed is not brought back
		this.#pull();
	}

	redo(): void {
		this.#push();
		this.#undo.redo();
		this.#edits.settle();
		this.#pull();
	}

	#disposed = false;

	/** Wraps each change from elsewhere as it reaches the plan (the page keeps the caret of the field being typed in). */
	around: (apply: () => void) => void = (apply) => apply();

	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		this.#push(); // what was typed a moment ago is in the document (and on the device) before it goes
		this.#keepEdits(true); // written before the store closes (it closes once its writes are through)
		for (const stop of this.#stops.splice(0)) stop();
		clearTimeout(this.#typingTimer);
		for (const provider of this.#providers) provider.destroy();
		this.#socket?.destroy();
		this.#undo.destroy();
		for (const store of this.#stores) void store.destroy();
		this.doc.destroy();
		this.comments.destroy();
	}
}

/**
 * Joins a shared draft from an invitation on this device: fetches its documents from the server (and
 * keeps them on the device, where the draft's page opens them) and resolves with the plan they hold,
 * or rejects with the server's reason for refusing (a revoked link, one that never was). The documents
 * stay open and connected for a while, for the draft's page to take over (SharedDraft.open). With
 * `connectAfter`, they go on the socket once it has settled (the page has shown the plan it had).
 */
export async function joinSharedDraft(
	link: SharedLink,
	{ timeoutMs = 30_000, connectAfter }: { timeoutMs?: number; connectAfter?: Promise<unknown> } = {}
): Promise<{ plan: Plan; role: Role }> {
	if (joined) void letGo(joined);
	const docs = { plan: new Y.Doc(), comments: new Y.Doc() };
	const stores = Object.entries(docs).map(
		([kind, doc]) => new IndexeddbPersistence(databaseName(link, kind as 'plan' | 'comments'), doc)
	);
	// The server's copy comes while the device's copies load (opening a new database takes a while):
	// Yjs merges them in either order, and y-indexeddb stores whatever came before it opened.
	const socket = new HocuspocusProviderWebsocket({
		url: syncUrl(),
		delay: 500,
		minDelay: 500,
		maxDelay: 5000
	});
	let loaded = false;
	const loading = Promise.all(stores.map((store) => store.whenSynced.catch(() => undefined)));
	const providers: Record<'plan' | 'comments', HocuspocusProvider> = {
		plan: new HocuspocusProvider({
			websocketProvider: socket,
			name: `plan:${link.draftId}`,
			token: link.token,
			document: docs.plan
		}),
		comments: new HocuspocusProvider({
			websocketProvider: socket,
			name: `comments:${link.draftId}`,
			token: link.token,
			document: docs.comments
		})
	};
	const stops: (() => void)[] = [];
	const listen = <T>(
		on: {
			on(event: string, f: (e: T) => void): unknown;
			off(event: string, f: (e: T) => void): unknown;
		},
		event: string,
		listener: (e: T) => void
	) => {
		on.on(event, listener);
		stops.push(() => on.off(event, listener));
	};
	// Handed over at once: a page that showed the plan the server read out takes the documents before
	// they have synced (then this promise never settles: the page's shared draft carries on).
	const handed: Joined = {
		link,
		doc: docs.plan,
		comments: docs.comments,
		stores,
		socket,
		providers,
		plan: undefined,
		loading,
		connecting: connectAfter ?? Promise.resolve(),
		stop: () => {
			for (const stop of stops.splice(0)) stop();
		}
	};
	joined = handed;
	try {
		const { plan, role } = await new Promise<{ plan: Plan; role: Role }>((resolve, reject) => {
			const done = () => {
				if (joined !== handed) return; // taken before it synced (the page's shared draft carries on)
				const { plan: planScope, comments: commentsScope } = {
					plan: providers.plan.authorizedScope,
					comments: providers.comments.authorizedScope
				};
				if (
					!loaded ||
					!providers.plan.isSynced ||
					!providers.comments.isSynced ||
					!planScope ||
					!commentsScope ||
					!docHasPlan(docs.plan)
				)
					return;
				const role: Role =
					planScope === 'read-write'
						? 'editor'
						: commentsScope === 'read-write'
							? 'commenter'
							: 'reader';
				resolve({ plan: planFromDoc(docs.plan, { comments: docs.comments }), role });
			};
			listen(docs.plan, 'update', done); // a draft shared a moment ago may reach the server after this device
			for (const provider of Object.values(providers)) {
				listen(provider, 'authenticationFailed', ({ reason }: { reason: string }) =>
					reject(new Error(reason || closeReasons.unknownLink))
				);
				listen(provider, 'authenticated', done);
				listen(provider, 'synced', done);
			}
			// Once the page has shown what it had (applying a big document holds the page a while).
			void handed.connecting.then(() => {
				if (joined !== handed) return; // taken (the page's shared draft connects them) or let go
				const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
				stops.push(() => clearTimeout(timer));
				for (const provider of Object.values(providers)) provider.attach();
			});
			void loading.then(() => {
				loaded = true;
				done();
			});
		});
		handed.stop();
		// Until the draft's page takes them: a change that arrives meanwhile means the plan is read again.
		handed.plan = plan;
		const changed = () => (handed.plan = undefined);
		for (const doc of Object.values(docs)) listen(doc, 'update', changed);
		const timer = setTimeout(() => {
			if (joined !== handed) return;
			joined = undefined;
			void letGo(handed);
		}, HAND_OFF_MS);
		stops.push(() => clearTimeout(timer));
		return { plan, role };
	} catch (error) {
		handed.stop();
		if (joined === handed) joined = undefined;
		await letGo(handed);
		throw error;
	}
}
