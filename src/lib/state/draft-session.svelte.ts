// The draft being edited. The plan is deep reactive state that inputs bind to; every change is
// written to the device within a second. A failed write keeps the plan in memory, says why, and
// tries again: nothing typed is dropped.
import type { Plan } from '../plan/schema.ts';
import { StorageError, type StorageProblem } from '../storage/drafts.ts';
import { planJson } from './plan-json.svelte.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

const SAVE_DELAY_MS = 400;
const RETRY_DELAY_MS = 5_000;

export class DraftSession {
	plan: Plan = $state() as Plan;
	status = $state<SaveStatus>('saved');
	problem = $state<StorageProblem | null>(null);
	#saved: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#writing: Promise<void> | undefined;

	private readonly write: (plan: Plan) => Promise<void>;

	constructor(plan: Plan, write: (plan: Plan) => Promise<void>) {
		this.plan = plan;
		this.write = write;
		this.#saved = JSON.stringify(plan);
		open.add(this);
	}

	/**
	 * Call on every user action that may have changed the plan (an input, a change, a click). The save
	 * is scheduled; the plan is serialised only then, and written only if it differs from the last
	 * one stored. Reading the whole plan on every keystroke instead cost 15 ms a key in a 300-action plan.
	 */
	edited(): void {
		if (this.status !== 'error') this.status = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
	}

	/** Writes now whatever is not saved yet; resolves when it is stored (or the write failed). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		await this.#writing;
		// planJson writes out again only what changed since the last call (JSON.stringify of the whole
		// reactive plan took seconds at 3,000 actions).
		const serialised = planJson(this.plan);
		if (serialised === this.#saved && this.status !== 'error') {
			this.status = 'saved'; // a click that changed nothing
			return;
		}
		const snapshot = JSON.parse(serialised) as Plan;
		snapshot.updatedAt = new Date().toISOString();
		this.status = 'saving';
		this.#writing = this.write(snapshot).then(
			() => {
				this.#saved = serialised;
				this.problem = null;
				this.status = planJson(this.plan) === serialised ? 'saved' : 'pending';
				if (this.status === 'pending') this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
			},
			(error: unknown) => {
				this.problem = error instanceof StorageError ? error.problem : 'unknown';
				this.status = 'error';
				this.#timer = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
			}
		);
		await this.#writing;
	}

	/** The plan as a plain object (for a file copy), with the time of this copy. */
	snapshot(): Plan {
		const copy = JSON.parse(planJson(this.plan)) as Plan;
		copy.updatedAt = new Date().toISOString();
		return copy;
	}

	dispose(): void {
		clearTimeout(this.#timer);
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
