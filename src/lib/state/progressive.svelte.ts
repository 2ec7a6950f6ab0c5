// A long list shown a few items at a time, each batch in a task of its own (browser/turns.ts), so that
// a page about a draft answers while its lists are laid out. The batch is sized from the last one's
// time, to a few milliseconds of work each: an old laptop's task stays short, and a fast one takes few.
// Once every item is shown, every item added later shows at once. On the server, every item at once.
import { onDestroy, tick } from 'svelte';
import { inTurn } from '../browser/turns.ts';

/** Milliseconds of work a batch aims at (on the device as it is, its layout included). */
const BUDGET_MS = 10;

export class Progressive {
	#shown = $state(0);
	#done = $state(typeof window === 'undefined');
	#batch: number;
	readonly #total: () => number;
	#cancel: (() => void) | undefined;

	/** `total`: how many items the list has now; `first`: how many show at once. Create it while a component is. */
	constructor(total: () => number, first = 2, batch = 2) {
		this.#shown = first;
		this.#batch = batch;
		this.#total = total;
		onDestroy(() => this.#cancel?.());
	}

	#step = async () => {
		if (this.#shown >= this.#total()) {
			this.#done = true;
			return;
		}
		const start = performance.now();
		this.#shown += this.#batch;
		await tick();
		void document.body.offsetHeight; // its layout now, so that the time measured includes it
		const spent = Math.max(performance.now() - start, 0.5);
		this.#batch = Math.max(
			1,
			Math.min(2 * this.#batch, 50, Math.round((this.#batch * BUDGET_MS) / spent))
		);
		this.#cancel = inTurn(this.#step, true);
	};

	/**
	 * How many items to show now (all of them once done). The first read (as the list renders) takes
	 * the list's turn, in reading order with the page's other parts.
	 */
	get limit(): number {
		if (!this.#done && !this.#cancel) this.#cancel = inTurn(this.#step);
		return this.#done ? Infinity : this.#shown;
	}

	/** Whether every item is shown. */
	get done(): boolean {
		return this.#done;
	}

	/** Shows every item at once (a link to one not shown yet). */
	showAll(): void {
		this.#done = true;
		this.#cancel?.();
	}
}
