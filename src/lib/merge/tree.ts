// Finding and changing items anywhere in a plan's tree, by kind and id: what applying a merge needs.
import { isSection, PARENT, type ItemKind, type ListKind, type SectionKind } from './compare.ts';
import { comparedField } from './fields.ts';
import {
	institutionFieldsOf,
	itemListsOf,
	parentKindOf,
	partsOf,
	schemaOf
} from '../plan/fields.ts';
import type { Plan } from '../plan/schema.ts';

export type Item = { id: string } & Record<string, unknown>;

const SECTION_OBJECT: Record<SectionKind, (plan: Plan) => Record<string, unknown>> = {
	overview: (plan) => plan.overview,
	context: (plan) => plan.context,
	consultation: (plan) => plan.consultation,
	framework: (plan) => plan as unknown as Record<string, unknown>,
	coordination: (plan) => plan.coordination,
	monitoring: (plan) => plan.monitoring,
	budget: (plan) => plan.budget,
	progress: (plan) => plan.progress
};
/** The lists of items inside an item (an objective's actions), as the schema's descriptions give them. */
const childLists = (kind: ItemKind) =>
	(isSection(kind) ? [] : itemListsOf(kind)) as readonly { key: string; of: ListKind }[];
/** Kinds of item that record the institution whose file contributed them. */
const contributed = (kind: ItemKind) => !isSection(kind) && 'contributedBy' in schemaOf(kind).shape;

/** Every list that holds items of a kind. */
export function listsOf(plan: Plan, kind: ListKind): Item[][] {
	const objectives = plan.pillars.flatMap((p) => p.objectives);
	const actions = objectives.flatMap((o) => o.actions);
	const lists: Record<ListKind, unknown[][]> = {
		institution: [plan.institutions],
		baselineFigure: [plan.context.baselineFigures],
		consultationEvent: [plan.consultation.events],
		pillar: [plan.pillars],
		objective: plan.pillars.map((p) => p.objectives),
		action: objectives.map((o) => o.actions),
		indicator: actions.map((a) => a.indicators),
		coordinationBody: [plan.coordination.bodies],
		periodReport: [plan.progress.periods],
		actionProgress: [plan.progress.actions],
		indicatorProgress: [plan.progress.indicators]
	};
	return lists[kind] as Item[][];
}

export function findItem(
	plan: Plan,
	kind: ListKind,
	id: string
): { item: Item; list: Item[] } | undefined {
	for (const list of listsOf(plan, kind)) {
		const item = list.find((i) => i.id === id);
		if (item) return { item, list };
	}
	return undefined;
}

/** The list an item of `kind` under `parentId` goes in; undefined when that parent is not in the plan. */
export function listUnder(plan: Plan, kind: ListKind, parentId: string): Item[] | undefined {
	const parentKind = parentKindOf(kind) as ListKind | undefined;
	if (!parentKind) return listsOf(plan, kind)[0];
	const parent = findItem(plan, parentKind, parentId)?.item;
	const list = childLists(parentKind).find((l) => l.of === kind);
	return parent && list ? (parent[list.key] as Item[]) : undefined;
}

export const copy = <T>(value: T): T =>
	value === undefined ? value : JSON.parse(JSON.stringify(value));

/** Drops nested items the plan already has (moved there by the contribution: their own change moves them). */
export function prune(plan: Plan, kind: ListKind, item: Item): void {
	for (const children of childLists(kind)) {
		const list = (item[children.key] as Item[]).filter(
			(child) => !findItem(plan, children.of, child.id)
		);
		item[children.key] = list;
		for (const child of list) prune(plan, children.of, child);
	}
}

/** Records the contributing institution on an item; `deep`: also on every objective, action and indicator in it. */
export function stamp(
	kind: ItemKind,
	item: Record<string, unknown>,
	institutionId: string,
	deep = false
): void {
	if (contributed(kind)) item.contributedBy = institutionId;
	if (deep)
		for (const children of childLists(kind))
			for (const child of item[children.key] as Item[])
				stamp(children.of, child, institutionId, true);
}

export function setField(
	plan: Plan,
	kind: ItemKind,
	target: Record<string, unknown>,
	field: string,
	value: unknown
): void {
	if (field === PARENT) {
		const from = findItem(plan, kind as ListKind, target.id as string);
		const to = listUnder(plan, kind as ListKind, value as string);
		if (from && to && from.list !== to) {
			from.list.splice(from.list.indexOf(from.item), 1);
			to.push(from.item);
		}
	} else comparedField(kind, field)?.set(target, copy(value));
}

export function targetOf(
	plan: Plan,
	kind: ItemKind,
	id: string
): Record<string, unknown> | undefined {
	return isSection(kind)
		? SECTION_OBJECT[kind as SectionKind](plan)
		: findItem(plan, kind as ListKind, id)?.item;
}

/** Institution ids the plan refers to: in the fields that name institutions, and as items' contributors. */
export function institutionRefs(plan: Plan): Set<string> {
	const ids: string[] = [];
	for (const part of partsOf(plan)) {
		for (const { value } of institutionFieldsOf(part))
			ids.push(...(Array.isArray(value) ? value : [value]));
		if ('contributedBy' in part.item) ids.push(part.item.contributedBy as string);
	}
	return new Set(ids.filter(Boolean));
}
