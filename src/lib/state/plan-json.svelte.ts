// The plan as JSON, the same text JSON.stringify writes, kept object by object: after an edit only the
// edited object and the objects that hold it are written out again. JSON.stringify walks every
// reactive object of the plan instead, and at 3,000 actions that walk took most of a second on each
// save and on each check after an edit.
import { untrack } from 'svelte';

/** One object or array of the plan and its JSON, recomputed when one of its own values changes. */
class JsonNode {
	readonly #value: object;
	readonly json = $derived.by(() => write(this.#value));

	constructor(value: object) {
		this.#value = value;
	}
}

const nodes = new WeakMap<object, JsonNode>();

/**
 * Each node is made in an effect root of its own, never destroyed: a `$derived` made while another
 * derived runs (a new object met while its parent is written out) counts as local to that parent,
 * which then never sees it change (the saved JSON went stale; a browser test caught the lost text).
 */
function nodeOf(value: object): JsonNode {
	let node = nodes.get(value);
	if (!node) {
		$effect.root(() => void (node = new JsonNode(value)));
		node ??= new JsonNode(value); // on the server, where $effect.root runs nothing
		nodes.set(value, node);
	}
	return node;
}

const part = (value: unknown): string | undefined =>
	value !== null && typeof value === 'object' ? nodeOf(value).json : JSON.stringify(value);

function write(value: object): string {
	if (Array.isArray(value)) {
		let out = '';
		for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (part(value[i]) ?? 'null');
		return `[${out}]`;
	}
	let out = '';
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const text = part(record[key]);
		if (text !== undefined) out += (out ? ',' : '') + JSON.stringify(key) + ':' + text;
	}
	return `{${out}}`;
}

/** The plan (reactive state or a plain object) as JSON.stringify would write it. */
export function planJson(plan: object): string {
	const root = nodeOf(plan);
	return untrack(() => root.json);
}
