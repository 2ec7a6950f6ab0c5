import { describe, expect, it } from 'vitest';
import { actionsOf, addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { fieldId } from '../plan/completeness.ts';
import { LANGUAGES, type Institution, type Plan } from '../plan/schema.ts';
import {
	CRITERIA,
	isSecuritySector,
	scorecard,
	scorecardSummary,
	type Criterion,
	type CriterionId
} from './scorecard.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';

const byId = (plan: Plan): Record<CriterionId, Criterion> =>
	Object.fromEntries(scorecard(plan).map((c) => [c.id, c])) as Record<CriterionId, Criterion>;
const statuses = (plan: Plan) => Object.fromEntries(scorecard(plan).map((c) => [c.id, c.status]));

/** A plan with the four pillars, one objective each, one action each (responsible, timed), no indicator. */
function actionsOnly(): Plan {
	const plan = createPlan();
	applyFramework(plan, 'pillars');
	const ministry = addItem(plan.institutions, {
		...blank.institution(),
		name: 'Ministry of Justice',
		kind: 'ministry'
	});
	for (const pillar of plan.pillars) {
		const action = addItem(addItem(pillar.objectives, blank.objective()).actions, blank.action());
		Object.assign(action, {
			description: 'An action',
			responsibleId: ministry.id,
			startYear: 2027,
			endYear: 2029
		});
	}
	return plan;
}

describe.each(LANGUAGES)('scorecard of the sample plan (%s)', (language) => {
	const plan = sample(language);

	it('meets every criterion', () => {
		expect(statuses(plan)).toEqual(Object.fromEntries(CRITERIA.map((id) => [id, 'met'])));
		expect(scorecardSummary(scorecard(plan))).toEqual({ met: 13, partly: 0, 'not-met': 0 });
	});

	it('gives the counts behind each reason', () => {
		const c = byId(plan);
		const actions = [...actionsOf(plan)].length;
		const indicators = [...actionsOf(plan)].reduce(
			(n, { action }) => n + action.indicators.length,
			0
		);
		expect(c.context.reason).toEqual({ key: 'figures', params: { done: 5, count: 5 } });
		expect(c.indicators.reason).toMatchObject({
			key: 'complete',
			params: { done: indicators, count: indicators, without: 0 }
		});
		expect(c.actions.reason).toEqual({ key: 'counts', params: { done: actions, count: actions } });
		expect(c.resolutions.reason).toEqual({ key: 'counts', params: { done: 4, count: 4 } });
		// The roster of women mediators and pre-deployment training for peace operations act abroad.
		expect(c.scope.reason).toMatchObject({
			params: { domestic: actions - 2, abroad: 2, unset: 0, count: actions }
		});
		// Defence and the police set targets for women among their personnel (and in peace operations).
		expect(c.securitySector.reason.key).toBe('targets');
		expect(c.securitySector.reason.params.count).toBeGreaterThanOrEqual(4);
	});

	it('marks the scope criterion not met, linked to the first action, while no action says where it takes effect', () => {
		const unscoped = sample(language);
		const actions = [...actionsOf(unscoped)].map((a) => a.action);
		for (const action of actions) action.scope = '';
		expect(byId(unscoped).scope).toMatchObject({
			status: 'not-met',
			reason: { key: 'unset', params: { domestic: 0, abroad: 0, unset: actions.length } }
		});
		expect(byId(unscoped).scope.link).toEqual({
			step: 'actions',
			field: `action-${actions[0].id}-scope`
		});
	});

	it('meets the scope criterion once actions at home and abroad are marked', () => {
		const actions = [...actionsOf(plan)].map((a) => a.action);
		for (const action of actions) action.scope = 'domestic';
		expect(byId(plan).scope.status).toBe('partly');
		actions[2].scope = 'abroad'; // the roster of women mediators, for peace processes abroad
		expect(byId(plan).scope).toMatchObject({
			status: 'met',
			reason: { params: { domestic: actions.length - 1, abroad: 1, unset: 0 } }
		});
	});
});

describe('scorecard of weak plans', () => {
	it('marks every criterion not met on an empty plan, each with a link to a field of a wizard step', () => {
		const card = scorecard(createPlan());
		expect(card.map((c) => c.id)).toEqual([...CRITERIA]);
		expect(card.filter((c) => c.status !== 'not-met')).toEqual([]);
		for (const c of card) expect(c.link.field, c.id).toMatch(/^[a-z]+-[A-Za-z-]+$/);
		expect(byId(createPlan()).context.link).toEqual({
			step: 'context',
			field: 'context-situationAnalysis'
		});
		expect(byId(createPlan()).coordination.link).toEqual({
			step: 'coordination',
			field: 'bodies-add'
		});
		expect(byId(createPlan()).securitySector.link).toEqual({
			step: 'overview',
			field: 'institutions-add'
		});
	});

	it('finds no indicator on a plan with actions only, and points at the first action\'s "add an indicator"', () => {
		const plan = actionsOnly();
		const c = byId(plan);
		expect(c.actions.status).toBe('met');
		expect(c.indicators).toMatchObject({
			status: 'not-met',
			reason: { key: 'noIndicators', params: { actions: 4 } }
		});
		expect(c.indicators.link).toEqual({
			step: 'actions',
			field: `action-${plan.pillars[0].objectives[0].actions[0].id}-addIndicator`
		});
		expect(c.pillars).toMatchObject({
			status: 'not-met',
			reason: { params: { done: 0, count: 4 } }
		});
		expect(c.budget).toMatchObject({
			status: 'not-met',
			reason: { params: { done: 0, count: 4 } }
		});
	});

	it('counts complete indicators and actions still without one', () => {
		const plan = actionsOnly();
		const [first, second] = [...actionsOf(plan)].map((a) => a.action);
		const complete = addItem(first.indicators, {
			...blank.indicator(),
			statement: 'Conviction rate',
			unit: '%',
			baselineValue: '18',
			baselineYear: 2025,
			targetValue: '40',
			targetYear: 2031,
			meansOfVerification: 'Court statistics'
		});
		expect(byId(plan).indicators).toMatchObject({
			status: 'partly',
			reason: { key: 'actionsWithout', params: { done: 1, count: 1, without: 3, actions: 4 } }
		});
		expect(byId(plan).pillars).toMatchObject({
			status: 'partly',
			reason: { params: { done: 1, count: 4 } }
		});

		for (const { action } of [...actionsOf(plan)].slice(1))
			addItem(action.indicators, { ...complete, id: `${action.id}-i` });
		second.indicators[0].targetValue = '';
		const c = byId(plan);
		expect(c.indicators).toMatchObject({
			status: 'partly',
			reason: { key: 'complete', params: { done: 3, count: 4 } }
		});
		expect(c.indicators.link.field).toBe(`indicator-${second.indicators[0].id}-targetValue`);
		expect(c.pillars.status).toBe('met');
	});

	it('finds actions without a responsible institution or a timeframe', () => {
		const plan = actionsOnly();
		const actions = [...actionsOf(plan)].map((a) => a.action);
		actions[1].responsibleId = '';
		actions[2].endYear = null;
		expect(byId(plan).actions).toMatchObject({
			status: 'partly',
			reason: { params: { done: 2, count: 4 } },
			link: { field: `action-${actions[1].id}-responsibleId` }
		});
	});

	it('judges the monitoring framework by its description, reporting cycle and final evaluation', () => {
		const plan = createPlan();
		plan.monitoring.reportingCycle = 'annual';
		expect(byId(plan).monitoring).toMatchObject({
			status: 'partly',
			reason: { params: { done: 1, count: 3 } },
			link: { field: 'monitoring-description' }
		});
		plan.monitoring.description = 'Annual progress reports.';
		plan.monitoring.finalEvaluation = '2031-12-15';
		expect(byId(plan).monitoring.status).toBe('met');
	});

	it('sees parliament in the consultations without reporting as partly met', () => {
		const plan = createPlan();
		const event = addItem(plan.consultation.events, blank.consultationEvent());
		addItem(event.participants, {
			...blank.participants(),
			sector: 'parliament',
			women: 2,
			men: 1
		});
		expect(byId(plan).parliament).toMatchObject({ status: 'partly', reason: { key: 'involved' } });
		plan.monitoring.reportsToParliament = true;
		expect(byId(plan).parliament.status).toBe('met');
	});

	it('counts civil society in the validation workshop alone as partly in drafting', () => {
		const plan = createPlan();
		const workshop = addItem(plan.consultation.events, {
			...blank.consultationEvent(),
			kind: 'validation-workshop'
		});
		const national = addItem(plan.consultation.events, {
			...blank.consultationEvent(),
			kind: 'national'
		});
		addItem(national.participants, {
			...blank.participants(),
			sector: 'government',
			women: 10,
			men: 10
		});
		expect(byId(plan).civilSocietyDrafting).toMatchObject({
			status: 'not-met',
			reason: { key: 'counts', params: { done: 0, count: 2 } }
		});
		addItem(workshop.participants, {
			...blank.participants(),
			sector: 'civil-society',
			women: 5,
			men: 0
		});
		expect(byId(plan).civilSocietyDrafting).toMatchObject({
			status: 'partly',
			reason: { key: 'validationOnly' },
			link: { field: `consultationEvent-${national.id}-participants` }
		});
		addItem(national.participants, {
			...blank.participants(),
			sector: 'civil-society',
			women: 3,
			men: 1
		});
		expect(byId(plan).civilSocietyDrafting.status).toBe('met');
	});

	it('wants civil society both in monitoring and in actions for implementation', () => {
		const plan = actionsOnly();
		plan.monitoring.civilSocietyRole = 'Shadow reports.';
		expect(byId(plan).civilSocietyImplementation).toMatchObject({
			status: 'partly',
			reason: { key: 'roleOnly' }
		});
		const network = addItem(plan.institutions, {
			...blank.institution(),
			name: "Women's Network for Peace",
			kind: 'civil-society'
		});
		[...actionsOf(plan)][0].action.partnerIds.push(network.id);
		expect(byId(plan).civilSocietyImplementation).toMatchObject({
			status: 'met',
			reason: { key: 'both', params: { count: 1 } }
		});
	});

	it('wants a coordination body at local level', () => {
		const plan = createPlan();
		const national = addItem(plan.coordination.bodies, {
			...blank.coordinationBody(),
			level: 'national'
		});
		addItem(plan.coordination.bodies, { ...blank.coordinationBody(), level: 'provincial' });
		expect(byId(plan).coordination).toMatchObject({
			status: 'partly',
			reason: { key: 'notLocal', params: { count: 2 } },
			link: { field: `coordinationBody-${national.id}-level` }
		});
		addItem(plan.coordination.bodies, { ...blank.coordinationBody(), level: 'local' });
		expect(byId(plan).coordination.status).toBe('met');
	});

	it('counts the themes of the later resolutions addressed', () => {
		const plan = createPlan();
		expect(byId(plan).resolutions).toMatchObject({
			status: 'not-met',
			reason: { params: { done: 0, count: 4 } }
		});
		plan.overview.resolutions = ['1325', '1820', '1960', '2493'];
		expect(byId(plan).resolutions).toMatchObject({
			status: 'partly',
			reason: { params: { done: 2, count: 4 } }
		});
		plan.overview.resolutions.push('2122', '2242');
		expect(byId(plan).resolutions.status).toBe('met');
		plan.overview.resolutions = ['1325', '1889'];
		expect(byId(plan).resolutions.status).toBe('not-met');
	});

	it('judges a plan on the resolutions that existed when it was drafted, and says so', () => {
		// A plan for 2009–2013 (adopted in March 2009) that addresses sexual violence (1820, 2008).
		const plan = createPlan();
		Object.assign(plan.overview, {
			periodStart: 2009,
			periodEnd: 2013,
			adoptionDate: '2009-03',
			resolutions: ['1325', '1820']
		});
		expect(byId(plan).resolutions).toMatchObject({
			status: 'met',
			reason: { key: 'countsBefore', params: { done: 1, count: 1, year: 2009 } }
		});
		// Without an adoption date, its first year says when it was drafted.
		plan.overview.adoptionDate = '';
		expect(byId(plan).resolutions.reason.params).toMatchObject({ done: 1, count: 1, year: 2009 });
		// A later theme it addresses anyway counts in its favour.
		plan.overview.resolutions.push('2122');
		expect(byId(plan).resolutions).toMatchObject({
			status: 'met',
			reason: { params: { done: 2, count: 2 } }
		});
		// A plan of 2016 is measured on the three themes of 2008–2015.
		Object.assign(plan.overview, { periodStart: 2016, resolutions: ['1325', '1820'] });
		expect(byId(plan).resolutions).toMatchObject({
			status: 'partly',
			reason: { key: 'countsBefore', params: { done: 1, count: 3, year: 2016 } }
		});
		// Before 2008 no later resolution existed.
		Object.assign(plan.overview, { periodStart: 2005, resolutions: ['1325'] });
		expect(byId(plan).resolutions).toMatchObject({
			status: 'met',
			reason: { key: 'noneYet', params: { year: 2005 } }
		});
	});

	it('never counts a placeholder as a value', () => {
		const plan = sample('fr');
		expect(byId(plan).context.status).toBe('met');
		plan.context.baselineFigures[0].value = '[[to be confirmed]]';
		expect(byId(plan).context).toMatchObject({
			status: 'partly',
			link: { field: fieldId('baselineFigure', 'value', plan.context.baselineFigures[0].id) }
		});
		const [{ action }] = actionsOf(plan);
		action.indicators[0].baselineValue = '[[baseline]]';
		expect(byId(plan).indicators.status).toBe('partly');
	});

	it('wants an indicator with a target for women under an action of a security-sector institution', () => {
		const plan = actionsOnly();
		const action = [...actionsOf(plan)][0].action;
		expect(byId(plan).securitySector).toMatchObject({
			status: 'not-met',
			reason: { key: 'noInstitution' }
		});

		const defence = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministère des Armées',
			kind: 'ministry'
		});
		action.responsibleId = defence.id;
		expect(byId(plan).securitySector).toMatchObject({
			status: 'not-met',
			reason: { key: 'noWomenIndicator', params: { count: 1 } }
		});

		addItem(action.indicators, {
			...blank.indicator(),
			statement: 'Personnel trained on sexual exploitation and abuse',
			targetValue: '100'
		});
		expect(byId(plan).securitySector.status).toBe('not-met');
		const women = addItem(action.indicators, {
			...blank.indicator(),
			statement: 'Porcentaje de mujeres en las fuerzas armadas'
		});
		expect(byId(plan).securitySector).toMatchObject({
			status: 'partly',
			link: { field: `indicator-${women.id}-targetValue` }
		});
		women.targetValue = '15 %';
		expect(byId(plan).securitySector).toMatchObject({
			status: 'met',
			reason: { key: 'targets', params: { count: 1 } }
		});
	});
});

describe('security-sector institutions', () => {
	const institution = (fields: Partial<Institution>): Institution => ({
		...blank.institution(),
		...fields
	});

	it('are those copied from the defence or interior/police templates, whatever the team renamed them', () => {
		expect(
			isSecuritySector(
				institution({ name: 'Ministry of National Cohesion', templateId: 'interior-police' })
			)
		).toBe(true);
		expect(
			isSecuritySector(institution({ name: 'Ministry of Justice', templateId: 'justice' }))
		).toBe(false);
	});

	it('are named so in English, French or Spanish', () => {
		for (const name of [
			'Ministry of Defence',
			'Department of Defense',
			'National Police',
			'Ministère de l’Intérieur',
			'Gendarmerie nationale',
			'Forces armées',
			'Ministerio de Defensa',
			'Policía Nacional',
			'Ejército de Tierra'
		])
			expect(isSecuritySector(institution({ name, kind: 'ministry' })), name).toBe(true);
		for (const name of [
			'Ministry of Gender Equality',
			'National Social Security Fund',
			'Ministerio de Relaciones Exteriores',
			'Ministère de la Justice'
		])
			expect(isSecuritySector(institution({ name, kind: 'ministry' })), name).toBe(false);
	});

	it('are never parliament, civil society or UN entities', () => {
		expect(
			isSecuritySector(
				institution({ name: "Women's Network on Police Reform", kind: 'civil-society' })
			)
		).toBe(false);
		expect(
			isSecuritySector(institution({ name: 'Defence and Security Committee', kind: 'parliament' }))
		).toBe(false);
	});
});
