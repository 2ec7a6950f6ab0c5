// A field whose text and stored value differ (a date, a number): the text is kept exactly as typed,
// and only a text that certainly means a value reaches the plan; any other stays, with a message said
// when the user leaves the field. DateField and NumberField both use it.
import { untrack } from 'svelte';
import type { Language } from '../plan/schema.ts';

export interface TypedValueOptions<T> {
	/** The value as the user edits it in a language ('' for none). */
	format: (value: T, language: Language) => string;
	/** The value a text certainly means (`{ value }`), or undefined when it means none to store. */
	read: (text: string, language: Language) => { value: T } | undefined;
	/** Why a text reaches no value, and what the plan keeps instead ('' when it does reach one). */
	explain: (text: string, language: Language) => string;
	/** Stores a value read from the text (the field's bound value). */
	store: (value: T) => void;
}

export class TypedValue<T> {
	/** What the field shows: as typed, or the stored value as the language writes it. */
	text = $state('');
	/** The message for the text as it was when the user last left the field (said once, not per keystroke). */
	problem = $state('');
	readonly #options: TypedValueOptions<T>;
	// The value this field last showed or stored: a different one comes from elsewhere (a restore, another tab).
	#shown: T;
	#language: Language;

	constructor(value: T, language: Language, options: TypedValueOptions<T>) {
		this.#options = options;
		this.#shown = value;
		this.#language = language;
		this.text = options.format(value, language);
	}

	/** Call from an effect with the stored value and the language: a value from elsewhere replaces the text, and a new language rewrites a text that reads well. */
	sync(value: T, language: Language): void {
		untrack(() => {
			if (value !== this.#shown) {
				this.#shown = value;
				this.text = this.#options.format(value, language);
				this.problem = '';
			} else if (language !== this.#language && !this.problem) {
				this.text = this.#options.format(value, language);
			}
			this.#language = language;
		});
	}

	/** The user typed: a text that means a value stores it at once; any other waits, as typed. */
	input(text: string, language: Language): void {
		this.text = text;
		const read = this.#options.read(text, language);
		if (!read) return;
		this.#shown = read.value;
		this.#options.store(read.value);
		this.problem = '';
	}

	/** The user left the field: says why its text stores nothing, if it does not. */
	leave(language: Language): void {
		this.problem = this.#options.explain(this.text, language);
	}
}
