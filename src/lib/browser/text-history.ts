// One text field's own typing history, for Ctrl+Z and Ctrl+Shift+Z (field-undo.ts). Pure: no DOM.
// Chromium keeps one undo history for the whole page, so its own Ctrl+Z in one field undoes typing in
// another (even one whose item was moved or deleted since); each field gets its own history instead.

/** Typing within this time of the last change joins the same undo step, as a word processor does. */
export const BURST_MS = 800;

export class TextHistory {
	#past: string[] = [];
	#future: string[] = [];
	#current: string;
	#lastAt = -Infinity;
	#lastKind = '';

	constructor(value: string) {
		this.#current = value;
	}

	get value(): string {
		return this.#current;
	}

	/** The field now holds `value` after the user typed (kind: "insert" or "delete"). */
	typed(value: string, kind: string, at: number): void {
		if (value === this.#current) return;
		const sameStep =
			kind === this.#lastKind && at - this.#lastAt < BURST_MS && this.#past.length > 0;
		if (!sameStep) this.#past.push(this.#current);
		this.#current = value;
		this.#future = [];
		this.#lastAt = at;
		this.#lastKind = kind;
	}

	/** The text before the last typing step, or null when there is nothing of this field's to undo. */
	undo(): string | null {
		const previous = this.#past.pop();
		if (previous === undefined) return null;
		this.#future.push(this.#current);
		this.#current = previous;
		this.#lastKind = '';
		return previous;
	}

	redo(): string | null {
		const next = this.#future.pop();
		if (next === undefined) return null;
		this.#past.push(this.#current);
		this.#current = next;
		this.#lastKind = '';
		return next;
	}
}
