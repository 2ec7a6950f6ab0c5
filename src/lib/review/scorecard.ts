// The quality review scorecard: the checklist reviewers and trackers of national action plans apply
// (NAP-GUIDE.md, "What reviewers check"), computed from the plan. Each criterion is met, partly met or
// not met, says why with counts, and points at the field where the plan can be improved.
// Unlike completeness.ts (is every field filled?), it judges the plan as a whole, as a reviewer would.
import { fieldId, type Step } from '../plan/completeness.ts';
import { dateYear } from '../plan/dates.ts';
import { placeholders } from '../plan/text.ts';
import { actionsOf, type ActionPlace } from '../plan/operations.ts';
import type { Action, Indicator, Institution, Plan, Resolution } from '../plan/schema.ts';

export const CRITERIA = [
	'context',
	'indicators',
	'actions',
	'budget',
	'monitoring',
	'parliament',
	'civilSocietyDrafting',
	'civilSocietyImplementation',
	'coordination',
	'pillars',
	'resolutions',
	'scope',
	'securitySector'
] as const;
export type CriterionId = (typeof CRITERIA)[number];

export const CRITERION_STATUSES = ['met', 'partly', 'not-met'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export interface Criterion {
	id: CriterionId;
	status: CriterionStatus;
	/** Why, as a text key under `scorecard.reasons.<id>.` with its counts. */
	reason: { key: string; params: Record<string, number> };
	/** Where it is improved: a wizard step and the DOM id of the field (see fieldId). */
	link: { step: Step; field: string };
}

/**
 * The themes of the resolutions after 1325 that a current plan should address, and the resolutions
 * that carry each. 1889 (women in peacebuilding) widens 1325 itself and is no theme of its own.
 */
export const LATER_THEMES: Record<
	'sexualViolence' | 'justice' | 'violentExtremism' | 'financing',
	Resolution[]
> = {
	sexualViolence: ['1820', '1888', '1960', '2106', '2467'],
	justice: ['2122'],
	violentExtremism: ['2242'],
	financing: ['2493']
};

/** Given: written, and no [[placeholder]] left in it ("[[to be confirmed]]" is a gap, not a value). */
const filled = (s: string) => s.trim() !== '' && placeholders(s).length === 0;

/** The year each resolution was adopted by the Security Council. */
export const RESOLUTION_YEARS: Record<Resolution, number> = {
	'1325': 2000,
	'1820': 2008,
	'1888': 2009,
	'1889': 2009,
	'1960': 2010,
	'2106': 2013,
	'2122': 2013,
	'2242': 2015,
	'2467': 2019,
	'2493': 2019,
	'2538': 2020
};

/** The year a plan was drafted: its adoption date's, else its first year; null when it gives neither. */
export function draftingYear(plan: Plan): number | null {
	return dateYear(plan.overview.adoptionDate) ?? plan.overview.periodStart;
}
/** Lower case without accents, so that one word list serves English, French and Spanish names. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Ministry templates (templates/library/ministries) whose institution is part of the security sector. */
const SECURITY_TEMPLATES = new Set(['defence', 'interior-police']);
/** Words that name a security-sector institution in en, fr or es (on folded text). "Security" alone is
 * left out: it also names social security funds and parliamentary committees. */
const SECURITY_WORDS =
	/\b(defen[cs]e|defensa|armed forces|forces armees|fuerzas armadas|army|armees?|ejercito|military|militaires?|militar(es)?|police|policia|gendarmerie|gendarmeria|carabineros|interior|interieur|home affairs|security forces|forces de securite|fuerzas de seguridad)\b/;
/** An indicator about women: its statement names them (en, fr, es; on folded text). */
const WOMEN_WORDS = /\b(women|woman|female|femmes?|feminin\w*|mujer(es)?|femenin\w*)\b/;

/**
 * Whether an institution belongs to the security sector (defence, armed forces, police, interior):
 * copied from the defence or interior/police ministry template, or so named by the team. Parliament,
 * civil society and UN entities never count, whatever their name ("Women's network on police reform").
 */
export function isSecuritySector(institution: Institution): boolean {
	if (SECURITY_TEMPLATES.has(institution.templateId)) return true;
	if (
		institution.kind === 'parliament' ||
		institution.kind === 'civil-society' ||
		institution.kind === 'un-entity'
	)
		return false;
	return SECURITY_WORDS.test(fold(`${institution.name} ${institution.acronym}`));
}

/** Whether an indicator measures something about women (its statement names them). */
export function isAboutWomen(indicator: Indicator): boolean {
	return WOMEN_WORDS.test(fold(indicator.statement));
}

/** The rule of most criteria: all of them met, some, or none (or nothing to count). */
function byShare(done: number, count: number): CriterionStatus {
	if (count === 0 || done === 0) return 'not-met';
	return done === count ? 'met' : 'partly';
}

/** An indicator is SMART enough for a reviewer with a unit, a baseline and a target (each with its
 * year: time-bound) and a means of verification: the same rule as the completeness checks. */
function indicatorComplete(i: Indicator): boolean {
	return (
		filled(i.unit) &&
		filled(i.baselineValue) &&
		i.baselineYear !== null &&
		filled(i.targetValue) &&
		i.targetYear !== null &&
		filled(i.meansOfVerification)
	);
}

/** The first field of an indicator that a reviewer would still find empty. */
function indicatorGap(i: Indicator): string {
	if (!filled(i.statement)) return 'statement';
	if (!filled(i.unit)) return 'unit';
	if (!filled(i.baselineValue)) return 'baselineValue';
	if (i.baselineYear === null) return 'baselineYear';
	if (!filled(i.targetValue)) return 'targetValue';
	if (i.targetYear === null) return 'targetYear';
	return 'meansOfVerification';
}

export function scorecard(plan: Plan): Criterion[] {
	const actions = [...actionsOf(plan)];
	const first: Action | undefined = actions[0]?.action;
	const noActionsLink = { step: 'actions' as const, field: fieldId('actions', 'start') };
	const known = new Map(plan.institutions.map((i) => [i.id, i]));
	const criterion = (
		id: CriterionId,
		status: CriterionStatus,
		key: string,
		params: Record<string, number>,
		step: Step,
		field: string
	): Criterion => ({
		id,
		status,
		reason: { key, params },
		link: { step, field }
	});
	const out: Criterion[] = [];

	// Context with baselines: the situation analysis doubles as the baseline of the indicators.
	{
		const c = plan.context;
		const analysis = filled(c.situationAnalysis);
		const figures = c.baselineFigures;
		const complete = figures.filter(
			(f) => filled(f.figure) && filled(f.value) && f.year !== null && filled(f.source)
		);
		const gap = figures.find((f) => !complete.includes(f));
		const params = { done: complete.length, count: figures.length };
		const field = !analysis
			? fieldId('context', 'situationAnalysis')
			: figures.length === 0
				? fieldId('baselineFigures', 'add')
				: gap
					? fieldId(
							'baselineFigure',
							!filled(gap.figure)
								? 'figure'
								: !filled(gap.value)
									? 'value'
									: gap.year === null
										? 'year'
										: 'source',
							gap.id
						)
					: fieldId('context', 'situationAnalysis');
		if (!analysis && complete.length === 0)
			out.push(criterion('context', 'not-met', 'none', params, 'context', field));
		else if (!analysis)
			out.push(criterion('context', 'partly', 'noAnalysis', params, 'context', field));
		else if (figures.length === 0)
			out.push(criterion('context', 'partly', 'noFigures', params, 'context', field));
		else
			out.push(
				criterion(
					'context',
					complete.length === figures.length ? 'met' : 'partly',
					'figures',
					params,
					'context',
					field
				)
			);
	}

	// SMART objectives and indicators: every action measured, every indicator complete.
	{
		const indicators = actions.flatMap(({ action }) => action.indicators);
		const complete = indicators.filter(indicatorComplete).length;
		const without = actions.filter(({ action }) => action.indicators.length === 0);
		const gap = indicators.find((i) => !indicatorComplete(i));
		const params = {
			done: complete,
			count: indicators.length,
			without: without.length,
			actions: actions.length
		};
		if (actions.length === 0)
			out.push(
				criterion(
					'indicators',
					'not-met',
					'noActions',
					params,
					noActionsLink.step,
					noActionsLink.field
				)
			);
		else if (indicators.length === 0)
			out.push(
				criterion(
					'indicators',
					'not-met',
					'noIndicators',
					params,
					'actions',
					fieldId('action', 'addIndicator', actions[0].action.id)
				)
			);
		else if (without.length > 0)
			out.push(
				criterion(
					'indicators',
					'partly',
					'actionsWithout',
					params,
					'actions',
					fieldId('action', 'addIndicator', without[0].action.id)
				)
			);
		else
			out.push(
				criterion(
					'indicators',
					byShare(complete, indicators.length),
					'complete',
					params,
					'actions',
					gap
						? fieldId('indicator', indicatorGap(gap), gap.id)
						: fieldId('indicator', 'statement', indicators[0].id)
				)
			);
	}

	// Every action with a responsible institution and a timeframe.
	{
		const responsible = (a: Action) => known.has(a.responsibleId);
		const timed = (a: Action) => a.startYear !== null && a.endYear !== null;
		const done = actions.filter(({ action }) => responsible(action) && timed(action)).length;
		const gap = actions.find(({ action }) => !responsible(action) || !timed(action))?.action;
		const field = gap
			? fieldId('action', responsible(gap) ? 'startYear' : 'responsibleId', gap.id)
			: first
				? fieldId('action', 'responsibleId', first.id)
				: noActionsLink.field;
		if (actions.length === 0)
			out.push(
				criterion('actions', 'not-met', 'noActions', {}, noActionsLink.step, noActionsLink.field)
			);
		else
			out.push(
				criterion(
					'actions',
					byShare(done, actions.length),
					'counts',
					{ done, count: actions.length },
					'actions',
					field
				)
			);
	}

	// Budget allocated, with its source: an amount and a funding source for each action.
	{
		const costed = (a: Action) => a.budget.amount !== null && a.budget.source !== '';
		const done = actions.filter(({ action }) => costed(action)).length;
		const gap = actions.find(({ action }) => !costed(action))?.action;
		if (actions.length === 0)
			out.push(
				criterion('budget', 'not-met', 'noActions', {}, noActionsLink.step, noActionsLink.field)
			);
		else
			out.push(
				criterion(
					'budget',
					byShare(done, actions.length),
					'counts',
					{ done, count: actions.length },
					'budget',
					gap
						? fieldId('action', gap.budget.amount === null ? 'amount' : 'source', gap.id)
						: fieldId('action', 'amount', actions[0].action.id)
				)
			);
	}

	// M&E framework with a reporting schedule and a final evaluation.
	{
		const m = plan.monitoring;
		const parts: [boolean, string][] = [
			[filled(m.description), 'description'],
			[m.reportingCycle !== '', 'reportingCycle'],
			[filled(m.finalEvaluation), 'finalEvaluation']
		];
		const done = parts.filter(([ok]) => ok).length;
		const gap = parts.find(([ok]) => !ok)?.[1] ?? 'description';
		out.push(
			criterion(
				'monitoring',
				byShare(done, parts.length),
				'counts',
				{ done, count: parts.length },
				'coordination',
				fieldId('monitoring', gap)
			)
		);
	}

	// Reporting to parliament. Partly: parliament took part, but the plan does not report to it.
	{
		const parliaments = new Set(
			plan.institutions.filter((i) => i.kind === 'parliament').map((i) => i.id)
		);
		const involved =
			plan.consultation.events.some((e) =>
				e.participants.some((p) => p.sector === 'parliament' && (p.women ?? 0) + (p.men ?? 0) > 0)
			) ||
			plan.coordination.bodies.some(
				(b) => parliaments.has(b.chairId) || b.memberIds.some((id) => parliaments.has(id))
			) ||
			actions.some(
				({ action }) =>
					parliaments.has(action.responsibleId) ||
					action.partnerIds.some((id) => parliaments.has(id))
			);
		const field = fieldId('monitoring', 'reportsToParliament');
		if (plan.monitoring.reportsToParliament)
			out.push(criterion('parliament', 'met', 'reports', {}, 'coordination', field));
		else
			out.push(
				criterion(
					'parliament',
					involved ? 'partly' : 'not-met',
					involved ? 'involved' : 'none',
					{},
					'coordination',
					field
				)
			);
	}

	// Civil society in drafting: civil-society participants at the consultations. The validation
	// workshop comes after drafting: civil society there alone is only partly "in drafting".
	{
		const events = plan.consultation.events;
		const withCivilSociety = events.filter((e) =>
			e.participants.some((p) => p.sector === 'civil-society' && (p.women ?? 0) + (p.men ?? 0) > 0)
		);
		const drafting = withCivilSociety.filter((e) => e.kind !== 'validation-workshop');
		const params = { done: withCivilSociety.length, count: events.length };
		const target = events.find((e) => e.kind !== 'validation-workshop') ?? events[0];
		const field = target
			? fieldId('consultationEvent', 'participants', target.id)
			: fieldId('events', 'add');
		if (events.length === 0)
			out.push(
				criterion('civilSocietyDrafting', 'not-met', 'noEvents', params, 'consultation', field)
			);
		else if (drafting.length > 0)
			out.push(criterion('civilSocietyDrafting', 'met', 'counts', params, 'consultation', field));
		else if (withCivilSociety.length > 0)
			out.push(
				criterion('civilSocietyDrafting', 'partly', 'validationOnly', params, 'consultation', field)
			);
		else
			out.push(
				criterion('civilSocietyDrafting', 'not-met', 'counts', params, 'consultation', field)
			);
	}

	// Civil society in implementation: a monitoring role, and civil-society organisations leading or partnering actions.
	{
		const civil = new Set(
			plan.institutions.filter((i) => i.kind === 'civil-society').map((i) => i.id)
		);
		const count = actions.filter(
			({ action }) =>
				civil.has(action.responsibleId) || action.partnerIds.some((id) => civil.has(id))
		).length;
		const role = filled(plan.monitoring.civilSocietyRole);
		const roleField = fieldId('monitoring', 'civilSocietyRole');
		const actionField = first ? fieldId('action', 'partnerIds', first.id) : noActionsLink.field;
		if (role && count > 0)
			out.push(
				criterion('civilSocietyImplementation', 'met', 'both', { count }, 'coordination', roleField)
			);
		else if (role)
			out.push(
				criterion(
					'civilSocietyImplementation',
					'partly',
					'roleOnly',
					{ count },
					'actions',
					actionField
				)
			);
		else if (count > 0)
			out.push(
				criterion(
					'civilSocietyImplementation',
					'partly',
					'actionsOnly',
					{ count },
					'coordination',
					roleField
				)
			);
		else
			out.push(
				criterion(
					'civilSocietyImplementation',
					'not-met',
					'none',
					{ count },
					'coordination',
					roleField
				)
			);
	}

	// A coordination body, down to local level.
	{
		const bodies = plan.coordination.bodies;
		const local = bodies.some((b) => b.level === 'local');
		const field = bodies[0]
			? fieldId('coordinationBody', 'level', (bodies.find((b) => b.level === '') ?? bodies[0]).id)
			: fieldId('bodies', 'add');
		const params = { count: bodies.length };
		if (bodies.length === 0)
			out.push(criterion('coordination', 'not-met', 'none', params, 'coordination', field));
		else
			out.push(
				criterion(
					'coordination',
					local ? 'met' : 'partly',
					local ? 'local' : 'notLocal',
					params,
					'coordination',
					field
				)
			);
	}

	// Every pillar covered: objectives with actions with indicators.
	{
		const covered = (p: Plan['pillars'][number]) =>
			p.objectives.some((o) => o.actions.some((a) => a.indicators.length > 0));
		const gap = plan.pillars.find((p) => !covered(p));
		let link: Criterion['link'] = { step: 'pillars', field: fieldId('pillars', 'framework') };
		if (gap) {
			const objective = gap.objectives.find((o) => o.actions.length > 0) ?? gap.objectives[0];
			if (!objective) link = { step: 'pillars', field: fieldId('pillar', 'addObjective', gap.id) };
			else if (objective.actions.length === 0)
				link = { step: 'actions', field: fieldId('objective', 'addAction', objective.id) };
			else
				link = {
					step: 'actions',
					field: fieldId('action', 'addIndicator', objective.actions[0].id)
				};
		}
		const done = plan.pillars.filter(covered).length;
		if (plan.pillars.length === 0)
			out.push(criterion('pillars', 'not-met', 'none', {}, link.step, link.field));
		else
			out.push(
				criterion(
					'pillars',
					byShare(done, plan.pillars.length),
					'counts',
					{ done, count: plan.pillars.length },
					link.step,
					link.field
				)
			);
	}

	// The later resolutions: how many of their themes the plan says it addresses. A plan is judged on
	// what existed when it was drafted: a theme whose resolutions all came in or after that year counts
	// only if the plan addresses it anyway.
	{
		const year = draftingYear(plan);
		const addressed = (resolutions: Resolution[]) =>
			resolutions.some((r) => plan.overview.resolutions.includes(r));
		const existed = (resolutions: Resolution[]) =>
			year === null || resolutions.some((r) => RESOLUTION_YEARS[r] < year);
		const themes = Object.values(LATER_THEMES).filter(
			(resolutions) => existed(resolutions) || addressed(resolutions)
		);
		const done = themes.filter(addressed).length;
		const all = themes.length === Object.keys(LATER_THEMES).length;
		const link = fieldId('overview', 'resolutions');
		if (themes.length === 0)
			out.push(
				criterion('resolutions', 'met', 'noneYet', { year: year as number }, 'overview', link)
			);
		else
			out.push(
				criterion(
					'resolutions',
					byShare(done, themes.length),
					all ? 'counts' : 'countsBefore',
					{ done, count: themes.length, ...(all ? {} : { year: year as number }) },
					'overview',
					link
				)
			);
	}

	// Domestic action and action abroad (peacekeeping, diplomacy, aid).
	{
		const count = (scope: Action['scope']) =>
			actions.filter(({ action }) => action.scope === scope).length;
		const params = {
			domestic: count('domestic'),
			abroad: count('abroad'),
			unset: count(''),
			count: actions.length
		};
		const gap = actions.find(({ action }) => action.scope === '')?.action ?? first;
		const field = gap ? fieldId('action', 'scope', gap.id) : noActionsLink.field;
		if (actions.length === 0)
			out.push(
				criterion('scope', 'not-met', 'noActions', params, noActionsLink.step, noActionsLink.field)
			);
		else if (params.unset === actions.length)
			out.push(criterion('scope', 'not-met', 'unset', params, 'actions', field));
		else
			out.push(
				criterion(
					'scope',
					params.domestic > 0 && params.abroad > 0 ? 'met' : 'partly',
					'counts',
					params,
					'actions',
					field
				)
			);
	}

	out.push(securitySector(plan, actions));
	return out;
}

/** Targets for women in the security sector: an indicator about women, with a target, under an action
 * a security-sector institution is responsible for (see isSecuritySector). */
function securitySector(plan: Plan, actions: ActionPlace[]): Criterion {
	const security = new Set(plan.institutions.filter(isSecuritySector).map((i) => i.id));
	const theirs = actions
		.filter(({ action }) => security.has(action.responsibleId))
		.map(({ action }) => action);
	const aboutWomen = theirs.flatMap((action) =>
		action.indicators.filter(isAboutWomen).map((indicator) => ({ action, indicator }))
	);
	const targeted = aboutWomen.filter(({ indicator }) => filled(indicator.targetValue));
	const make = (
		status: CriterionStatus,
		key: string,
		params: Record<string, number>,
		step: Step,
		field: string
	): Criterion => ({
		id: 'securitySector',
		status,
		reason: { key, params },
		link: { step, field }
	});
	if (targeted.length > 0)
		return make(
			'met',
			'targets',
			{ count: targeted.length },
			'actions',
			fieldId('indicator', 'targetValue', targeted[0].indicator.id)
		);
	if (aboutWomen.length > 0)
		return make(
			'partly',
			'noTargetValue',
			{ count: aboutWomen.length },
			'actions',
			fieldId('indicator', 'targetValue', aboutWomen[0].indicator.id)
		);
	if (theirs.length > 0)
		return make(
			'not-met',
			'noWomenIndicator',
			{ count: theirs.length },
			'actions',
			fieldId('action', 'addIndicator', theirs[0].id)
		);
	const firstAction = actions[0]?.action;
	if (firstAction)
		return make(
			'not-met',
			'noInstitution',
			{},
			'actions',
			fieldId('action', 'responsibleId', firstAction.id)
		);
	return make('not-met', 'noInstitution', {}, 'overview', fieldId('institutions', 'add'));
}

/** How many criteria have each status. */
export function scorecardSummary(criteria: Criterion[]): Record<CriterionStatus, number> {
	const summary = { met: 0, partly: 0, 'not-met': 0 };
	for (const c of criteria) summary[c.status]++;
	return summary;
}
