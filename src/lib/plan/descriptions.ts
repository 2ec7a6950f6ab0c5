// What each field of the plan is, written beside it in schema.ts: a registry keyed by the field's zod
// schema, so that a walk of the schema reaches every field's description (fields.ts does). Kept apart
// from schema.ts and fields.ts so that both can import it without importing each other.
import { z } from 'zod';

/** Every kind of item and part of the plan that has fields of its own. */
export const KINDS = [
	'plan',
	'overview',
	'institution',
	'context',
	'baselineFigure',
	'consultation',
	'consultationEvent',
	'participants',
	'pillar',
	'objective',
	'action',
	'budgetLine',
	'indicator',
	'coordination',
	'coordinationBody',
	'monitoring',
	'budget',
	'progress',
	'periodReport',
	'actionProgress',
	'indicatorProgress'
] as const;
export type Kind = (typeof KINDS)[number];

/** The kind of value a field holds, which says how it is edited, compared and shown. */
export type FieldType =
	| { type: 'shortText' }
	| { type: 'longText' }
	/** A code typed as text and shown as typed (a currency, ISO 4217). */
	| { type: 'code' }
	| { type: 'number' }
	| { type: 'year' }
	/** A plan date: a year, a month or a day (plan/dates.ts). */
	| { type: 'date' }
	/** An amount of money, in the currency its item or the plan names. */
	| { type: 'amount' }
	| { type: 'boolean' }
	/** One value of a fixed list, labelled by the text key `<options>.<value>` (locales/options.json). */
	| { type: 'choice'; options: string }
	/** An institution of the plan, by id ('' when none is chosen). */
	| { type: 'institution' }
	| { type: 'institutions' }
	| { type: 'resolutions' }
	| { type: 'languages' }
	/** An image (the cover emblem): shown by its kind and pixel size, never its bytes. */
	| { type: 'image' }
	/** A small table inside its item, each row an item of `of` (an event's participants). */
	| {
			type: 'rows';
			of: Kind;
			/** Text keys of one row's name, and of a row as text given its fields. */ item: string;
			row: string;
	  }
	/** An object whose fields read as the item's own (an action's budget line: `budget.amount`…). */
	| { type: 'group'; of: Kind }
	/** A list of items in their own right (the actions of an objective). */
	| {
			type: 'items';
			of: Kind;
			/** Text key of the name of one item ("Action", then its number). */ item: string;
	  }
	/** A part of the plan with fields of its own (the overview…). */
	| { type: 'section'; of: Kind };

export interface Need {
	/** The plan needs it: while it is empty the review step shows this gap (a key under `gaps.`). Fields
	 * of one item naming the same gap are one check, met when all of them are filled… */
	required?: string;
	/** …or when any of them is. */
	any?: true;
}

export type FieldMeta =
	| (FieldType &
			Need & {
				/** Text key of the field's name, the same in the wizard, review and the document. */ label: string;
			})
	/** Not the plan's content: an id, a timestamp, where an item came from, reviewers' comments. */
	| { type: 'internal' };

export const fieldRegistry = z.registry<FieldMeta>();

/** Registers the description of a field. Each field must have a schema instance of its own (schema.ts
 * builds one per field), since the registry is keyed by the instance. */
export function describe<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
	fieldRegistry.add(schema, meta);
	return schema;
}
