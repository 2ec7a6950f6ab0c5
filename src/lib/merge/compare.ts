// The difference between two plans, item by item. Items are matched by id (a ministry's file started
// from a copy of the master shares its ids); a plan's sections (overview, context…) are matched by
// name. Each difference says what was added, changed (field by field, before and after) or removed,
// where (the wizard step, or the monitoring area for what was reported) and under which name
// ("Action 1.2.3"). The merge and versions pages use it.
import type { Translate } from '../i18n/translate.ts';
import { STEPS } from '../plan/completeness.ts';
import {
	fieldsOf as describedFields,
	isEmptyValue,
	parentKindOf,
	type Kind
} from '../plan/fields.ts';
import type { Language, Plan } from '../plan/schema.ts';
import { excerpt, pillarName } from '../plan/text.ts';
import { walk } from '../plan/walk.ts';
import { periodLabel } from '../progress/labels.ts';

export const SECTION_KINDS = [
	'overview',
	'context',
	'consultation',
	'framework',
	'coordination',
	'monitoring',
	'budget',
	'progress'
] as const;
export const LIST_KINDS = [
	'institution',
	'baselineFigure',
	'consultationEvent',
	'pillar',
	'objective',
	'action',
	'indicator',
	'coordinationBody',
	'periodReport',
	'actionProgress',
	'indicatorProgress'
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type ListKind = (typeof LIST_KINDS)[number];
export type ItemKind = SectionKind | ListKind;

export const isSection = (kind: ItemKind): kind is SectionKind =>
	(SECTION_KINDS as readonly string[]).includes(kind);

/** Where a difference is edited: a step of the wizard, or the monitoring area (what was reported). */
export const AREAS = [...STEPS, 'progress'] as const;
export type Area = (typeof AREAS)[number];

/** Where each kind of item is edited. */
export const STEP_OF: Record<ItemKind, Area> = {
	overview: 'overview',
	institution: 'overview',
	context: 'context',
	baselineFigure: 'context',
	consultation: 'consultation',
	consultationEvent: 'consultation',
	framework: 'pillars',
	pillar: 'pillars',
	objective: 'pillars',
	action: 'actions',
	indicator: 'actions',
	coordination: 'coordination',
	coordinationBody: 'coordination',
	monitoring: 'coordination',
	budget: 'budget',
	progress: 'progress',
	periodReport: 'progress',
	actionProgress: 'progress',
	indicatorProgress: 'progress'
};

/** The pseudo-field that records a move: an action now under another objective, say. Its values are the parents' ids. */
export const PARENT = 'parent';

/** The kind of the plan's model behind a compared kind: the framework section is a field of the plan itself. */
export const modelKind = (kind: ItemKind): Kind => (kind === 'framework' ? 'plan' : kind);

type Fields = Record<string, unknown>;

/** One item (or section) of a plan, where it sits and what it is called. */
export interface Entry {
	kind: ItemKind;
	/** The item's id; a section's kind. */
	id: string;
	/** The object in the plan itself (for the framework section: the plan). */
	item: Fields;
	/** The id of the item it sits under ('' at the top of the plan). */
	parentId: string;
	/** Its number as the wizard shows it: "3" for an institution, "2.1.3" for an action; '' for a section. */
	ref: string;
	/** The first line of its main text ('' for a section); for what was reported, its period first. */
	label: string;
	step: Area;
}

export interface PlanIndex {
	sections: Map<SectionKind, Entry>;
	/** The plan's items by id, in the order they appear in the plan. */
	items: Map<string, Entry>;
}

const LABEL_LENGTH = 120;

/** Every item of a plan by id, in document order. When a (broken) file repeats an id, the first item wins. */
export function indexPlan(
	plan: Plan,
	translate: Translate = () => '',
	language: Language = 'en'
): PlanIndex {
	const sections = new Map<SectionKind, Entry>();
	const items = new Map<string, Entry>();
	const section = (kind: SectionKind, item: object) =>
		sections.set(kind, {
			kind,
			id: kind,
			item: item as Fields,
			parentId: '',
			ref: '',
			label: '',
			step: STEP_OF[kind]
		});
	const add = (
		kind: ListKind,
		item: { id: string },
		parentId: string,
		ref: string,
		text: string
	) => {
		if (!items.has(item.id))
			items.set(item.id, {
				kind,
				id: item.id,
				item: item as Fields,
				parentId,
				ref,
				label: excerpt(text, LABEL_LENGTH),
				step: STEP_OF[kind]
			});
	};

	section('overview', plan.overview);
	plan.institutions.forEach((i, n) => add('institution', i, '', `${n + 1}`, i.name || i.acronym));
	section('context', plan.context);
	plan.context.baselineFigures.forEach((f, n) =>
		add('baselineFigure', f, '', `${n + 1}`, f.figure)
	);
	section('consultation', plan.consultation);
	plan.consultation.events.forEach((e, n) =>
		add('consultationEvent', e, '', `${n + 1}`, e.title || e.place)
	);
	section('framework', plan);
	for (const place of walk(plan)) {
		if (place.kind === 'pillar')
			add('pillar', place.pillar, '', place.ref, pillarName(place.pillar, translate));
		else if (place.kind === 'objective')
			add('objective', place.objective, place.pillar.id, place.ref, place.objective.title);
		else if (place.kind === 'action')
			add('action', place.action, place.objective.id, place.ref, place.action.description);
		else add('indicator', place.indicator, place.action.id, place.ref, place.indicator.statement);
	}
	section('coordination', plan.coordination);
	plan.coordination.bodies.forEach((b, n) => add('coordinationBody', b, '', `${n + 1}`, b.name));
	section('monitoring', plan.monitoring);
	section('budget', plan.budget);
	// What was reported, named by its period and by the action or indicator it is about (an entry of an
	// item the plan no longer has by its period alone).
	const reported = new Map<string, { ref: string; text: string }>();
	for (const place of walk(plan))
		if (place.kind === 'action')
			reported.set(place.action.id, { ref: place.ref, text: place.action.description });
		else if (place.kind === 'indicator')
			reported.set(place.indicator.id, { ref: place.ref, text: place.indicator.statement });
	const period = (key: string) => periodLabel(key, translate, language);
	const about = (itemId: string, key: string) => {
		const item = reported.get(itemId);
		return {
			ref: item?.ref ?? '',
			text: item?.text ? `${period(key)}: ${item.text}` : period(key)
		};
	};
	section('progress', plan.progress);
	for (const entry of plan.progress.periods)
		add('periodReport', entry, '', '', period(entry.period));
	for (const entry of plan.progress.actions) {
		const { ref, text } = about(entry.actionId, entry.period);
		add('actionProgress', entry, '', ref, text);
	}
	for (const entry of plan.progress.indicators) {
		const { ref, text } = about(entry.indicatorId, entry.period);
		add('indicatorProgress', entry, '', ref, text);
	}
	return { sections, items };
}

/** The compared fields of an item or section, flat: an action's budget line gives "budget.amount" and so
 * on. Its described fields (plan/fields.ts), not its identity or origin, nor the lists in it, whose
 * items are compared as items of their own; an item under another also has its parent's id. */
export function fieldsOf(entry: Entry): Fields {
	const kind = modelKind(entry.kind);
	const fields: Fields = {};
	if (parentKindOf(kind)) fields[PARENT] = entry.parentId;
	for (const field of describedFields(kind)) fields[field.name] = field.get(entry.item);
	return fields;
}

/** Equal values. Lists of codes or institution ids are sets: ticking the same boxes in another order changes nothing. */
export function sameValue(a: unknown, b: unknown): boolean {
	const isCodes = (v: unknown): v is string[] =>
		Array.isArray(v) && v.every((x) => typeof x === 'string');
	if (isCodes(a) && isCodes(b))
		return a.length === b.length && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
	return JSON.stringify(a) === JSON.stringify(b);
}

export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

/** The fields that differ between two versions of one item. */
export function changedFields(before: Entry, after: Entry): FieldChange[] {
	const a = fieldsOf(before);
	const b = fieldsOf(after);
	const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
	return names
		.filter((field) => !sameValue(a[field], b[field]))
		.map((field) => ({ field, before: a[field], after: b[field] }));
}

export interface NestedItem {
	kind: ItemKind;
	id: string;
	ref: string;
	label: string;
}

export interface ItemDiff {
	change: 'added' | 'changed' | 'removed';
	kind: ItemKind;
	id: string;
	step: Area;
	/** Where the item is: in the newer plan, or in the older one for a removed item. */
	ref: string;
	label: string;
	parentId: string;
	/** Changed fields; for an added item its filled-in fields (before: null); for a removed one, the fields it had (after: null). */
	fields: FieldChange[];
	/** Items inside an added or removed item that come or go with it (the actions of a new objective). */
	nested: NestedItem[];
}

export interface Comparison {
	differences: ItemDiff[];
	/** Items and sections present in both plans with no field changed. */
	identical: number;
}

const filledFields = (entry: Entry, side: 'before' | 'after'): FieldChange[] =>
	Object.entries(fieldsOf(entry))
		.filter(([field, value]) => field !== PARENT && !isEmptyValue(value))
		.map(([field, value]) =>
			side === 'after'
				? { field, before: null, after: value }
				: { field, before: value, after: null }
		);

/** Entries below `id` in the index (children, grandchildren) that `keep` accepts. */
function nestedIn(index: PlanIndex, id: string, keep: (entry: Entry) => boolean): NestedItem[] {
	const below = new Set([id]);
	const out: NestedItem[] = [];
	for (const entry of index.items.values()) {
		if (!below.has(entry.parentId)) continue;
		below.add(entry.id);
		if (keep(entry))
			out.push({ kind: entry.kind, id: entry.id, ref: entry.ref, label: entry.label });
	}
	return out;
}

/**
 * What changed from `before` to `after`. An item added with its children is one difference (the
 * children are listed in `nested`), and so is an item removed with its children. Differences come in
 * the order of the newer plan, removals last.
 */
export function comparePlans(
	before: Plan,
	after: Plan,
	translate?: Translate,
	language?: Language
): Comparison {
	return compareIndexes(
		indexPlan(before, translate, language),
		indexPlan(after, translate, language)
	);
}

export function compareIndexes(old: PlanIndex, now: PlanIndex): Comparison {
	const differences: ItemDiff[] = [];
	let identical = 0;
	const diff = (
		change: ItemDiff['change'],
		entry: Entry,
		fields: FieldChange[],
		nested: NestedItem[] = []
	): ItemDiff => ({
		change,
		kind: entry.kind,
		id: entry.id,
		step: entry.step,
		ref: entry.ref,
		label: entry.label,
		parentId: entry.parentId,
		fields,
		nested
	});

	for (const [kind, entry] of now.sections) {
		const fields = changedFields(old.sections.get(kind)!, entry);
		if (fields.length) differences.push(diff('changed', entry, fields));
		else identical++;
	}
	for (const entry of now.items.values()) {
		const was = old.items.get(entry.id);
		if (was && was.kind === entry.kind) {
			const fields = changedFields(was, entry);
			if (fields.length) differences.push(diff('changed', entry, fields));
			else identical++;
		} else if (entry.parentId === '' || old.items.has(entry.parentId)) {
			// A new item whose parent is new too comes with its parent.
			const nested = nestedIn(now, entry.id, (e) => !old.items.has(e.id));
			differences.push(diff('added', entry, filledFields(entry, 'after'), nested));
		}
	}
	for (const entry of old.items.values()) {
		const still = now.items.get(entry.id);
		if (still && still.kind === entry.kind) continue;
		if (entry.parentId === '' || now.items.has(entry.parentId)) {
			const nested = nestedIn(old, entry.id, (e) => !now.items.has(e.id));
			differences.push(diff('removed', entry, filledFields(entry, 'before'), nested));
		}
	}
	// In the order of the wizard's steps; within a step, the section, its items, then removals.
	return { differences: sortByStep(differences), identical };
}

/** A stable sort by wizard step (the monitoring area last): within a step, the plan's own order is kept. */
export function sortByStep<T extends { step: Area }>(list: T[]): T[] {
	return list
		.map((item, i) => ({ item, i }))
		.sort((a, b) => AREAS.indexOf(a.item.step) - AREAS.indexOf(b.item.step) || a.i - b.i)
		.map(({ item }) => item);
}
