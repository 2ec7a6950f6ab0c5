// Brings a plan (the reactive one the wizard's inputs are bound to) to the values of another in place,
// assigning only what differs: a colleague's edit to one field updates that field's input and nothing
// else, and an item keeps its object (its keyed block, its focus) as long as its id stays.
//
// `known`, a plain copy equal to `target` (planPlain), lets it skip every part that is the same in
// both without reading `target` at all: reading a $state proxy is what costs (a 300-action plan read
// whole took 100 to 230 ms), and a colleague's change is one field of it.
//
// Pure: no Svelte, no DOM (it works the same on a plain object and a $state proxy).
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	!!value && typeof value === 'object' && !Array.isArray(value);
const idOf = (value: unknown) =>
	isObject(value) && typeof value.id === 'string' ? value.id : undefined;
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether two JSON values are the same, keys in the same order (as JSON.stringify would say). */
export function equalJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!equalJson(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const [keysA, keysB] = [Object.keys(a), Object.keys(b)];
	if (keysA.length !== keysB.length) return false;
	for (let i = 0; i < keysA.length; i++)
		if (keysA[i] !== keysB[i] || !equalJson((a as Json)[keysA[i]], (b as Json)[keysB[i]]))
			return false;
	return true;
}

/**
 * Makes `target` hold `source`'s values; returns whether anything changed. `known`, when given, is a
 * plain copy of `target` as it is: what is the same in it and in `source` is not read in `target`.
 */
export function reconcile(target: Json, source: Json, known?: Json): boolean {
	if (known && equalJson(known, source)) return false;
	let changed = false;
	for (const key of Object.keys(target)) {
		if (key in source) continue;
		delete target[key];
		changed = true;
	}
	for (const [key, value] of Object.entries(source)) {
		const was = known?.[key];
		if (known && key in known && equalJson(was, value)) continue;
		const current = target[key];
		if (isObject(current) && isObject(value) && idOf(current) === idOf(value))
			changed = reconcile(current, value, isObject(was) ? was : undefined) || changed;
		else if (Array.isArray(current) && Array.isArray(value))
			changed = reconcileList(current, value, Array.isArray(was) ? was : undefined) || changed;
		else if (!same(current, value)) {
			target[key] = structuredClone(value);
			changed = true;
		}
	}
	return changed;
}

function reconcileList(target: unknown[], source: unknown[], known?: unknown[]): boolean {
	if (!source.every((item) => idOf(item) !== undefined)) {
		if (same(target, source)) return false;
		target.splice(0, target.length, ...structuredClone(source));
		return true;
	}
	let changed = false;
	// `known` is `target` item for item, so the same id is the same place in both.
	const knownById =
		known && known.length === target.length
			? new Map(known.map((item) => [idOf(item), item]))
			: undefined;
	const byId = new Map(target.map((item) => [idOf(item), item]));
	const next = source.map((item) => {
		const kept = byId.get(idOf(item));
		if (isObject(kept)) {
			const was = knownById?.get(idOf(item));
			changed = reconcile(kept, item as Json, isObject(was) ? was : undefined) || changed;
			return kept;
		}
		changed = true;
		return structuredClone(item);
	});
	// The list itself is written only when its items or their order changed.
	if (next.length !== target.length || next.some((item, i) => idOf(item) !== idOf(target[i]))) {
		target.splice(0, target.length, ...next);
		changed = true;
	}
	return changed;
}
