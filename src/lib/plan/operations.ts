// Operations on a plan. They change the plan they are given in place (so they work the same on a
// plain object in Node and on a Svelte $state proxy in the app) and never touch the DOM or storage.
import { institutionFieldsOf, partsOf } from './fields.ts';
import {
	actionSchema,
	baselineFigureSchema,
	consultationEventSchema,
	coordinationBodySchema,
	FILE_FORMAT,
	indicatorSchema,
	institutionSchema,
	MAX_ITEMS,
	objectiveSchema,
	participantsSchema,
	pillarSchema,
	planSchema,
	SCHEMA_VERSION,
	type Action,
	type Framework,
	type Language,
	type Objective,
	type Pillar,
	type PillarKey,
	type Plan
} from './schema.ts';
import { actionsOf } from './walk.ts';

/** A short random id. Uses getRandomValues, which (unlike randomUUID) also works on plain-http intranet hosts. */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(9));
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** A new, empty plan. */
export function createPlan(options: { language?: Language; now?: Date } = {}): Plan {
	const now = (options.now ?? new Date()).toISOString();
	return planSchema.parse({
		format: FILE_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		id: newId(),
		createdAt: now,
		updatedAt: now,
		overview: {
			documentLanguages: options.language ? [options.language] : [],
			language: options.language ?? ''
		}
	});
}

// Blank items, each filled with its schema's defaults.
export const blank = {
	institution: () => institutionSchema.parse({ id: newId() }),
	baselineFigure: () => baselineFigureSchema.parse({ id: newId() }),
	consultationEvent: () => consultationEventSchema.parse({ id: newId() }),
	participants: () => participantsSchema.parse({ id: newId() }),
	pillar: (key: PillarKey | '' = '') => pillarSchema.parse({ id: newId(), key }),
	objective: () => objectiveSchema.parse({ id: newId() }),
	action: () => actionSchema.parse({ id: newId() }),
	indicator: () => indicatorSchema.parse({ id: newId() }),
	coordinationBody: () => coordinationBodySchema.parse({ id: newId() })
};

// ---------------------------------------------------------------------------------------------
// Lists. Every editable list in the plan is an array of items with an `id`.

export type Item = { id: string };
/** Puts back what an operation removed. */
export type Undo = () => void;

export function indexOfId(list: readonly Item[], id: string): number {
	return list.findIndex((item) => item.id === id);
}

/** Whether a list of the plan has room for `count` more items (the schema's limit). */
export const hasRoom = (list: readonly unknown[], count = 1): boolean =>
	list.length + count <= MAX_ITEMS;

/** Thrown instead of adding to a list that holds as many items as the schema allows. */
export class ListFullError extends Error {
	constructor() {
		super(`A list of the plan holds at most ${MAX_ITEMS} items`);
	}
}

/** Adds an item. A full list throws ListFullError and is left as it was: the plan never outgrows its schema. */
export function addItem<T extends Item>(list: T[], item: T, index = list.length): T {
	if (!hasRoom(list)) throw new ListFullError();
	list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
	return list[Math.max(0, Math.min(index, list.length - 1))];
}

/** Moves an item by `delta` places (-1 up, +1 down); returns false at either end. */
export function moveItem(list: Item[], id: string, delta: number): boolean {
	const from = indexOfId(list, id);
	const to = from + delta;
	if (from < 0 || to < 0 || to >= list.length) return false;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
	return true;
}

export function removeItem<T extends Item>(list: T[], id: string): Undo {
	const index = indexOfId(list, id);
	if (index < 0) return () => {};
	const [item] = list.splice(index, 1);
	// A list filled up again meanwhile stays as it is: the plan never outgrows its schema.
	return () => {
		if (indexOfId(list, item.id) < 0 && hasRoom(list))
			list.splice(Math.min(index, list.length), 0, item);
	};
}

/** Gives an item and everything nested in it fresh ids, so a copy never shares an id with its original. */
function reId<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reId) as T;
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value))
			copy[key] = key === 'id' ? newId() : reId(inner);
		return copy as T;
	}
	return value;
}

/** Inserts a deep copy right after the original and returns it. Institution references are kept. */
export function duplicateItem<T extends Item>(list: T[], id: string): T | undefined {
	const index = indexOfId(list, id);
	if (index < 0 || !hasRoom(list)) return undefined;
	const copy = reId(list[index]); // reId builds new objects all the way down: a deep copy
	list.splice(index + 1, 0, copy);
	return copy;
}

// ---------------------------------------------------------------------------------------------
// Walking the results framework: the walk and its numbers live in walk.ts.

export { actionsOf, type ActionPlace } from './walk.ts';

export function findObjective(
	plan: Plan,
	objectiveId: string
): { pillar: Pillar; objective: Objective } | undefined {
	for (const pillar of plan.pillars)
		for (const objective of pillar.objectives)
			if (objective.id === objectiveId) return { pillar, objective };
	return undefined;
}

/** Moves an action to another objective (at its end). */
export function moveActionTo(plan: Plan, actionId: string, objectiveId: string): boolean {
	const target = findObjective(plan, objectiveId);
	if (!target || !hasRoom(target.objective.actions)) return false;
	for (const { objective, action } of actionsOf(plan)) {
		if (action.id !== actionId) continue;
		if (objective.id === objectiveId) return false;
		objective.actions.splice(indexOfId(objective.actions, actionId), 1);
		target.objective.actions.push(action);
		return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------
// Institutions are referenced by id, so renaming one renames it everywhere.

/** How many places refer to an institution: every field that names institutions (plan/fields.ts). */
export function referencesTo(plan: Plan, institutionId: string): number {
	return referenceCounts(plan).get(institutionId) ?? 0;
}

/** How many places refer to each institution named anywhere in the plan, in one walk of it (the
 * institutions list asks for each of its items: one walk each was most of its first render). */
export function referenceCounts(plan: Plan): Map<string, number> {
	const counts = new Map<string, number>();
	const count = (id: string) => id && counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const part of partsOf(plan))
		for (const { value } of institutionFieldsOf(part))
			if (Array.isArray(value)) new Set(value).forEach(count);
			else count(value);
	return counts;
}

/** Removes an institution and every reference to it; the undo puts both back. */
export function removeInstitution(plan: Plan, institutionId: string): Undo {
	const undos: Undo[] = [removeItem(plan.institutions, institutionId)];
	for (const part of partsOf(plan))
		for (const { field, value } of institutionFieldsOf(part)) {
			if (Array.isArray(value)) {
				const i = value.indexOf(institutionId);
				if (i < 0) continue;
				value.splice(i, 1);
				undos.push(() => value.splice(Math.min(i, value.length), 0, institutionId));
			} else if (value === institutionId) {
				field.set(part.item, '');
				undos.push(() => field.set(part.item, institutionId));
			}
		}
	return () => undos.reverse().forEach((undo) => undo());
}

// ---------------------------------------------------------------------------------------------
// Thematic framework.

export const FRAMEWORK_PILLARS: Record<Exclude<Framework, 'custom'>, PillarKey[]> = {
	pillars: ['participation', 'protection', 'prevention', 'relief-recovery'],
	'system-wide': ['prevention', 'participation', 'protection', 'relief-recovery', 'normative']
};

/**
 * Chooses the thematic framework and adds its pillars that the plan lacks. Pillars the team has
 * already filled are kept (a framework change never deletes objectives); empty framework pillars
 * that the new framework does not use are dropped.
 */
export function applyFramework(
	plan: Plan,
	framework: Framework,
	options: { coordination?: boolean } = {}
): void {
	plan.framework = framework;
	if (framework === 'custom') {
		// The team's own structure: a first pillar to name, rather than an empty page.
		if (plan.pillars.length === 0) plan.pillars.push(blank.pillar());
		return;
	}
	const keys = [...FRAMEWORK_PILLARS[framework]];
	if (framework === 'pillars' && options.coordination) keys.push('coordination-accountability');
	const isEmpty = (p: Pillar) =>
		p.objectives.length === 0 && p.description.trim() === '' && p.name.trim() === '';
	const kept = plan.pillars.filter((p) => !(p.key && !keys.includes(p.key) && isEmpty(p)));
	const byKey = new Map(kept.filter((p) => p.key).map((p) => [p.key, p]));
	const ordered = keys.map((key) => byKey.get(key) ?? blank.pillar(key));
	const others = kept.filter((p) => !p.key || !keys.includes(p.key));
	plan.pillars.splice(0, plan.pillars.length, ...ordered, ...others);
}

// ---------------------------------------------------------------------------------------------
// Budget totals. Amounts in different currencies are never added together.

export type BudgetGrouping = 'pillar' | 'institution' | 'source';

export interface BudgetRow {
	/** A pillar id, an institution id, or a funding source; '' for actions with none. */
	key: string;
	currency: string;
	amount: number;
	secured: number;
	actions: number;
}

export function actionCurrency(plan: Plan, action: Action): string {
	return action.budget.currency || plan.budget.currency;
}

export function budgetBy(plan: Plan, grouping: BudgetGrouping): BudgetRow[] {
	const rows = new Map<string, BudgetRow>();
	for (const { pillar, action } of actionsOf(plan)) {
		if (action.budget.amount === null) continue;
		const key =
			grouping === 'pillar'
				? pillar.id
				: grouping === 'institution'
					? action.responsibleId
					: action.budget.source;
		const currency = actionCurrency(plan, action);
		const id = `${key}\u0000${currency}`;
		const row = rows.get(id) ?? { key, currency, amount: 0, secured: 0, actions: 0 };
		row.amount += action.budget.amount;
		if (action.budget.secured) row.secured += action.budget.amount;
		row.actions++;
		rows.set(id, row);
	}
	return [...rows.values()];
}

/** The plan's total per currency. */
export function budgetTotals(plan: Plan): BudgetRow[] {
	return budgetBy(plan, 'pillar').reduce<BudgetRow[]>((totals, row) => {
		const total = totals.find((t) => t.currency === row.currency);
		if (total) {
			total.amount += row.amount;
			total.secured += row.secured;
			total.actions += row.actions;
		} else totals.push({ ...row, key: '' });
		return totals;
	}, []);
}
