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

/** A node lives as long as its object; its parent effect is the long-lived root made in planJson. */
function nodeOf(value: object): JsonNode {
	let node = nodes.get(value);
	if (!node) nodes.set(value, (node = new JsonNode(value)));
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
	let node = nodes.get(plan);
	if (!node) {
		// Created outside any component's effect, so that no component's end can freeze what it computed.
		$effect.root(() => void (node = nodeOf(plan)));
		node ??= nodeOf(plan); // on the server, where $effect.root runs nothing
	}
	const root = node;
	return untrack(() => root.json);
}
