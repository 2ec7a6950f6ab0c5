// What a complete plan has, step by step. One list of checks feeds three things: the completeness
// shown beside each wizard step, the review step's list of gaps, and the messages shown under a field
// whose value contradicts another ("end year before start year").
import { dateBefore } from './dates.ts';
import { fieldsOf, isFilled, itemListsOf, type Field, type ItemList, type Kind } from './fields.ts';
import { actionsOf, childRef, objectivesOf, walk } from './walk.ts';
import type { Plan } from './schema.ts';
import { excerpt, placeholders } from './text.ts';

/** The wizard's steps, in the order a drafting team works. The same names are used in URLs and text keys. */
export const STEPS = [
	'overview',
	'context',
	'consultation',
	'pillars',
	'actions',
	'coordination',
	'budget',
	'review'
] as const;
export type Step = (typeof STEPS)[number];

/** The DOM id of the control that edits a field; review links point at it. */
export function fieldId(scope: string, field: string, itemId?: string): string {
	return itemId ? `${scope}-${itemId}-${field}` : `${scope}-${field}`;
}

export interface Check {
	step: Step;
	/** Text key under `gaps.` in the locale files. */
	key: string;
	params: Record<string, string | number>;
	ok: boolean;
	/** 'missing': not filled in yet. 'invalid': filled in, but contradicts something, or still holds a template placeholder. */
	kind: 'missing' | 'invalid';
	/** The DOM id of the control that fixes it. */
	field: string;
}

const filled = (s: string) => s.trim() !== '';
const label = (s: string) => excerpt(s, 60);

/** The DOM id scope of each kind's controls, its kind's name (`fieldId(scopeOf('action'), 'description', id)`):
 * an action's budget line is edited as the action's, the plan's framework in the pillars step. */
const OWN_SCOPES: Partial<Record<Kind, string>> = { plan: 'pillars', budgetLine: 'action' };
export const scopeOf = (kind: Kind): string => OWN_SCOPES[kind] ?? kind;

/** A kind's own needed fields by the gap each leaves (schema.ts: `required`), in the schema's order. A
 * group's are checked as its own kind's (an action's budget line, in the budget step). */
const neededCache = new Map<Kind, [string, Field[]][]>();
function neededFields(kind: Kind): [string, Field[]][] {
	let needed = neededCache.get(kind);
	if (!needed) {
		const byGap = new Map<string, Field[]>();
		for (const field of fieldsOf(kind))
			if (field.required && field.name === field.key)
				byGap.set(field.required, [...(byGap.get(field.required) ?? []), field]);
		neededCache.set(kind, (needed = [...byGap]));
	}
	return needed;
}

/** The DOM id of the control that adds the first item to a list: "Add an institution", an objective's
 * "Add an action"; the pillars come from choosing a framework. */
function addControl(holder: Kind, list: ItemList, holderId?: string): string {
	if (holder === 'plan' && list.key === 'pillars') return fieldId(scopeOf('plan'), 'framework');
	return holderId
		? fieldId(scopeOf(holder), `add${list.of[0].toUpperCase()}${list.of.slice(1)}`, holderId)
		: fieldId(list.key, 'add');
}

export function checks(plan: Plan): Check[] {
	const out: Check[] = [];
	const add = (step: Step, key: string, ok: boolean, field: string, params: Check['params'] = {}) =>
		out.push({ step, key, ok, field, params, kind: 'missing' });
	/** Only recorded when broken: a consistent value is not progress in itself. */
	const contradiction = (
		step: Step,
		key: string,
		broken: boolean,
		field: string,
		params: Check['params'] = {}
	) => {
		if (broken) out.push({ step, key, ok: false, field, params, kind: 'invalid' });
	};
	/** The gaps an item's needed fields leave: met when they are filled (any of them, for a gap marked
	 * `any`), pointing at the first empty one. `itemId`: the item the controls belong to. */
	const needs = (
		step: Step,
		kind: Kind,
		item: object,
		params: Check['params'] = {},
		itemId?: string
	) => {
		for (const [gap, fields] of neededFields(kind)) {
			const done = fields.map((f) => isFilled(f, f.get(item), plan.institutions));
			const ok = fields[0].any ? done.some(Boolean) : done.every(Boolean);
			const at = fields[Math.max(0, done.indexOf(false))];
			add(step, gap, ok, fieldId(scopeOf(kind), at.key, itemId), params);
		}
	};
	/** The gap a needed list leaves while it has no item. */
	const needsItems = (
		step: Step,
		kind: Kind,
		item: object,
		key: string,
		params: Check['params'] = {},
		itemId?: string
	) => {
		const list = itemListsOf(kind).find((l) => l.key === key);
		if (list?.required)
			add(step, list.required, list.get(item).length > 0, addControl(kind, list, itemId), params);
	};

	/** Template text marks a country's own figure as [[…]]: each text of the item that holds one is
	 * flagged until the team writes the figure in. */
	const placeholdersIn = (
		step: Step,
		kind: 'objective' | 'action' | 'indicator',
		item: object,
		ref: string,
		itemId: string
	) => {
		for (const field of fieldsOf(kind)) {
			if (field.type !== 'shortText' && field.type !== 'longText') continue;
			const [first] = placeholders(field.get(item) as string);
			if (first !== undefined)
				out.push({
					step,
					key: `${kind}Placeholder`,
					ok: false,
					field: fieldId(scopeOf(kind), field.key, itemId),
					params: { ref, placeholder: excerpt(first, 80) },
					kind: 'invalid'
				});
		}
	};

	// Getting started
	const o = plan.overview;
	needs('overview', 'overview', o);
	contradiction(
		'overview',
		'periodOrder',
		o.periodStart !== null && o.periodEnd !== null && o.periodEnd < o.periodStart,
		fieldId('overview', 'periodEnd')
	);
	needsItems('overview', 'plan', plan, 'institutions');
	for (const institution of plan.institutions)
		needs('overview', 'institution', institution, {}, institution.id);

	// Context and situation analysis
	const c = plan.context;
	needs('context', 'context', c);
	needsItems('context', 'context', c, 'baselineFigures');
	for (const figure of c.baselineFigures)
		needs('context', 'baselineFigure', figure, { name: label(figure.figure) || '…' }, figure.id);

	// Consultation
	const events = plan.consultation.events;
	needsItems('consultation', 'consultation', plan.consultation, 'events');
	for (const event of events) {
		const params = { name: label(event.title) || label(event.place) || '…' };
		needs('consultation', 'consultationEvent', event, params, event.id);
		add(
			'consultation',
			'consultationEventParticipants',
			event.participants.some((p) => (p.women ?? 0) + (p.men ?? 0) > 0),
			fieldId('consultationEvent', 'participants', event.id),
			params
		);
	}
	add(
		'consultation',
		'civilSociety',
		events.some((e) =>
			e.participants.some((p) => p.sector === 'civil-society' && (p.women ?? 0) + (p.men ?? 0) > 0)
		),
		events[0]
			? fieldId('consultationEvent', 'participants', events[0].id)
			: fieldId('events', 'add')
	);
	needs('consultation', 'consultation', plan.consultation);

	// Pillars and objectives
	needs('pillars', 'plan', plan);
	needsItems('pillars', 'plan', plan, 'pillars');
	for (const place of walk(plan)) {
		if (place.kind === 'pillar') {
			const { pillar, ref } = place;
			const params = { ref };
			// A framework's pillar is named by the framework; one of the team's own needs a name.
			if (!pillar.key)
				add(
					'pillars',
					'pillarName',
					filled(pillar.name),
					fieldId('pillar', 'name', pillar.id),
					params
				);
			needs('pillars', 'pillar', pillar, params, pillar.id);
			needsItems('pillars', 'pillar', pillar, 'objectives', params, pillar.id);
		} else if (place.kind === 'objective') {
			const { objective, ref } = place;
			needs('pillars', 'objective', objective, { ref }, objective.id);
			placeholdersIn('pillars', 'objective', objective, ref, objective.id);
		}
	}

	// Actions and indicators
	const period = { start: o.periodStart, end: o.periodEnd };
	add('actions', 'actionsPresent', !actionsOf(plan).next().done, fieldId('actions', 'start'));
	for (const { objective, ref } of objectivesOf(plan))
		needsItems('actions', 'objective', objective, 'actions', { ref }, objective.id);
	for (const { action, ref } of actionsOf(plan)) {
		const params = { ref };
		needs('actions', 'action', action, params, action.id);
		placeholdersIn('actions', 'action', action, ref, action.id);
		contradiction(
			'actions',
			'actionTimeframeOrder',
			action.startYear !== null && action.endYear !== null && action.endYear < action.startYear,
			fieldId('action', 'endYear', action.id),
			params
		);
		contradiction(
			'actions',
			'actionOutsidePeriod',
			period.start !== null &&
				period.end !== null &&
				((action.startYear !== null && action.startYear < period.start) ||
					(action.endYear !== null && action.endYear > period.end)),
			fieldId('action', 'startYear', action.id),
			{ ref, start: period.start ?? '', end: period.end ?? '' }
		);
		needsItems('actions', 'action', action, 'indicators', params, action.id);
		for (const [n, indicator] of action.indicators.entries()) {
			const iParams = { ref: childRef(ref, n) };
			needs('actions', 'indicator', indicator, iParams, indicator.id);
			contradiction(
				'actions',
				'indicatorYears',
				indicator.baselineYear !== null &&
					indicator.targetYear !== null &&
					indicator.targetYear < indicator.baselineYear,
				fieldId('indicator', 'targetYear', indicator.id),
				iParams
			);
			placeholdersIn('actions', 'indicator', indicator, iParams.ref, indicator.id);
		}
	}

	// Coordination and monitoring
	const bodies = plan.coordination.bodies;
	needs('coordination', 'coordination', plan.coordination);
	needsItems('coordination', 'coordination', plan.coordination, 'bodies');
	for (const body of bodies)
		needs('coordination', 'coordinationBody', body, { name: label(body.name) || '…' }, body.id);
	add(
		'coordination',
		'localLevel',
		bodies.some((b) => b.level === 'local' || b.level === 'provincial'),
		bodies[0] ? fieldId('coordinationBody', 'level', bodies[0].id) : fieldId('bodies', 'add')
	);
	const m = plan.monitoring;
	needs('coordination', 'monitoring', m);
	contradiction(
		'coordination',
		'evaluationOrder',
		filled(m.midTermReview) &&
			filled(m.finalEvaluation) &&
			dateBefore(m.finalEvaluation, m.midTermReview),
		fieldId('monitoring', 'finalEvaluation')
	);

	// Budget
	for (const { action, ref } of actionsOf(plan))
		needs('budget', 'budgetLine', action.budget, { ref }, action.id);
	needs('budget', 'budget', plan.budget);

	return out;
}

export interface StepCompleteness {
	done: number;
	total: number;
	/** 0 to 1. */
	ratio: number;
}

/**
 * Completeness per step and overall, as the share of checks met. A contradiction counts against its step.
 * The review step has no fields of its own: it shows the overall figure.
 */
export function completeness(
	plan: Plan,
	all: Check[] = checks(plan)
): Record<Step | 'overall', StepCompleteness> {
	const tally = (list: Check[]): StepCompleteness => {
		const total = list.filter((c) => c.kind === 'missing').length;
		const done = Math.max(
			0,
			list.filter((c) => c.ok).length - list.filter((c) => c.kind === 'invalid').length
		);
		return { done, total, ratio: total === 0 ? 0 : done / total };
	};
	const result = {} as Record<Step | 'overall', StepCompleteness>;
	for (const step of STEPS) result[step] = tally(all.filter((c) => c.step === step));
	result.overall = tally(all);
	result.review = result.overall;
	return result;
}

/** The checks that are not met, in step order. */
export function gaps(plan: Plan, all: Check[] = checks(plan)): Check[] {
	return all.filter((c) => !c.ok);
}

/** What the wizard shows of the checks: those not met, and the completeness of each step. */
export function checkSummary(plan: Plan): {
	open: Check[];
	completeness: Record<Step | 'overall', StepCompleteness>;
} {
	const all = checks(plan);
	return { open: all.filter((c) => !c.ok), completeness: completeness(plan, all) };
}
