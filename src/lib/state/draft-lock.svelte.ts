// One tab edits a draft at a time. Every save writes the whole plan, so two tabs editing one draft
// would silently overwrite each other (the last to save wins). The first tab to open a draft holds its
// Web Lock and edits; another tab shows the draft read only and can take over: it asks the editing tab
// (BroadcastChannel) to write what it has and let go, and reads the draft only then, so nothing typed
// in either tab is lost. A tab that does not answer (frozen, hung) loses the lock (`steal`) after a
// moment and stops writing.
// This decides who writes, not what is written: when drafts become a shared document that tabs merge
// (Yjs), every tab can edit and this lock can simply go.

/**
 * `editing`: this tab writes the draft. `elsewhere`: another tab does. `taking`: this tab asked to take
 * over and waits for the other to save. `handing`: another tab asked, this one saves its last changes.
 * `taken`: another tab took over after this one saved; `takenUnsaved`: this tab's last save had failed.
 */
export type Editing = 'editing' | 'elsewhere' | 'taking' | 'handing' | 'taken' | 'takenUnsaved';

/** The draft's session in this tab: writes what is not saved yet, even as the tab becomes read only. */
export interface LockHolder {
	handOver(): Promise<boolean>;
	/** Whether something typed here is not stored. */
	unsaved(): boolean;
}

interface Message {
	type: 'let-go' | 'letting-go';
	id: string;
}

const CHANNEL = 'nap-builder:draft-tabs';
/** How long a tab asked to let go has to answer before its lock is stolen. */
export const ANSWER_MS = 2_000;
/** A tab moving from one page of a draft to another (the wizard, review mode) keeps the lock meanwhile. */
const KEEP_MS = 2_000;

const lockName = (id: string) => `nap-builder:draft:${id}`;

export class DraftLock {
	readonly id: string;
	editing = $state<Editing>('elsewhere');
	holder: LockHolder | undefined;
	#release: (() => void) | undefined;
	#channel: BroadcastChannel | undefined;
	#answered: (() => void) | undefined;
	#users = 0;
	#drop: ReturnType<typeof setTimeout> | undefined;
	/** Without Web Locks (a page not served over https, a browser that refuses them), every tab edits. */
	#coordinated: boolean;
	/** The browser refused a lock request outright (not a wait given up). */
	#refused = false;

	constructor(id: string, coordinated: boolean) {
		this.id = id;
		this.#coordinated = coordinated;
		if (!coordinated) this.editing = 'editing';
	}

	get canEdit(): boolean {
		return this.editing === 'editing';
	}

	/** Whether this tab may write the draft now (also while it hands over its last changes). */
	get holds(): boolean {
		return !this.#coordinated || this.#release !== undefined;
	}

	async #start(): Promise<void> {
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (event: MessageEvent<Message>) => void this.#heard(event.data);
		const granted = await this.#claim({ ifAvailable: true });
		// Refused, no tab could ever edit: every tab edits instead, and the stored draft's check of what
		// it replaces (DraftsRepository.put) still keeps one from overwriting another.
		if (this.#refused) this.#coordinated = false;
		this.editing = granted || this.#refused ? 'editing' : 'elsewhere';
	}

	/** Asks for the lock; true once held. */
	#claim(options: LockOptions): Promise<boolean> {
		return new Promise((granted) => {
			let held = false;
			navigator.locks
				.request(lockName(this.id), options, (lock) => {
					if (!lock) return granted(false);
					held = true;
					granted(true);
					return new Promise<void>((release) => (this.#release = release));
				})
				.catch((error: unknown) => {
					if (!held) {
						if ((error as { name?: string })?.name !== 'AbortError') this.#refused = true;
						return granted(false); // the wait was given up, or the browser refused
					}
					// Stolen by a tab this one did not answer: stop writing at once.
					this.#release = undefined;
					if (this.editing === 'editing' || this.editing === 'handing')
						this.editing = this.holder?.unsaved() ? 'takenUnsaved' : 'taken';
				});
		});
	}

	async #heard(message: Message): Promise<void> {
		if (message?.id !== this.id) return;
		if (message.type === 'letting-go') this.#answered?.();
		if (message.type !== 'let-go' || this.editing !== 'editing') return;
		this.#channel?.postMessage({ type: 'letting-go', id: this.id } satisfies Message);
		this.editing = 'handing';
		const saved = (await this.holder?.handOver()) ?? true;
		this.editing = saved ? 'taken' : 'takenUnsaved';
		this.#let();
	}

	/** The stored draft was changed elsewhere while this tab edited it (a tab that took it over). */
	lost(): void {
		if (this.editing === 'editing' || this.editing === 'handing') this.editing = 'takenUnsaved';
		this.#let();
	}

	#let(): void {
		this.#release?.();
		this.#release = undefined;
	}

	/**
	 * Makes this tab the one that edits: the editing tab saves and lets go (or, silent, has the lock
	 * stolen), then `reopen` reads the draft as stored (`stolen`: and marks it so that a late write of
	 * the silent tab is refused), and only then does this tab edit.
	 */
	async takeOver(reopen: (stolen: boolean) => Promise<void>): Promise<void> {
		if (this.editing === 'editing' || this.editing === 'taking' || this.editing === 'handing')
			return;
		const before = this.editing;
		if (!this.#coordinated) {
			// No locks: nothing to ask; the draft as stored now is what this tab edits.
			await reopen(false);
			this.editing = 'editing';
			return;
		}
		this.editing = 'taking';
		const wait = new AbortController();
		const silent = setTimeout(() => wait.abort(), ANSWER_MS);
		this.#answered = () => clearTimeout(silent); // it answered: wait for its save, however long
		this.#channel?.postMessage({ type: 'let-go', id: this.id } satisfies Message);
		let granted = await this.#claim({ signal: wait.signal });
		clearTimeout(silent);
		this.#answered = undefined;
		const stolen = !granted;
		if (stolen) granted = await this.#claim({ steal: true });
		if (!granted) {
			this.editing = before;
			return;
		}
		try {
			await reopen(stolen);
			this.editing = 'editing';
		} catch (error) {
			this.#let();
			this.editing = before;
			throw error;
		}
	}

	/** One page of this tab is done with the draft; the last one lets the lock go a moment later. */
	close(): void {
		if (--this.#users > 0) return;
		clearTimeout(this.#drop);
		this.#drop = setTimeout(() => {
			if (this.#users > 0) return;
			this.#let();
			this.#channel?.close();
			locks.delete(this.id);
		}, KEEP_MS);
	}

	/** For openDraftLock: one more page of this tab uses the draft. */
	use(): this {
		this.#users++;
		clearTimeout(this.#drop);
		return this;
	}

	static create(id: string): { lock: DraftLock; ready: Promise<void> } {
		const coordinated =
			typeof navigator !== 'undefined' &&
			'locks' in navigator &&
			typeof BroadcastChannel !== 'undefined';
		const lock = new DraftLock(id, coordinated);
		return { lock, ready: coordinated ? lock.#start() : Promise.resolve() };
	}
}

/** This tab's locks, one per draft, shared by the pages of the tab that show it. */
const locks = new Map<string, { lock: DraftLock; ready: Promise<void> }>();

/** The lock of a draft for a page of this tab: whether this tab edits it, or another does. */
export async function openDraftLock(id: string): Promise<DraftLock> {
	let entry = locks.get(id);
	if (!entry) locks.set(id, (entry = DraftLock.create(id)));
	entry.lock.use();
	await entry.ready;
	return entry.lock;
}
