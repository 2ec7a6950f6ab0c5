// The plan as JSON, the same text JSON.stringify writes, kept object by object: after an edit only the
// edited object and the objects that hold it are written out again. JSON.stringify walks every
// reactive object of the plan instead, and at 3,000 actions that walk took most of a second on each
// save and on each check after an edit. The plan as plain objects (planPlain) is kept the same way:
// after an edit, only the edited object and those that hold it are new objects, every other one is the
// same as before, so that what compares two copies (the shared draft's binding) skips them.
import { untrack } from 'svelte';

/** One object or array of the plan and its JSON, recomputed when one of its own values changes. */
class JsonNode {
	readonly #value: object;
	readonly json = $derived.by(() => write(this.#value));
	readonly plain = $derived.by(() => copy(this.#value));

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

const plainPart = (value: unknown): unknown =>
	value !== null && typeof value === 'object' ? nodeOf(value).plain : value;

/** A plain copy, as JSON.parse would read the JSON back (its objects are shared: never changed). */
function copy(value: object): unknown {
	if (Array.isArray(value)) {
		const out: unknown[] = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) {
			const item = plainPart(value[i]);
			out[i] = item === undefined || typeof item === 'function' ? null : item;
		}
		return out;
	}
	const out: Record<string, unknown> = {};
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const item = record[key];
		if (item !== undefined && typeof item !== 'function') out[key] = plainPart(item);
	}
	return out;
}

/**
 * The plan as plain objects, equal to JSON.parse(planJson(plan)), objects unchanged since the last call
 * being the same objects. Read only: they are shared between calls.
 */
export function planPlain<T extends object>(plan: T): T {
	const root = nodeOf(plan);
	return untrack(() => root.plain) as T;
}

/** The plan (reactive state or a plain object) as JSON.stringify would write it. */
export function planJson(plan: object): string {
	const root = nodeOf(plan);
	return untrack(() => root.json);
}
