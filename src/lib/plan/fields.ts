// The fields of each kind of item, read from their descriptions beside the schema (descriptions.ts,
// schema.ts), in the schema's order: what the comparison, the checks and the document list.
//
//   fieldsOf('action')          the action's fields (label key, kind of value, options, needed or not),
//                               its budget line's read through it ('budget.amount'); fieldOf(kind, name)
//   itemListsOf('objective')    the lists of items it holds (its actions); sectionsOf() the plan's parts
//   field.get(action)           the value; formatValue(field, value, context) the value as text
//   partsOf(plan)               the plan, its sections and every item, with its kind and path;
//                               textsOf(plan) every text typed; labelAt(path) the label of a path
//
// Pure: no Svelte, no DOM.
import type { z } from 'zod';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import {
	fieldRegistry,
	KINDS,
	type FieldMeta,
	type FieldType,
	type Kind,
	type Need
} from './descriptions.ts';
import { planSchema, type Institution, type Language } from './schema.ts';

export { KINDS, type Kind } from './descriptions.ts';

type Fields = Record<string, unknown>;

/** One field of a kind of item, as its description and the schema give it. */
export type Field = FieldType &
	Need & {
		/** Its name in its item: 'title'; a field of a group is named through the group: 'budget.amount'. */
		name: string;
		/** Its own key in the object that holds it: 'amount'. */
		key: string;
		/** Text key of its name. */
		label: string;
		/** Whether a complete plan has it filled in (`required` names the gap shown while it is empty). */
		needed: boolean;
		/** The codes a choice, resolutions or languages field takes, in the schema's order ('' for "not chosen" left out); [] for others. */
		values: readonly string[];
		get(item: object): unknown;
		set(item: object, value: unknown): void;
	};

/** A list of items inside an item (an objective's actions) or in the plan (its institutions). */
export interface ItemList {
	key: string;
	of: Kind;
	/** Text key of the list's name, and of one item's. */
	label: string;
	item: string;
	/** The gap shown while the list is empty, when a complete plan has items in it. */
	required?: string;
	get(item: object): object[];
}

/** Through defaults, prefaults, nullables… to the schema that says what the value is. */
export function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (;;) {
		const def = current._zod.def as { type: string; innerType?: z.ZodType };
		if (!def.innerType) return current;
		current = def.innerType;
	}
}

/** The codes a schema accepts: of an enum, a union of literals and enums, or a list of them. */
function codesOf(schema: z.ZodType): string[] {
	const def = unwrap(schema)._zod.def as {
		type: string;
		options?: z.ZodType[];
		entries?: Record<string, string>;
		values?: unknown[];
		element?: z.ZodType;
	};
	if (def.type === 'union') return def.options!.flatMap(codesOf);
	if (def.type === 'enum') return Object.values(def.entries!);
	if (def.type === 'literal')
		return def.values!.filter((v): v is string => typeof v === 'string' && v !== '');
	if (def.type === 'array') return codesOf(def.element!);
	return [];
}

/** The object schema of an item, or of a list's items. */
function objectOf(schema: z.ZodType): z.ZodObject {
	const inner = unwrap(schema);
	const def = inner._zod.def as { type: string; element?: z.ZodType };
	return (def.type === 'array' ? unwrap(def.element!) : inner) as z.ZodObject;
}

/** Each kind's object schema, found by walking the plan's schema. */
function walk(): Map<Kind, z.ZodObject> {
	const found = new Map<Kind, z.ZodObject>([['plan', planSchema]]);
	const visit = (object: z.ZodObject) => {
		for (const schema of Object.values(object.shape)) {
			const meta = fieldRegistry.get(schema as z.ZodType);
			if (
				meta &&
				(meta.type === 'items' ||
					meta.type === 'section' ||
					meta.type === 'group' ||
					meta.type === 'rows') &&
				!found.has(meta.of)
			) {
				const inner = objectOf(schema as z.ZodType);
				found.set(meta.of, inner);
				visit(inner);
			}
		}
	};
	visit(planSchema);
	return found;
}

const schemas = walk();

/** The object schema of a kind (for the tests' walk and for building blank items). */
export function schemaOf(kind: Kind): z.ZodObject {
	const schema = schemas.get(kind);
	if (!schema) throw new Error(`No item of kind ${kind} in the plan's schema`);
	return schema;
}

const fieldCache = new Map<Kind, Field[]>();

/** The fields of a kind of item in the schema's order, a group's fields in its place; not the lists of items it holds. */
export function fieldsOf(kind: Kind): readonly Field[] {
	let fields = fieldCache.get(kind);
	if (!fields) {
		fields = [];
		for (const [key, schema] of Object.entries(schemaOf(kind).shape)) {
			const meta = fieldRegistry.get(schema as z.ZodType);
			if (!meta || meta.type === 'internal' || meta.type === 'items' || meta.type === 'section')
				continue;
			if (meta.type === 'group') {
				for (const inner of fieldsOf(meta.of))
					fields.push({
						...inner,
						name: `${key}.${inner.name}`,
						get: (item) => inner.get((item as Fields)[key] as object),
						set: (item, value) => inner.set((item as Fields)[key] as object, value)
					});
				continue;
			}
			fields.push({
				...meta,
				name: key,
				key,
				needed: meta.required !== undefined,
				values:
					meta.type === 'choice' || meta.type === 'resolutions' || meta.type === 'languages'
						? codesOf(schema as z.ZodType)
						: [],
				get: (item) => (item as Fields)[key],
				set: (item, value) => {
					(item as Fields)[key] = value;
				}
			});
		}
		fieldCache.set(kind, fields);
	}
	return fields;
}

/** A field of a kind by its name ('budget.amount'); undefined for a name the kind does not have. */
export function fieldOf(kind: Kind, name: string): Field | undefined {
	return fieldsOf(kind).find((f) => f.name === name);
}

const listCache = new Map<Kind, ItemList[]>();

/** The lists of items a kind holds, in the schema's order. */
export function itemListsOf(kind: Kind): readonly ItemList[] {
	let lists = listCache.get(kind);
	if (!lists) {
		lists = Object.entries(schemaOf(kind).shape).flatMap(([key, schema]) => {
			const meta = fieldRegistry.get(schema as z.ZodType);
			return meta?.type === 'items'
				? [
						{
							key,
							of: meta.of,
							label: meta.label,
							item: meta.item,
							required: meta.required,
							get: (item: object) => (item as Fields)[key] as object[]
						}
					]
				: [];
		});
		listCache.set(kind, lists);
	}
	return lists;
}

/** The kind whose lists hold items of `kind`. */
const holderOf = (kind: Kind): Kind | undefined =>
	KINDS.find((k) => itemListsOf(k).some((l) => l.of === kind));

const parentCache = new Map<Kind, Kind | undefined>();

/** The kind of item an item of `kind` sits under (an action's is the objective); undefined for one
 * listed at the top of the plan or of a section (an institution, a baseline figure). */
export function parentKindOf(kind: Kind): Kind | undefined {
	if (!parentCache.has(kind)) {
		const holder = holderOf(kind);
		parentCache.set(kind, holder && holderOf(holder) ? holder : undefined);
	}
	return parentCache.get(kind);
}

/** The parts of the plan with fields of their own (overview, context…), in the schema's order. */
export function sectionsOf(): readonly { key: string; of: Kind; label: string }[] {
	return Object.entries(planSchema.shape).flatMap(([key, schema]) => {
		const meta = fieldRegistry.get(schema as z.ZodType);
		return meta?.type === 'section' ? [{ key, of: meta.of, label: meta.label }] : [];
	});
}

/** Text key of the name of one item of a kind ("Action"), or of a section; undefined for the plan and a group. */
export function kindLabel(kind: Kind): string | undefined {
	for (const k of KINDS)
		for (const schema of Object.values(schemaOf(k).shape)) {
			const meta = fieldRegistry.get(schema as z.ZodType);
			if ((meta?.type === 'items' || meta?.type === 'rows') && meta.of === kind) return meta.item;
			if (meta?.type === 'section' && meta.of === kind) return meta.label;
		}
	return undefined;
}

/** One text the team typed, where it sits in the plan (`pillars[0].objectives[1].title`). */
export interface TypedText {
	path: string;
	kind: Kind;
	field: Field;
	text: string;
}

/** One part of a plan (the plan itself, a section) or one item in it, where it sits (`pillars[0].objectives[1]`). */
export interface Part {
	kind: Kind;
	item: object;
	path: string;
}

/** The plan, each of its sections and each item of each list (rows of a small table too), in the
 * schema's order. A group (an action's budget line) is not a part: its fields are its item's. */
export function* partsOf(plan: object): Generator<Part> {
	function* visit(kind: Kind, item: object, path: string): Generator<Part> {
		const at = (key: string) => (path ? `${path}.${key}` : key);
		yield { kind, item, path };
		for (const field of fieldsOf(kind))
			if (field.type === 'rows')
				for (const [i, row] of (field.get(item) as object[]).entries())
					yield* visit(field.of, row, `${at(field.name)}[${i}]`);
		if (kind === 'plan')
			for (const section of sectionsOf())
				yield* visit(section.of, (item as Fields)[section.key] as object, at(section.key));
		for (const list of itemListsOf(kind))
			for (const [i, child] of list.get(item).entries())
				yield* visit(list.of, child, `${at(list.key)}[${i}]`);
	}
	yield* visit('plan', plan, '');
}

/** Every text the team typed in a plan, in the schema's order: the short and long text fields of every
 * part and item (not codes, numbers, dates or choices, nor ids and comments). */
export function* textsOf(plan: object): Generator<TypedText> {
	for (const { kind, item, path } of partsOf(plan))
		for (const field of fieldsOf(kind)) {
			const value = field.get(item);
			if ((field.type === 'shortText' || field.type === 'longText') && typeof value === 'string')
				yield { path: path ? `${path}.${field.name}` : field.name, kind, field, text: value };
		}
}

/** The fields of a part that name institutions, with their values. */
export function* institutionFieldsOf(
	part: Part
): Generator<{ field: Field; value: string | string[] }> {
	for (const field of fieldsOf(part.kind))
		if (field.type === 'institution' || field.type === 'institutions')
			yield { field, value: field.get(part.item) as string | string[] };
}

/** Text key of the name of what a path in a plan leads to: a field (`overview.adoptionDate`, an action's
 * `budget.amount`, an entry of `partnerIds`) or a list of items; undefined for a part or an item as a
 * whole, and for what is not the plan's content (ids, comments). */
export function labelAt(path: readonly (string | number)[]): string | undefined {
	let kind: Kind = 'plan';
	let at: { type: 'part' } | { type: 'list' | 'field'; label: string } = { type: 'part' };
	for (const key of path) {
		if (typeof key === 'number') {
			if (at.type === 'part') return undefined;
			if (at.type === 'list') at = { type: 'part' }; // an item of the list
			continue;
		}
		if (at.type !== 'part') return undefined;
		const schema = schemaOf(kind).shape[key] as z.ZodType | undefined;
		const meta: FieldMeta | undefined = schema && fieldRegistry.get(schema);
		if (!meta || meta.type === 'internal') return undefined;
		if (meta.type === 'section' || meta.type === 'group') kind = meta.of;
		else if (meta.type === 'items' || meta.type === 'rows') {
			kind = meta.of;
			at = { type: 'list', label: meta.label };
		} else at = { type: 'field', label: meta.label };
	}
	return at.type === 'part' ? undefined : at.label;
}

/** Nothing filled in: an empty text, no number, no choice, an empty list, an unticked box. */
export function isEmptyValue(value: unknown): boolean {
	return (
		value === null ||
		value === undefined ||
		value === false ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Filled in as a complete plan needs it: an institution must be one the plan lists. */
export function isFilled(
	field: Field,
	value: unknown,
	institutions: readonly Institution[]
): boolean {
	if (isEmptyValue(value)) return false;
	if (field.type === 'institution') return institutions.some((i) => i.id === value);
	return true;
}

export interface FormatContext {
	t: Translate;
	language: Language;
	/** The plan's institutions, which institution fields name by id. */
	institutions: readonly Institution[];
	/** The currency of an amount (its budget line's, else the plan's); without it an amount is a plain number. */
	currency?: string;
}

function institutionName(id: string, context: FormatContext): string {
	const institution = context.institutions.find((i) => i.id === id);
	return institution?.name.trim() || institution?.acronym.trim() || context.t('common.missing');
}

/**
 * A field's value as text in the context's language: a choice by its option's label, an institution by
 * its name, a date and an amount as the language writes them. '' for an empty value, except a box,
 * which reads "Yes" or "No".
 */
export function formatValue(field: Field, value: unknown, context: FormatContext): string {
	const { t, language } = context;
	if (field.type === 'boolean') return t(value ? 'common.yes' : 'common.no');
	if (isEmptyValue(value)) return '';
	switch (field.type) {
		case 'number':
			return formatNumber(value as number, language);
		case 'amount':
			return context.currency
				? formatMoney(value as number, context.currency, language)
				: formatNumber(value as number, language);
		case 'date':
			return formatDate(value as string, language);
		case 'choice':
			return t(`${field.options}.${value}`);
		case 'institution':
			return institutionName(value as string, context);
		case 'institutions':
			return (value as string[]).map((id) => institutionName(id, context)).join(', ');
		case 'languages':
			return (value as string[]).map((l) => t(`common.languageNames.${l}`)).join(', ');
		case 'resolutions':
			return (value as string[]).join(', ');
		case 'image': {
			const image = value as { type: string; width: number; height: number };
			return t('common.image', {
				type: image.type === 'image/png' ? 'PNG' : 'JPEG',
				width: image.width,
				height: image.height
			});
		}
		case 'rows':
			return (value as object[])
				.map((row) => formatRow(field.row, field.of, row, context))
				.join('\n');
		default:
			return String(value);
	}
}

/** One row of a small table: its fields as the row's text key's parameters, an empty one as "not chosen" (a count as 0). */
function formatRow(key: string, kind: Kind, row: object, context: FormatContext): string {
	const params: Record<string, string> = {};
	for (const field of fieldsOf(kind)) {
		const value = field.get(row);
		params[field.name] = !isEmptyValue(value)
			? formatValue(field, value, context)
			: field.type === 'number'
				? formatNumber(0, context.language)
				: context.t('common.notChosen');
	}
	return context.t(key, params);
}

/** An amount's currency: its budget line's code, else the plan's. */
export function currencyOf(line: { currency: string }, planCurrency: string): string {
	return line.currency.trim() || planCurrency;
}
