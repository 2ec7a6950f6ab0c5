// What a complete plan has, step by step. One list of checks feeds three things: the completeness
// shown beside each wizard step, the review step's list of gaps, and the messages shown under a field
// whose value contradicts another ("end year before start year").
import { dateBefore } from './dates.ts';
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

export function checks(plan: Plan): Check[] {
	const out: Check[] = [];
	const add = (step: Step, key: string, ok: boolean, field: string, params: Check['params'] = {}) =>
		out.push({ step, key, ok, field, params, kind: 'missing' });
	/** Only recorded when broken: a consistent value is not progress in itself. */
	const contradiction = (step: Step, key: string, broken: boolean, field: string, params: Check['params'] = {}) => {
		if (broken) out.push({ step, key, ok: false, field, params, kind: 'invalid' });
	};

	/** Template text marks a country's own figure as [[…]]: flagged until the team writes the figure in. */
	const placeholder = (step: Step, item: 'objective' | 'action' | 'indicator', text: string, field: string, ref: string) => {
		const [first] = placeholders(text);
		if (first !== undefined) out.push({ step, key: `${item}Placeholder`, ok: false, field, params: { ref, placeholder: excerpt(first, 80) }, kind: 'invalid' });
	};

	// Getting started
	const o = plan.overview;
	add('overview', 'title', filled(o.title), fieldId('overview', 'title'));
	add('overview', 'country', filled(o.country), fieldId('overview', 'country'));
	add('overview', 'period', o.periodStart !== null && o.periodEnd !== null, fieldId('overview', 'periodStart'));
	contradiction(
		'overview',
		'periodOrder',
		o.periodStart !== null && o.periodEnd !== null && o.periodEnd < o.periodStart,
		fieldId('overview', 'periodEnd')
	);
	add('overview', 'institutions', plan.institutions.length > 0, fieldId('institutions', 'add'));
	for (const institution of plan.institutions)
		add('overview', 'institutionName', filled(institution.name), fieldId('institution', 'name', institution.id));
	add('overview', 'lead', plan.institutions.some((i) => i.id === o.leadInstitutionId), fieldId('overview', 'leadInstitutionId'));
	add('overview', 'resolutions', o.resolutions.length > 0, fieldId('overview', 'resolutions'));
	add('overview', 'vision', filled(o.vision) || filled(o.goal), fieldId('overview', 'vision'));

	// Context and situation analysis
	const c = plan.context;
	add('context', 'situationAnalysis', filled(c.situationAnalysis), fieldId('context', 'situationAnalysis'));
	add('context', 'legalFramework', filled(c.legalFramework), fieldId('context', 'legalFramework'));
	add('context', 'baselineData', c.baselineData.length > 0, fieldId('baselineData', 'add'));
	for (const figure of c.baselineData) {
		const params = { name: label(figure.figure) || '…' };
		add('context', 'figureValue', filled(figure.figure) && filled(figure.value), fieldId('figure', 'value', figure.id), params);
		add('context', 'figureSource', filled(figure.source) && figure.year !== null, fieldId('figure', 'source', figure.id), params);
	}

	// Consultation
	const events = plan.consultation.events;
	add('consultation', 'events', events.length > 0, fieldId('events', 'add'));
	for (const event of events) {
		const params = { name: label(event.title) || label(event.place) || '…' };
		add('consultation', 'eventDate', filled(event.date) && event.kind !== '', fieldId('event', 'date', event.id), params);
		add('consultation', 'eventParticipants', event.participants.some((p) => (p.women ?? 0) + (p.men ?? 0) > 0), fieldId('event', 'participants', event.id), params);
	}
	add(
		'consultation',
		'civilSociety',
		events.some((e) => e.participants.some((p) => p.sector === 'civil-society' && (p.women ?? 0) + (p.men ?? 0) > 0)),
		events[0] ? fieldId('event', 'participants', events[0].id) : fieldId('events', 'add')
	);
	add('consultation', 'summary', filled(plan.consultation.summary), fieldId('consultation', 'summary'));

	// Pillars and objectives
	add('pillars', 'framework', plan.framework !== '', fieldId('pillars', 'framework'));
	add('pillars', 'pillarsPresent', plan.pillars.length > 0, fieldId('pillars', 'framework'));
	for (const place of walk(plan)) {
		if (place.kind === 'pillar') {
			const { pillar, ref } = place;
			if (!pillar.key) add('pillars', 'pillarName', filled(pillar.name), fieldId('pillar', 'name', pillar.id), { ref });
			add('pillars', 'pillarObjectives', pillar.objectives.length > 0, fieldId('pillar', 'addObjective', pillar.id), { ref });
		} else if (place.kind === 'objective') {
			const { objective, ref } = place;
			add('pillars', 'objectiveTitle', filled(objective.title), fieldId('objective', 'title', objective.id), { ref });
			placeholder('pillars', 'objective', objective.title, fieldId('objective', 'title', objective.id), ref);
			placeholder('pillars', 'objective', objective.expectedResults, fieldId('objective', 'expectedResults', objective.id), ref);
		}
	}

	// Actions and indicators
	const period = { start: o.periodStart, end: o.periodEnd };
	add('actions', 'actionsPresent', !actionsOf(plan).next().done, fieldId('actions', 'start'));
	for (const { objective, ref } of objectivesOf(plan))
		add('actions', 'objectiveActions', objective.actions.length > 0, fieldId('objective', 'addAction', objective.id), { ref });
	for (const { action, ref } of actionsOf(plan)) {
		const params = { ref };
		add('actions', 'actionDescription', filled(action.description), fieldId('action', 'description', action.id), params);
		placeholder('actions', 'action', action.description, fieldId('action', 'description', action.id), ref);
		add('actions', 'actionResponsible', plan.institutions.some((i) => i.id === action.responsibleId), fieldId('action', 'responsibleId', action.id), params);
		add('actions', 'actionTimeframe', action.startYear !== null && action.endYear !== null, fieldId('action', 'startYear', action.id), params);
		contradiction('actions', 'actionTimeframeOrder', action.startYear !== null && action.endYear !== null && action.endYear < action.startYear, fieldId('action', 'endYear', action.id), params);
		contradiction(
			'actions',
			'actionOutsidePeriod',
			period.start !== null && period.end !== null &&
				((action.startYear !== null && action.startYear < period.start) || (action.endYear !== null && action.endYear > period.end)),
			fieldId('action', 'startYear', action.id),
			{ ref, start: period.start ?? '', end: period.end ?? '' }
		);
		add('actions', 'actionIndicators', action.indicators.length > 0, fieldId('action', 'addIndicator', action.id), params);
		for (const [n, indicator] of action.indicators.entries()) {
			const at = (field: string) => fieldId('indicator', field, indicator.id);
			const iParams = { ref: childRef(ref, n) };
			add('actions', 'indicatorStatement', filled(indicator.statement) && filled(indicator.unit), at(filled(indicator.statement) ? 'unit' : 'statement'), iParams);
			add('actions', 'indicatorBaseline', filled(indicator.baselineValue) && indicator.baselineYear !== null, at('baselineValue'), iParams);
			add('actions', 'indicatorTarget', filled(indicator.targetValue) && indicator.targetYear !== null, at('targetValue'), iParams);
			contradiction('actions', 'indicatorYears', indicator.baselineYear !== null && indicator.targetYear !== null && indicator.targetYear < indicator.baselineYear, at('targetYear'), iParams);
			add('actions', 'indicatorVerification', filled(indicator.meansOfVerification), at('meansOfVerification'), iParams);
			for (const field of ['statement', 'unit', 'baselineValue', 'targetValue', 'meansOfVerification'] as const)
				placeholder('actions', 'indicator', indicator[field], at(field), iParams.ref);
		}
	}

	// Coordination and monitoring
	const bodies = plan.coordination.bodies;
	add('coordination', 'bodies', bodies.length > 0, fieldId('bodies', 'add'));
	for (const body of bodies)
		add('coordination', 'bodyDetails', filled(body.name) && body.level !== '', fieldId('body', 'name', body.id), { name: label(body.name) || '…' });
	add('coordination', 'localLevel', bodies.some((b) => b.level === 'local' || b.level === 'provincial'), bodies[0] ? fieldId('body', 'level', bodies[0].id) : fieldId('bodies', 'add'));
	const m = plan.monitoring;
	add('coordination', 'reportingCycle', m.reportingCycle !== '', fieldId('monitoring', 'reportingCycle'));
	add('coordination', 'monitoringResponsible', plan.institutions.some((i) => i.id === m.responsibleId), fieldId('monitoring', 'responsibleId'));
	add('coordination', 'parliament', m.reportsToParliament, fieldId('monitoring', 'reportsToParliament'));
	add('coordination', 'evaluation', filled(m.finalEvaluation), fieldId('monitoring', 'finalEvaluation'));
	contradiction('coordination', 'evaluationOrder', filled(m.midTermReview) && filled(m.finalEvaluation) && dateBefore(m.finalEvaluation, m.midTermReview), fieldId('monitoring', 'finalEvaluation'));
	add('coordination', 'civilSocietyRole', filled(m.civilSocietyRole), fieldId('monitoring', 'civilSocietyRole'));

	// Budget
	for (const { action, ref } of actionsOf(plan)) {
		add('budget', 'actionAmount', action.budget.amount !== null, fieldId('action', 'amount', action.id), { ref });
		add('budget', 'actionSource', action.budget.source !== '', fieldId('action', 'source', action.id), { ref });
	}
	add('budget', 'resourceMobilisation', filled(plan.budget.resourceMobilisation), fieldId('budget', 'resourceMobilisation'));

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
export function completeness(plan: Plan, all: Check[] = checks(plan)): Record<Step | 'overall', StepCompleteness> {
	const tally = (list: Check[]): StepCompleteness => {
		const total = list.filter((c) => c.kind === 'missing').length;
		const done = Math.max(0, list.filter((c) => c.ok).length - list.filter((c) => c.kind === 'invalid').length);
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
export function checkSummary(plan: Plan): { open: Check[]; completeness: Record<Step | 'overall', StepCompleteness> } {
	const all = checks(plan);
	return { open: all.filter((c) => !c.ok), completeness: completeness(plan, all) };
}
