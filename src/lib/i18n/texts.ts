// The interface's texts in each language loaded, and their translation: what i18next does with them
// (nested keys, `{{name}}` values, plurals chosen by the language's rules: `_one`, `_many`, `_other`), in
// a few hundred bytes instead of the 16 KB i18next adds to the first page load. The Word export, which
// loads later, keeps i18next (export/strings.ts); texts.test.ts checks that both give every text alike.
export type TextTree = { [key: string]: unknown };
export type Values = Readonly<Record<string, unknown>>;

const VALUE = /\{\{(.+?)\}\}/g;

export class Texts {
	readonly #trees = new Map<string, TextTree>();
	readonly #plurals = new Map<string, Intl.PluralRules>();

	/** Adds texts to a language's, a text of the same key replacing the one there. */
	add(language: string, texts: TextTree): void {
		this.#trees.set(language, merge(this.#trees.get(language) ?? {}, texts));
	}

	/**
	 * The text of `key` ('wizard.next') in `language`, its `{{name}}`s replaced by the values; with a
	 * number `count`, the plural form the language's rules choose (`key_one`…), else `key` itself. A key
	 * without a text comes back as it is (so a missing text shows in tests); a value is never read as
	 * a text to replace in turn, nor a missing one replaced by nothing.
	 */
	translate(language: string, key: string, values?: Values): string {
		const tree = this.#trees.get(language);
		const count = values?.count;
		let text: unknown;
		if (typeof count === 'number')
			text = find(tree, `${key}_${this.#plural(language).select(count)}`);
		if (typeof text !== 'string') text = find(tree, key);
		if (typeof text !== 'string') return key;
		if (values === undefined) return text;
		return text.replace(VALUE, (match, name: string) => {
			const value = values[name.trim()];
			if (value === undefined) return Object.hasOwn(values, name.trim()) ? '' : match;
			return value === null ? '' : String(value);
		});
	}

	#plural(language: string): Intl.PluralRules {
		let rules = this.#plurals.get(language);
		if (!rules) this.#plurals.set(language, (rules = new Intl.PluralRules(language)));
		return rules;
	}
}

function find(tree: TextTree | undefined, key: string): unknown {
	let node: unknown = tree;
	for (const part of key.split('.')) {
		if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
		node = (node as TextTree)[part];
	}
	return node;
}

function merge(into: TextTree, from: TextTree): TextTree {
	const merged: TextTree = { ...into };
	for (const [key, value] of Object.entries(from)) {
		const there = merged[key];
		merged[key] = isTree(there) && isTree(value) ? merge(there, value) : value;
	}
	return merged;
}

const isTree = (value: unknown): value is TextTree =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
