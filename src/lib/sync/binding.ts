// The binding between a plan and its shared Y.Doc, read off the schema and the field descriptions
// (plan/descriptions.ts), never written per field:
//   an object (the plan, a section, an item, a group)   → Y.Map
//   a list of items, each with its id                   → Y.Array of Y.Map, in the list's order
//   a text the team types (shortText, longText)         → Y.Text, so two people typing in one field merge
//   anything else (a choice, a year, a list of ids…)    → the plain value, replaced whole
// The plan lives in the root map 'plan' of the plan's document; its comments in the root array
// 'comments' of the comments' document (the server lets commenters write that one only). Both may be
// one document (tests, a draft never shared).
//
// Pure: no Svelte, no DOM.
import * as Y from 'yjs';
import type { z } from 'zod';
import { fieldRegistry } from '../plan/descriptions.ts';
import { unwrap } from '../plan/fields.ts';
import { repairPlan, uniqueIds, type Repair } from '../plan/guard.ts';
import { migrate } from '../plan/migrations.ts';
import { commentSchema, planSchema, SCHEMA_VERSION, type Plan } from '../plan/schema.ts';
import type { LocalEdits } from './concurrent.ts';
import { mapPosition, splice } from './splice.ts';

export { splice };

export const PLAN_ROOT = 'plan';
export const COMMENTS_ROOT = 'comments';
/** Each item removed from the plan (or moved: removed and inserted), by id: what its remover had seen. */
export const REMOVED_ROOT = 'removed';
/**
 * The removals remembered: past this many, the oldest are forgotten, down to REMOVED_KEPT. Oldest by
 * what their remover had seen (a removal made later has seen at least as much as one it followed), so
 * every client forgets the same ones. Forgetting is the safe side: an edit made in an item removed that
 * long ago, arriving only now, counts as unseen by its remover and is written again (the item comes
 * back with it); it is never dropped.
 */
export const REMOVED_MAX = 1000;
export const REMOVED_KEPT = 800;

/** Forgets the oldest removals once there are more than REMOVED_MAX. */
function pruneRemoved(removed: Y.Map<Uint8Array>): void {
	if (removed.size <= REMOVED_MAX) return;
	const seen = (vector: unknown) => {
		if (!(vector instanceof Uint8Array)) return -1;
		let sum = 0;
		for (const clock of Y.decodeStateVector(vector).values()) sum += clock;
		return sum;
	};
	const byAge = [...removed.entries()]
		.map(([id, vector]) => [id, seen(vector)] as const)
		.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	for (const [id] of byAge.slice(0, byAge.length - REMOVED_KEPT)) removed.delete(id);
}

type Json = Record<string, unknown>;

/** How a value of a schema is held in the document. */
type Shape =
	| { type: 'object'; fields: [string, Shape][] }
	| { type: 'list'; item: Shape & { type: 'object' } }
	| { type: 'text' }
	| { type: 'value' };

const shapes = new Map<z.ZodType, Shape>();

function shapeOf(schema: z.ZodType): Shape {
	let shape = shapes.get(schema);
	if (shape) return shape;
	const meta = fieldRegistry.get(schema);
	const inner = unwrap(schema);
	const def = inner._zod.def as {
		type: string;
		shape?: Record<string, z.ZodType>;
		element?: z.ZodType;
	};
	if (meta?.type === 'shortText' || meta?.type === 'longText') shape = { type: 'text' };
	else if (def.type === 'object')
		shape = {
			type: 'object',
			fields: Object.entries(def.shape!).map(([key, field]) => [key, shapeOf(field)])
		};
	else if (
		def.type === 'array' &&
		(unwrap(def.element!)._zod.def as { type: string }).type === 'object'
	)
		shape = { type: 'list', item: shapeOf(def.element!) as Shape & { type: 'object' } };
	else shape = { type: 'value' };
	shapes.set(schema, shape);
	return shape;
}

/** The plan's own fields, all but its comments (which have a document of their own). */
const planShape: Shape & { type: 'object' } = (() => {
	const shape = shapeOf(planSchema) as Shape & { type: 'object' };
	return { type: 'object', fields: shape.fields.filter(([key]) => key !== 'comments') };
})();
const commentsShape: Shape & { type: 'list' } = {
	type: 'list',
	item: shapeOf(commentSchema) as Shape & { type: 'object' }
};

const isObject = (value: unknown): value is Json =>
	!!value && typeof value === 'object' && !Array.isArray(value);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/** A plain value as the document keeps it: a copy, so that later changes to the plan never reach it. */
const plainValue = (value: unknown) =>
	value === undefined ? null : (structuredClone(value) as unknown);

/** A new shared type (or plain value) holding `value`. */
function build(shape: Shape, value: unknown): unknown {
	switch (shape.type) {
		case 'text':
			return new Y.Text(typeof value === 'string' ? value : '');
		case 'object': {
			const map = new Y.Map<unknown>();
			const object = isObject(value) ? value : {};
			for (const [key, field] of shape.fields)
				if (object[key] !== undefined || field.type !== 'value')
					map.set(key, build(field, object[key]));
			return map;
		}
		case 'list':
			return Y.Array.from(
				(Array.isArray(value) ? value : []).map((item) => build(shape.item, item) as Y.Map<unknown>)
			);
		default:
			return plainValue(value);
	}
}

/** Writes the whole plan into an empty document (the first upload of a draft, a test). */
export function planToDoc(
	plan: Plan,
	doc: Y.Doc,
	options: { comments?: Y.Doc; origin?: unknown } = {}
): void {
	const comments = options.comments ?? doc;
	const write = () => {
		const root = doc.getMap<unknown>(PLAN_ROOT);
		for (const [key, field] of planShape.fields)
			root.set(key, build(field, (plan as unknown as Json)[key]));
		const list = comments.getArray<Y.Map<unknown>>(COMMENTS_ROOT);
		list.delete(0, list.length);
		list.push(plan.comments.map((comment) => build(commentsShape.item, comment) as Y.Map<unknown>));
	};
	if (comments === doc) doc.transact(write, options.origin);
	else comments.transact(() => doc.transact(write, options.origin), options.origin);
}

/** Whether the document holds a plan at all (a document only just created, or not synced yet, does not). */
export function docHasPlan(doc: Y.Doc): boolean {
	return typeof doc.getMap(PLAN_ROOT).get('id') === 'string';
}

/**
 * Keeps the first item of each id, in document order: an item moved by two people at once to two
 * places is in both (a move is a delete and an insert); every client keeps the same one.
 */
function dropRepeatedIds(shape: Shape, value: unknown, seen: Set<string>): unknown {
	if (shape.type === 'list' && Array.isArray(value))
		return value.flatMap((item) => {
			const id = isObject(item) ? item.id : undefined;
			if (typeof id === 'string') {
				if (seen.has(id)) return [];
				seen.add(id);
			}
			return [dropRepeatedIds(shape.item, item, seen)];
		});
	if (shape.type === 'object' && isObject(value)) {
		const copy: Json = { ...value };
		for (const [key, field] of shape.fields)
			if (key in copy) copy[key] = dropRepeatedIds(field, copy[key], seen);
		return copy;
	}
	return value;
}

/**
 * The plan a document holds. Always a plan that parses: whatever concurrent edits left (an item whose
 * parent was deleted meanwhile, a value another version wrote) is repaired field by field, as a stored
 * draft is, and `repairs` says what was.
 */
export function planFromDocWithRepairs(
	doc: Y.Doc,
	options: { comments?: Y.Doc } = {}
): { plan: Plan; repairs: Repair[] } {
	const raw = doc.getMap(PLAN_ROOT).toJSON() as Json;
	const seen = new Set<string>(typeof raw.id === 'string' ? [raw.id] : []);
	const plan = dropRepeatedIds(planShape, raw, seen) as Json;
	plan.comments = dropRepeatedIds(
		commentsShape,
		(options.comments ?? doc).getArray(COMMENTS_ROOT).toJSON(),
		seen
	);
	// A document an older version of the app wrote reads as its plan brought up to date, as a stored draft does.
	const version = plan.schemaVersion;
	if (
		typeof version === 'number' &&
		Number.isInteger(version) &&
		version >= 1 &&
		version < SCHEMA_VERSION
	) {
		try {
			return repairPlan(migrate(plan as { schemaVersion: number }));
		} catch {
			// a shape the migration cannot read: repaired as it is
		}
	}
	// Nearly always a plan as it stands: parsed (a copy, nothing of the document's), then only if it is
	// not repaired (which copies it first, then parses again, part by part).
	const parsed = planSchema.safeParse(plan);
	if (parsed.success) return { plan: parsed.data, repairs: uniqueIds(parsed.data) };
	return repairPlan(plan);
}

export const planFromDoc = (doc: Y.Doc, options: { comments?: Y.Doc } = {}): Plan =>
	planFromDocWithRepairs(doc, options).plan;

/** Where a write is: the item (an object of a list, by its id) whose map it goes into, and the path in it. */
interface Place {
	edits?: LocalEdits;
	/** This device's clock before the change: the edits it writes are at this clock and after. */
	clock: number;
	map?: Y.Map<unknown>;
	id?: string;
	path: string;
	/** Each removed item's id, with what this device had seen when it removed it (sync/concurrent.ts). */
	removed?: Y.Map<Uint8Array>;
	seen?: Uint8Array;
}

/**
 * Writes into the document what changed from `before` to `after` (the plan as this device last read
 * the document, and as it is now), and only that: a text edit is a splice of its Y.Text, so that
 * another person's typing in the same field is kept; an item keeps its Y.Map unless it moved. What a
 * colleague changed in the document since `before` was read stays: an item added, removed or moved
 * there is not undone by writing this device's plan. Objects the same by reference in `before` and
 * `after` are not walked: a keystroke in a plan whose unchanged parts are shared costs its own path.
 * `edits` keeps what this device typed into each item, so that an edit a colleague's concurrent move or
 * delete dropped can be written again (sync/concurrent.ts).
 */
export function applyPlanChange(
	doc: Y.Doc,
	before: Plan,
	after: Plan,
	options: { comments?: Y.Doc; origin?: unknown; edits?: LocalEdits } = {}
): void {
	const comments = options.comments ?? doc;
	const write = () => {
		patchMap(
			doc.getMap<unknown>(PLAN_ROOT),
			planShape,
			before as unknown as Json,
			after as unknown as Json,
			{
				edits: options.edits,
				clock: Y.getState(doc.store, doc.clientID),
				path: '',
				removed: doc.getMap<Uint8Array>(REMOVED_ROOT)
			}
		);
		pruneRemoved(doc.getMap<Uint8Array>(REMOVED_ROOT));
		if (before.comments !== after.comments && !same(before.comments, after.comments))
			patchList(
				comments.getArray<Y.Map<unknown>>(COMMENTS_ROOT),
				commentsShape.item,
				before.comments,
				after.comments,
				{ clock: Y.getState(comments.store, comments.clientID), path: '' }
			);
	};
	if (comments === doc) doc.transact(write, options.origin);
	else comments.transact(() => doc.transact(write, options.origin), options.origin);
}

function patchMap(
	map: Y.Map<unknown>,
	shape: Shape & { type: 'object' },
	before: Json,
	after: Json,
	place: Place
): void {
	for (const [key, field] of shape.fields) {
		const [was, now] = [before[key], after[key]];
		if (was === now && map.has(key)) continue;
		const current = map.get(key);
		if (field.type === 'value') {
			if (!same(was, now) || !map.has(key)) {
				map.set(key, plainValue(now));
				note(place, key, was, now);
			}
		} else if (field.type === 'text') {
			if (!(current instanceof Y.Text)) map.set(key, build(field, now));
			else if (was !== now) {
				patchText(
					current,
					typeof was === 'string' ? was : current.toString(),
					typeof now === 'string' ? now : ''
				);
				note(place, key, was, now, true);
			}
		} else if (field.type === 'object') {
			if (!(current instanceof Y.Map)) map.set(key, build(field, now));
			else
				patchMap(current, field, isObject(was) ? was : {}, isObject(now) ? now : {}, {
					...place,
					path: `${place.path}${key}.`
				});
		} else {
			if (!(current instanceof Y.Array)) map.set(key, build(field, now));
			else
				patchList(
					current,
					field.item,
					Array.isArray(was) ? was : [],
					Array.isArray(now) ? now : [],
					place
				);
		}
	}
}

function note(place: Place, key: string, was: unknown, now: unknown, text = false): void {
	if (place.edits && place.map && place.id)
		place.edits.note(place.map, place.id, place.path + key, was, now, place.clock, text);
}

function patchText(text: Y.Text, was: string, now: string): void {
	const local = splice(was, now);
	// `was` is the text as the plan last read it from the document. A colleague's edit may have reached
	// the document since (the plan reads it a moment later): the splice typed here is moved past it, so
	// that it lands where it was typed.
	const current = text.toString();
	const remote = current === was ? undefined : splice(was, current);
	const from = remote ? mapPosition(local.index, remote) : local.index;
	const to = remote
		? Math.max(from, mapPosition(local.index + local.remove, remote))
		: local.index + local.remove;
	if (to > from) text.delete(from, to - from);
	if (local.insert) text.insert(from, local.insert);
}

const idOf = (value: unknown) =>
	isObject(value) && typeof value.id === 'string' ? value.id : undefined;
const idOfMap = (map: unknown) =>
	map instanceof Y.Map ? (map.get('id') as string | undefined) : undefined;

/** The positions (in `values`) of one longest increasing run of them: the items that kept their order. */
function longestRun(values: number[]): Set<number> {
	const tails: number[] = []; // tails[k]: the position of the smallest last value of a run of k + 1
	const previous: number[] = new Array<number>(values.length);
	for (let i = 0; i < values.length; i++) {
		let [low, high] = [0, tails.length];
		while (low < high) {
			const middle = (low + high) >> 1;
			if (values[tails[middle]] < values[i]) low = middle + 1;
			else high = middle;
		}
		previous[i] = low > 0 ? tails[low - 1] : -1;
		tails[low] = i;
	}
	const run = new Set<number>();
	for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) run.add(i);
	return run;
}

/**
 * Makes in the array the change from `before` to `after`, keyed by id: an item still there is patched
 * in place, one added here inserted after the item it follows, one removed here deleted, one moved here
 * (out of the order the others kept) deleted and inserted where it now is. The array may hold what
 * `before` did not (a colleague's change that arrived since): items added or moved there stay, an item
 * removed there is not brought back (its edits here are kept apart: sync/concurrent.ts).
 */
function patchList(
	array: Y.Array<Y.Map<unknown>>,
	item: Shape & { type: 'object' },
	before: unknown[],
	after: unknown[],
	place: Place
): void {
	const beforeIndex = new Map<string | undefined, number>(before.map((v, i) => [idOf(v), i]));
	const common = after.filter((value) => beforeIndex.has(idOf(value)));
	const kept = longestRun(common.map((value) => beforeIndex.get(idOf(value))!));
	const stays = new Set(common.filter((_, i) => kept.has(i)).map(idOf));
	// A copy of the array's items, kept in step with it: Y.Array.get walks the list from its start.
	const items = array.toArray();
	for (let i = items.length - 1; i >= 0; i--) {
		const id = idOfMap(items[i]);
		if (id === undefined || (beforeIndex.has(id) && !stays.has(id))) {
			if (id !== undefined && place.removed) {
				place.seen ??= Y.encodeStateVector(array.doc!);
				place.removed.set(id, place.seen);
			}
			array.delete(i, 1);
			items.splice(i, 1);
		}
	}
	const inArray = new Map(items.map((map) => [idOfMap(map), map]));
	let last: Y.Map<unknown> | undefined;
	for (const value of after) {
		const id = idOf(value);
		const current = inArray.get(id);
		if (current && id !== undefined) {
			const was = before[beforeIndex.get(id) ?? -1];
			if (was !== value)
				patchMap(current, item, isObject(was) ? was : (current.toJSON() as Json), value as Json, {
					...place,
					map: current,
					id,
					path: ''
				});
			last = current;
		} else if (id !== undefined && stays.has(id)) {
			// Removed (or moved elsewhere) by a colleague meanwhile: what was typed here in it is kept apart.
			const was = before[beforeIndex.get(id)!];
			if (was !== value && place.edits && isObject(was) && isObject(value))
				for (const [path, from, to, text] of leafChanges(item, was, value, ''))
					place.edits.note(null, id, path, from, to, Infinity, text);
		} else {
			const made = build(item, value) as Y.Map<unknown>;
			const at = last ? items.indexOf(last) + 1 : 0;
			array.insert(at, [made]);
			items.splice(at, 0, made);
			inArray.set(id, made);
			last = made;
		}
	}
}

/** The texts and values (not the lists) that differ between two versions of an item: path, was, now, text. */
function leafChanges(
	shape: Shape & { type: 'object' },
	was: Json,
	now: Json,
	path: string
): [string, unknown, unknown, boolean][] {
	return shape.fields.flatMap(([key, field]): [string, unknown, unknown, boolean][] => {
		if (was[key] === now[key]) return [];
		if (field.type === 'object')
			return leafChanges(
				field,
				isObject(was[key]) ? was[key] : {},
				isObject(now[key]) ? now[key] : {},
				`${path}${key}.`
			);
		if (field.type === 'list' || same(was[key], now[key])) return [];
		return [[path + key, was[key], now[key], field.type === 'text']];
	});
}
