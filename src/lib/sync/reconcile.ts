// Brings a plan (the reactive one the wizard's inputs are bound to) to the values of another in place,
// assigning only what differs: a colleague's edit to one field updates that field's input and nothing
// else, and an item keeps its object (its keyed block, its focus) as long as its id stays.
//
// Pure: no Svelte, no DOM (it works the same on a plain object and a $state proxy).
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	!!value && typeof value === 'object' && !Array.isArray(value);
const idOf = (value: unknown) =>
	isObject(value) && typeof value.id === 'string' ? value.id : undefined;
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Makes `target` hold `source`'s values; returns whether anything changed. */
export function reconcile(target: Json, source: Json): boolean {
	let changed = false;
	for (const key of Object.keys(target)) {
		if (key in source) continue;
		delete target[key];
		changed = true;
	}
	for (const [key, value] of Object.entries(source)) {
		const current = target[key];
		if (isObject(current) && isObject(value) && idOf(current) === idOf(value))
			changed = reconcile(current, value) || changed;
		else if (Array.isArray(current) && Array.isArray(value))
			changed = reconcileList(current, value) || changed;
		else if (!same(current, value)) {
			target[key] = structuredClone(value);
			changed = true;
		}
	}
	return changed;
}

function reconcileList(target: unknown[], source: unknown[]): boolean {
	if (!source.every((item) => idOf(item) !== undefined)) {
		if (same(target, source)) return false;
		target.splice(0, target.length, ...structuredClone(source));
		return true;
	}
	let changed = false;
	const byId = new Map(target.map((item) => [idOf(item), item]));
	const next = source.map((item) => {
		const kept = byId.get(idOf(item));
		if (isObject(kept)) {
			changed = reconcile(kept, item as Json) || changed;
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
