// An edit made here in an item that a colleague, at the same time, moved or deleted.
//
// In Yjs a move is a delete and an insert: the item's map is deleted and a copy made where it now is.
// What this device typed into the old map, unseen by the colleague when they moved it, is deleted with
// it. And a delete deletes what was typed in the item meanwhile. So this device keeps, for each item
// it edited, the fields it wrote (their value before and after, and its clock when it wrote them);
// whoever removes an item records, under the item's id in the document's 'removed' map, what it had
// seen (its state vector). When a map this device wrote into is gone, each edit the remover had not
// seen is written again, by this device only (the one that knows it), so it happens once:
//   - the item moved: the edit is made again in the item where it now is (a text merged with what is
//     there, a value written unless a colleague changed it too);
//   - the item deleted: the edit brings the item back, as this device had it, where it was (in its
//     parent, or with the nearest ancestor still there). An edit nobody had seen is new work, and
//     nothing typed is ever lost; the person who deleted it sees it back and can delete it again
//     (then having seen the edit). The page says which items came back.
// An edit the remover had seen is not written again: the delete or the move stands.
//
// Pure: no Svelte, no DOM.
import * as Y from 'yjs';
import type { Plan } from '../plan/schema.ts';
import { REMOVED_ROOT } from './binding.ts';
import { mergeText } from './splice.ts';

type Json = Record<string, unknown>;

interface FieldEdit {
	text: boolean;
	was: unknown;
	now: unknown;
	/** The values the field held here, from `was` to `now`: a copy made from one of them lacks only the rest. */
	values: unknown[];
	/** This device's clock as it last wrote the field (Infinity: never written, its item was gone). */
	clock: number;
}

interface ItemEdits {
	id: string;
	map: Y.Map<unknown> | null;
	fields: Map<string, FieldEdit>;
}

/** Keystrokes remembered per field: enough to recognise the copy a colleague moved. */
const MAX_VALUES = 400;

/** What this device wrote into each item's map (or meant to, when the map was already gone). */
export class LocalEdits {
	readonly #byMap = new Map<Y.Map<unknown>, ItemEdits>();
	readonly #orphans = new Map<string, ItemEdits>();

	note(
		map: Y.Map<unknown> | null,
		id: string,
		path: string,
		was: unknown,
		now: unknown,
		clock: number,
		text: boolean
	): void {
		const items = map ? this.#byMap : this.#orphans;
		const key = (map ?? id) as Y.Map<unknown> & string;
		let item = items.get(key);
		if (!item) items.set(key, (item = { id, map, fields: new Map() }));
		const field = item.fields.get(path);
		if (!field) item.fields.set(path, { text, was, now, values: [was, now], clock });
		else {
			field.now = now;
			field.clock = clock;
			field.values.push(now);
			if (field.values.length > MAX_VALUES) field.values.splice(1, 1);
		}
	}

	/** The items whose map is gone (moved or deleted since), taken out of what is kept. */
	take(): ItemEdits[] {
		const gone = [...this.#orphans.values()];
		this.#orphans.clear();
		for (const [map, item] of this.#byMap)
			if (map._item?.deleted || !map.doc) {
				gone.push(item);
				this.#byMap.delete(map);
			}
		return gone;
	}

	/** Forgets the maps gone by this device's own doing (an undo removed them): nothing to keep there. */
	settle(): void {
		this.take();
	}
}

interface Located {
	list: unknown[];
	index: number;
	item: Json;
}

const isObject = (value: unknown): value is Json =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** The chain of items from the plan down to the item of `id`, each in its list, or undefined. */
function locate(value: unknown, id: string, chain: Located[] = []): Located[] | undefined {
	if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) {
			if (!isObject(item)) continue;
			const here = [...chain, { list: value, index, item }];
			if (item.id === id) return here;
			const found = locate(item, id, here);
			if (found) return found;
		}
	} else if (isObject(value))
		for (const inner of Object.values(value))
			if (inner && typeof inner === 'object') {
				const found = locate(inner, id, chain);
				if (found) return found;
			}
	return undefined;
}

/** The list in `item` (or in a group of it) that is `list` in `from`, the same item elsewhere. */
function sameList(from: Json, list: unknown[], item: Json): unknown[] | undefined {
	for (const [key, value] of Object.entries(from)) {
		if (value === list) return Array.isArray(item[key]) ? (item[key] as unknown[]) : undefined;
		if (isObject(value) && isObject(item[key])) {
			const found = sameList(value, list, item[key] as Json);
			if (found) return found;
		}
	}
	return undefined;
}

const getPath = (item: Json, path: string): unknown =>
	path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), item);

function setPath(item: Json, path: string, value: unknown): void {
	const keys = path.split('.');
	let at = item;
	for (const key of keys.slice(0, -1)) {
		if (!isObject(at[key])) at[key] = {};
		at = at[key] as Json;
	}
	at[keys[keys.length - 1]] = structuredClone(value);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export interface KeptEdits {
	/** The plan with the edits written again: to write into the document (applyPlanChange). */
	plan: Plan;
	/** The items a colleague deleted that came back for an edit made here. */
	restored: string[];
	/** The items a colleague moved, with an edit made here written again in them. */
	moved: string[];
}

/**
 * After changes from elsewhere: `before` is the plan as this device had it (with its own edits),
 * `plan` the document's now. Gives the plan with each lost edit made again, or undefined when none was.
 */
export function keepLocalEdits(
	doc: Y.Doc,
	edits: LocalEdits,
	before: Plan,
	plan: Plan
): KeptEdits | undefined {
	const gone = edits.take();
	if (!gone.length) return undefined;
	const removed = doc.getMap<Uint8Array>(REMOVED_ROOT);
	const seenBy = (chain: Located[] | undefined) => {
		for (const { item } of [...(chain ?? [])].reverse()) {
			const seen = typeof item.id === 'string' ? removed.get(item.id) : undefined;
			if (seen instanceof Uint8Array) return Y.decodeStateVector(seen).get(doc.clientID) ?? 0;
		}
		return 0;
	};
	let result: Plan | undefined;
	const kept: KeptEdits = { plan, restored: [], moved: [] };
	for (const item of gone) {
		const was = locate(before, item.id);
		const seen = seenBy(was);
		const lost = [...item.fields].filter(([, field]) => field.clock >= seen);
		if (!lost.length) continue;
		result ??= structuredClone(plan);
		let now = locate(result, item.id);
		if (!now) {
			if (!was) continue;
			// Deleted: brought back, as it was here, under the nearest of its ancestors still there.
			let depth = was.length - 1;
			while (depth > 0 && !locate(result, was[depth - 1].item.id as string)) depth--;
			const parent = depth > 0 ? locate(result, was[depth - 1].item.id as string)!.at(-1)! : null;
			const list = parent
				? sameList(was[depth - 1].item, was[depth].list, parent.item)
				: sameList(before as unknown as Json, was[0].list, result as unknown as Json);
			if (!list) continue;
			list.splice(Math.min(was[depth].index, list.length), 0, structuredClone(was[depth].item));
			kept.restored.push(item.id);
			now = locate(result, item.id);
			if (!now) continue;
		} else kept.moved.push(item.id);
		const target = now.at(-1)!.item;
		for (const [path, field] of lost) {
			const current = getPath(target, path);
			if (same(current, field.now)) continue;
			if (field.values.some((value) => same(value, current))) setPath(target, path, field.now);
			else if (
				field.text &&
				typeof field.was === 'string' &&
				typeof field.now === 'string' &&
				typeof current === 'string'
			)
				setPath(target, path, mergeText(field.was, field.now, current));
			// A value a colleague changed too is theirs: it was written last.
		}
	}
	if (!result) return undefined;
	kept.plan = result;
	return kept;
}

/**
 * The items added in `after` that were nowhere in `before` (not moved: made), as paths of keys from the
 * plan. Walks only what differs by reference: copies that share unchanged objects cost their edit.
 */
export function addedItems(before: unknown, after: unknown): (string | number)[][] {
	const found: (string | number)[][] = [];
	const walk = (was: unknown, now: unknown, path: (string | number)[]) => {
		if (was === now || !now || typeof now !== 'object') return;
		if (Array.isArray(now)) {
			const ids = new Set(
				(Array.isArray(was) ? was : []).map((item) => (isObject(item) ? item.id : undefined))
			);
			const byId = new Map(
				(Array.isArray(was) ? was : []).map((item) => [isObject(item) ? item.id : undefined, item])
			);
			now.forEach((item, i) => {
				if (!isObject(item)) return;
				if (typeof item.id === 'string' && !ids.has(item.id)) found.push([...path, i]);
				else walk(byId.get(item.id), item, [...path, i]);
			});
		} else
			for (const [key, value] of Object.entries(now as Json))
				walk(isObject(was) ? was[key] : undefined, value, [...path, key]);
	};
	walk(before, after, []);
	if (!found.length) return found;
	// An item moved from elsewhere was not made here.
	const existing = new Set<unknown>();
	const collect = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(collect);
		else if (isObject(value)) {
			if (typeof value.id === 'string') existing.add(value.id);
			Object.values(value).forEach(collect);
		}
	};
	collect(before);
	const at = (path: (string | number)[]) =>
		path.reduce<unknown>((value, key) => (value as Json | undefined)?.[key], after);
	return found.filter((path) => !existing.has((at(path) as Json).id));
}
