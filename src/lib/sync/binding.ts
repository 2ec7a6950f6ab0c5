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
import { repairPlan, type Repair } from '../plan/guard.ts';
import { migrate } from '../plan/migrations.ts';
import { commentSchema, planSchema, SCHEMA_VERSION, type Plan } from '../plan/schema.ts';
import { mapPosition, splice } from './splice.ts';

export { splice };

export const PLAN_ROOT = 'plan';
export const COMMENTS_ROOT = 'comments';

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
	return repairPlan(plan);
}

export const planFromDoc = (doc: Y.Doc, options: { comments?: Y.Doc } = {}): Plan =>
	planFromDocWithRepairs(doc, options).plan;

/**
 * Writes into the document what changed from `before` to `after` (the plan as the document held it,
 * and as it is now), and only that: a text edit is a splice of its Y.Text, so that another person's
 * typing in the same field is kept; an item keeps its Y.Map unless it moved.
 */
export function applyPlanChange(
	doc: Y.Doc,
	before: Plan,
	after: Plan,
	options: { comments?: Y.Doc; origin?: unknown } = {}
): void {
	const comments = options.comments ?? doc;
	const write = () => {
		patchMap(
			doc.getMap<unknown>(PLAN_ROOT),
			planShape,
			before as unknown as Json,
			after as unknown as Json
		);
		if (!same(before.comments, after.comments))
			patchList(
				comments.getArray<Y.Map<unknown>>(COMMENTS_ROOT),
				commentsShape.item,
				before.comments,
				after.comments
			);
	};
	if (comments === doc) doc.transact(write, options.origin);
	else comments.transact(() => doc.transact(write, options.origin), options.origin);
}

function patchMap(
	map: Y.Map<unknown>,
	shape: Shape & { type: 'object' },
	before: Json,
	after: Json
): void {
	for (const [key, field] of shape.fields) {
		const [was, now] = [before[key], after[key]];
		const current = map.get(key);
		if (field.type === 'value') {
			if (!same(was, now) || !map.has(key)) map.set(key, plainValue(now));
		} else if (field.type === 'text') {
			if (!(current instanceof Y.Text)) map.set(key, build(field, now));
			else if (was !== now)
				patchText(
					current,
					typeof was === 'string' ? was : current.toString(),
					typeof now === 'string' ? now : ''
				);
		} else if (field.type === 'object') {
			if (!(current instanceof Y.Map)) map.set(key, build(field, now));
			// Walked field by field rather than compared whole: comparing each level's JSON again cost
			// 60 ms a keystroke at 3,000 actions.
			else if (was !== now)
				patchMap(current, field, isObject(was) ? was : {}, isObject(now) ? now : {});
		} else {
			if (!(current instanceof Y.Array)) map.set(key, build(field, now));
			else if (was !== now)
				patchList(
					current,
					field.item,
					Array.isArray(was) ? was : [],
					Array.isArray(now) ? now : []
				);
		}
	}
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

/**
 * Makes the array hold `after`'s items in its order, keyed by id: an item still there is patched in
 * place, a new one inserted, a gone one deleted; one out of place is deleted and inserted where it now is.
 */
function patchList(
	array: Y.Array<Y.Map<unknown>>,
	item: Shape & { type: 'object' },
	before: unknown[],
	after: unknown[]
): void {
	const wanted = new Set(after.map(idOf));
	const beforeById = new Map(before.map((value) => [idOf(value), value]));
	// A copy of the array's items, kept in step with it: Y.Array.get walks the list from its start.
	const items = array.toArray();
	for (let i = items.length - 1; i >= 0; i--) {
		const id = idOfMap(items[i]);
		if (id === undefined || !wanted.has(id)) {
			array.delete(i, 1);
			items.splice(i, 1);
		}
	}
	for (const [i, value] of after.entries()) {
		const id = idOf(value);
		const current = items[i];
		if (current instanceof Y.Map && id !== undefined && idOfMap(current) === id) {
			const was = beforeById.get(id);
			patchMap(current, item, isObject(was) ? was : (current.toJSON() as Json), value as Json);
			continue;
		}
		// Moved here from further on (or repeated there): the later copy goes.
		for (let j = items.length - 1; j > i; j--)
			if (idOfMap(items[j]) === id) {
				array.delete(j, 1);
				items.splice(j, 1);
			}
		const made = build(item, value) as Y.Map<unknown>;
		array.insert(i, [made]);
		items.splice(i, 0, made);
	}
	if (array.length > after.length) array.delete(after.length, array.length - after.length);
}
