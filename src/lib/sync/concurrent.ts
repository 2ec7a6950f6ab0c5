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
// The record is kept on the device beside the document (record() / restore(), written by the shared
// draft into the document's own database): an edit made offline, then a reload, then a colleague's move
// that had not seen it is still written again. Kept: the items edited last (MAX_STORED_ITEMS), each
// field's first and last values (MAX_STORED_VALUES).
//
// Pure: no Svelte, no DOM.
import * as Y from 'yjs';
import { z } from 'zod';
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
	/** The client (Y.Doc clientID) that wrote it: a reload is another client of the same device. */
	client: number;
}

interface ItemEdits {
	id: string;
	map: Y.Map<unknown> | null;
	fields: Map<string, FieldEdit>;
}

/** Keystrokes remembered per field: enough to recognise the copy a colleague moved. */
const MAX_VALUES = 400;
/** Kept on the device: the items edited last, and the first and last values of each field. */
export const MAX_STORED_ITEMS = 200;
export const MAX_STORED_VALUES = 20;

/** The record as stored (read back through this schema: it is input). */
const storedSchema = z.object({
	version: z.literal(1),
	items: z
		.array(
			z.object({
				id: z.string(),
				/** The item's map, by the id of its struct in the document; null: it was already gone. */
				map: z.object({ client: z.number().int(), clock: z.number().int() }).nullable(),
				fields: z.array(
					z.object({
						path: z.string(),
						text: z.boolean(),
						was: z.unknown(),
						now: z.unknown(),
						values: z.array(z.unknown()),
						clock: z.number().int().nullable(),
						client: z.number().int()
					})
				)
			})
		)
		.max(MAX_STORED_ITEMS)
});
export type StoredEdits = z.infer<typeof storedSchema>;

/** The map of a stored struct id in `doc`, if the document still has it (deleted or not). */
function mapAt(doc: Y.Doc, at: { client: number; clock: number }): Y.Map<unknown> | undefined {
	if (Y.getState(doc.store, at.client) <= at.clock) return undefined;
	try {
		const struct = Y.getItem(doc.store, Y.createID(at.client, at.clock));
		return struct instanceof Y.Item &&
			struct.id.clock === at.clock &&
			struct.content instanceof Y.ContentType &&
			struct.content.type instanceof Y.Map
			? (struct.content.type as Y.Map<unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** What this device wrote into each item's map (or meant to, when the map was already gone). */
export class LocalEdits {
	readonly #byMap = new Map<Y.Map<unknown>, ItemEdits>();
	readonly #orphans = new Map<string, ItemEdits>();
	/** Counts each change to what is kept: the record is written again when it moved. */
	changes = 0;

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
		if (!item) item = { id, map, fields: new Map() };
		items.delete(key);
		items.set(key, item); // the last edited last: the ones kept on the device
		const client = map?.doc?.clientID ?? 0;
		const field = item.fields.get(path);
		if (!field) item.fields.set(path, { text, was, now, values: [was, now], clock, client });
		else {
			field.now = now;
			field.clock = clock;
			field.client = client;
			field.values.push(now);
			if (field.values.length > MAX_VALUES) field.values.splice(1, 1);
		}
		this.changes++;
	}

	/** What is kept, as stored on the device: the items edited last, bounded (MAX_STORED_*). */
	record(): StoredEdits {
		const all = [...this.#byMap.values(), ...this.#orphans.values()];
		const values = (list: unknown[]) =>
			list.length <= MAX_STORED_VALUES
				? list
				: [...list.slice(0, 1), ...list.slice(list.length - MAX_STORED_VALUES + 1)];
		return {
			version: 1,
			items: all.slice(-MAX_STORED_ITEMS).map((item) => ({
				id: item.id,
				map:
					item.map?._item && item.map.doc
						? { client: item.map._item.id.client, clock: item.map._item.id.clock }
						: null,
				fields: [...item.fields].map(([path, field]) => ({
					path,
					text: field.text,
					was: field.was,
					now: field.now,
					values: values(field.values),
					clock: Number.isFinite(field.clock) ? field.clock : null,
					client: field.client
				}))
			}))
		};
	}

	/**
	 * Adds what a previous session on this device kept (`stored`, as record() gave it), read against
	 * `doc` as the device has it: an item whose map the document no longer holds counts as gone.
	 * Anything unreadable is ignored (it never stops the draft from opening).
	 */
	restore(doc: Y.Doc, stored: unknown): void {
		const read = storedSchema.safeParse(stored);
		if (!read.success) return;
		for (const item of read.data.items) {
			const map = item.map ? mapAt(doc, item.map) : undefined;
			// Not the item it was (a deleted map no longer says): nothing to say of it.
			if (map && !map._item?.deleted && map.get('id') !== item.id) continue;
			const fields = new Map<string, FieldEdit>(
				item.fields.map((field) => [
					field.path,
					{
						text: field.text,
						was: field.was,
						now: field.now,
						values: field.values,
						clock: field.clock ?? Infinity,
						client: field.client
					}
				])
			);
			const entry: ItemEdits = { id: item.id, map: map ?? null, fields };
			if (map) {
				if (!this.#byMap.has(map)) this.#byMap.set(map, entry);
			} else if (!this.#orphans.has(item.id)) this.#orphans.set(item.id, entry);
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
		if (gone.length) this.changes++;
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
	/** What the remover of the item (or of the nearest of its ancestors removed) had seen, by client. */
	const seenBy = (chain: Located[] | undefined) => {
		for (const { item } of [...(chain ?? [])].reverse()) {
			const seen = typeof item.id === 'string' ? removed.get(item.id) : undefined;
			if (seen instanceof Uint8Array) return Y.decodeStateVector(seen);
		}
		return new Map<number, number>();
	};
	let result: Plan | undefined;
	const kept: KeptEdits = { plan, restored: [], moved: [] };
	for (const item of gone) {
		const was = locate(before, item.id);
		const seen = seenBy(was);
		const lost = [...item.fields].filter(
			([, field]) => field.clock >= (seen.get(field.client) ?? 0)
		);
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
