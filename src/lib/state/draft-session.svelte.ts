// The draft being edited. The plan is deep reactive state that inputs bind to; every change is
// written to the device within a second, even while the typing goes on. A failed write keeps the plan
// in memory, says why (once), and tries again: nothing typed is dropped.
import type { Plan } from '../plan/schema.ts';
import { StorageError, type StorageProblem } from '../storage/drafts.ts';
import type { DraftLock, LockHolder } from './draft-lock.svelte.ts';
import { planJson } from './plan-json.svelte.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

/** A pause in the typing this long writes what was typed. */
export const SAVE_DELAY_MS = 400;
/**
 * Continuous typing is written at least this often, so that a crash never loses more than about a
 * second: the write itself (serialising, IndexedDB) takes the rest of that second.
 */
export const MAX_WAIT_MS = 750;
export const RETRY_DELAY_MS = 5_000;

/**
 * A shared draft's link to its document (state/shared-draft.svelte.ts), loaded only for a shared
 * draft: it writes each edit made here into the shared document and brings colleagues' edits in.
 */
export interface SharedAttachment {
	/** This person may not change the plan (a commenter, a reader), or the document is not loaded yet. */
	readonly readOnly: boolean;
	/** …nor its comments (a reader). */
	readonly commentsReadOnly: boolean;
	/** The plan was just edited here. */
	edited(): void;
	/** The draft was stored on the device, with this `updatedAt`. */
	saved(updatedAt: string): void;
	/** The names of the colleagues typing in a field (by its id) now. */
	typingIn?(field: string): string[];
	dispose(): void;
}

export class DraftSession implements LockHolder {
	plan: Plan = $state() as Plan;
	status = $state<SaveStatus>('saved');
	problem = $state<StorageProblem | null>(null);
	#saved: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** When the first edit not yet being written was made (Date.now()), for the maximum wait. */
	#firstUnsaved: number | undefined;
	#writing: Promise<void> | undefined;

	/** Stores the plan, if the stored draft is still the one of `base` (its `updatedAt`) when given. */
	private readonly write: (plan: Plan, base: string) => Promise<void>;
	/** The `updatedAt` of the draft as stored when this session last read or wrote it. */
	#base: string;
	/** Which tab edits the draft (draft-lock.svelte.ts); without one, this session always does. */
	readonly lock: DraftLock | undefined;
	/** Set while the draft is shared: its link to the shared document. */
	shared = $state.raw<SharedAttachment | undefined>();
	readonly #changedElsewhere = new Set<() => void>();
	/** Nothing was edited here nor came from elsewhere since the draft was opened. */
	#pristine = true;
	#openedPlain: Plan | undefined;

	constructor(plan: Plan, write: (plan: Plan, base: string) => Promise<void>, lock?: DraftLock) {
		this.plan = plan;
		this.write = write;
		this.#base = plan.updatedAt;
		this.lock = lock;
		if (lock) lock.holder = this;
		this.#saved = JSON.stringify(plan);
		open.add(this);
	}

	/** The plan as stored (JSON.stringify), while it has not changed since; otherwise undefined. */
	get storedJson(): string | undefined {
		return this.status === 'saved' ? this.#saved : undefined;
	}

	/** Another tab edits this draft: this one shows it and writes nothing. */
	get otherTabEdits(): boolean {
		return this.lock !== undefined && !this.lock.canEdit;
	}

	/** The plan may not be changed here: another tab edits it, or this person's role in a shared draft does not allow it. */
	get readOnly(): boolean {
		return this.otherTabEdits || (this.shared?.readOnly ?? false);
	}

	/** No comment may be written here: another tab edits the draft, or this person reads a shared draft only. */
	get commentsReadOnly(): boolean {
		return this.otherTabEdits || (this.shared?.commentsReadOnly ?? false);
	}

	/** Calls `listener` after each change that came from elsewhere (a colleague, an undo); returns how to stop. */
	onChangedElsewhere(listener: () => void): () => void {
		this.#changedElsewhere.add(listener);
		return () => this.#changedElsewhere.delete(listener);
	}

	/** The plan was changed from elsewhere (a shared draft's colleague): it is stored on the device as one's own edits are. */
	changedElsewhere(): void {
		this.#pristine = false;
		for (const listener of this.#changedElsewhere) listener();
		if (this.otherTabEdits) return;
		if (this.status !== 'error') this.status = 'pending';
		this.#firstUnsaved ??= Date.now();
		this.#schedule(SAVE_DELAY_MS);
	}

	/**
	 * Call on every user action that may have changed the plan (an input, a change, a click). The save
	 * is scheduled; the plan is serialised only then, and written only if it differs from the last
	 * one stored. Reading the whole plan on every keystroke instead cost 15 ms a key in a 300-action plan.
	 */
	edited(): void {
		// A commenter of a shared draft changes its comments only (the shared draft sends nothing else).
		if (this.readOnly && this.commentsReadOnly) return;
		this.#pristine = false;
		this.shared?.edited();
		if (this.status !== 'error') this.status = 'pending';
		this.#firstUnsaved ??= Date.now();
		this.#schedule(SAVE_DELAY_MS);
	}

	/** Writes after `delay`, but never later than the maximum wait after the first unsaved edit. */
	#schedule(delay: number): void {
		clearTimeout(this.#timer);
		const latest =
			this.#firstUnsaved === undefined ? delay : this.#firstUnsaved + MAX_WAIT_MS - Date.now();
		this.#timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(delay, latest)));
	}

	/** Writes now whatever is not saved yet; resolves when it is stored (or the write failed). */
	async flush(): Promise<void> {
		if (this.otherTabEdits) return this.#writing;
		return this.#flush();
	}

	/** Whether something typed here is not stored (for a tab whose lock was taken without asking). */
	unsaved(): boolean {
		return this.status === 'error' || planJson(this.plan) !== this.#saved;
	}

	/** Another tab takes over: writes what is not saved yet; false if that failed. */
	async handOver(): Promise<boolean> {
		await this.#flush();
		clearTimeout(this.#timer);
		return this.status !== 'error';
	}

	async #flush(): Promise<void> {
		clearTimeout(this.#timer);
		await this.#writing;
		if (this.lock && !this.lock.holds) return; // another tab writes the draft now
		this.#firstUnsaved = undefined; // edits from now on are not in this write
		// planJson writes out again only what changed since the last call (JSON.stringify of the whole
		// reactive plan took seconds at 3,000 actions).
		const serialised = planJson(this.plan);
		if (serialised === this.#saved && this.status !== 'error') {
			this.status = 'saved'; // a click that changed nothing
			return;
		}
		const snapshot = JSON.parse(serialised) as Plan;
		snapshot.updatedAt = new Date().toISOString();
		// While a failure is shown, a retry keeps it as it is: the alert is said once, not at every retry.
		if (this.status !== 'error') this.status = 'saving';
		this.#writing = this.write(snapshot, this.#base).then(
			() => {
				this.#saved = serialised;
				this.#base = snapshot.updatedAt;
				this.shared?.saved(snapshot.updatedAt);
				this.problem = null;
				this.status = planJson(this.plan) === serialised ? 'saved' : 'pending';
				if (this.status === 'pending') {
					this.#firstUnsaved ??= Date.now();
					this.#schedule(SAVE_DELAY_MS);
				}
			},
			(error: unknown) => {
				this.problem = error instanceof StorageError ? error.problem : 'unknown'; // the same reason changes nothing
				this.status = 'error';
				// Another tab changed the stored draft: this one must not write over it; it shows why and
				// keeps the text for a copy to a file.
				if (this.problem === 'elsewhere') {
					this.lock?.lost();
					return;
				}
				this.#schedule(RETRY_DELAY_MS); // sooner if typing went on during the write: within the maximum wait
			}
		);
		await this.#writing;
	}

	/**
	 * The plan as plain objects, read only (shared between calls). Until the first edit, the copy read
	 * from the device as the draft opened: writing out the reactive plan the first time (planJson) made
	 * every page about a draft wait for it before its first render.
	 */
	plain(): Plan {
		if (this.#pristine) return (this.#openedPlain ??= JSON.parse(this.#saved) as Plan);
		return JSON.parse(planJson(this.plan)) as Plan;
	}

	/** The plan as a plain object (for a file copy), with the time of this copy. */
	snapshot(): Plan {
		const copy = JSON.parse(planJson(this.plan)) as Plan;
		copy.updatedAt = new Date().toISOString();
		return copy;
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.shared?.dispose();
		this.#changedElsewhere.clear();
		if (this.lock?.holder === this) this.lock.holder = undefined;
		open.delete(this);
	}
}

/** The drafts being edited on this page (one, in practice). */
const open = new Set<DraftSession>();

/** Writes every pending edit before the page goes away (an app update); false if a write failed. */
export async function flushAll(): Promise<boolean> {
	await Promise.all([...open].map((session) => session.flush()));
	return [...open].every((session) => session.status !== 'error');
}
