import { describe, expect, it } from 'vitest';
import {
	actionsOf,
	addItem,
	applyFramework,
	blank,
	budgetTotals,
	createPlan
} from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import {
	budgetBySource,
	coverageByInstitution,
	coverageByPillar,
	runsIn,
	timeline
} from './charts.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';

/** Two pillars used of four; one ministry; amounts in the plan currency and in another. */
function small(): Plan {
	const plan = createPlan();
	applyFramework(plan, 'pillars');
	const justice = addItem(plan.institutions, {
		...blank.institution(),
		name: 'Ministry of Justice'
	});
	const add = (
		pillar: number,
		fields: Partial<ReturnType<typeof blank.action>>,
		indicators = 0
	) => {
		const objective =
			plan.pillars[pillar].objectives[0] ??
			addItem(plan.pillars[pillar].objectives, blank.objective());
		const action = addItem(objective.actions, { ...blank.action(), ...fields });
		for (let i = 0; i < indicators; i++) addItem(action.indicators, blank.indicator());
		return action;
	};
	add(
		0,
		{
			responsibleId: justice.id,
			startYear: 2027,
			endYear: 2028,
			budget: { amount: 100, currency: '', source: 'national-budget', secured: true }
		},
		2
	);
	add(
		0,
		{
			responsibleId: '',
			startYear: 2029,
			endYear: 2031,
			budget: { amount: 50, currency: 'EUR', source: 'un-system', secured: false }
		},
		1
	);
	add(1, {
		responsibleId: justice.id,
		budget: { amount: 30, currency: 'USD', source: '', secured: false }
	});
	plan.overview.periodStart = 2027;
	plan.overview.periodEnd = 2031;
	return plan;
}

describe('coverage', () => {
	it('counts actions, indicators and budget per pillar, empty pillars included, in the plan currency only', () => {
		const coverage = coverageByPillar(small());
		expect(coverage.currency).toBe('USD');
		expect(
			coverage.rows.map(({ actions, indicators, budget }) => ({ actions, indicators, budget }))
		).toEqual([
			{ actions: 2, indicators: 3, budget: 100 },
			{ actions: 1, indicators: 0, budget: 30 },
			{ actions: 0, indicators: 0, budget: 0 },
			{ actions: 0, indicators: 0, budget: 0 }
		]);
		expect(coverage.otherCurrency).toBe(1);
	});

	it('counts per responsible institution, with unassigned actions last', () => {
		const plan = small();
		const coverage = coverageByInstitution(plan);
		expect(coverage.rows).toEqual([
			{ key: plan.institutions[0].id, actions: 2, indicators: 2, budget: 130 },
			{ key: '', actions: 1, indicators: 1, budget: 0 }
		]);
	});

	it('adds up to the plan totals on the sample plan', () => {
		const plan = sample();
		const actions = [...actionsOf(plan)];
		const [total] = budgetTotals(plan);
		for (const coverage of [coverageByPillar(plan), coverageByInstitution(plan)]) {
			expect(coverage.rows.reduce((n, r) => n + r.actions, 0)).toBe(actions.length);
			expect(coverage.rows.reduce((n, r) => n + r.indicators, 0)).toBe(
				actions.reduce((n, a) => n + a.action.indicators.length, 0)
			);
			expect(coverage.rows.reduce((n, r) => n + r.budget, 0)).toBe(total.amount);
		}
		expect(coverageByInstitution(plan).rows[0]).toMatchObject({ key: 'inst-gender', actions: 8 });
	});
});

describe('budget by source', () => {
	it('sums each source in the plan currency, with the secured part', () => {
		const result = budgetBySource(small());
		expect(result.rows).toEqual([
			{ key: 'national-budget', amount: 100, secured: 100, actions: 1 },
			{ key: '', amount: 30, secured: 0, actions: 1 }
		]);
		expect(result).toMatchObject({ total: 130, otherCurrency: 1 });
	});

	it('matches the sample plan total', () => {
		const plan = sample();
		const result = budgetBySource(plan);
		expect(result.total).toBe(budgetTotals(plan)[0].amount);
		expect(result.rows.map((r) => r.key)).toEqual([
			'national-budget',
			'development-partners',
			'un-system',
			'other'
		]);
	});

	it('is empty for a plan with no amount', () => {
		expect(budgetBySource(createPlan())).toMatchObject({ rows: [], total: 0, otherCurrency: 0 });
	});
});

describe('timeline', () => {
	it('spans the plan period and counts the actions running each year', () => {
		const result = timeline(small());
		expect(result.years).toEqual([2027, 2028, 2029, 2030, 2031]);
		expect(result.perYear).toEqual([1, 1, 1, 1, 1]);
		expect(result.rows.map((r) => [r.ref, r.dated])).toEqual([
			['1.1.1', true],
			['1.1.2', true],
			['2.1.1', false]
		]);
		expect(runsIn(result.rows[0], 2028)).toBe(true);
		expect(runsIn(result.rows[0], 2029)).toBe(false);
		expect(runsIn(result.rows[2], 2029)).toBe(false);
	});

	it('widens to an action that runs outside the period, and keeps a typo from making it endless', () => {
		const plan = small();
		const action = [...actionsOf(plan)][0].action;
		action.startYear = 2025;
		expect(timeline(plan).years[0]).toBe(2025);
		action.endYear = 2207;
		expect(timeline(plan).years).toEqual([2027, 2028, 2029, 2030, 2031]);
	});

	it('takes its years from the actions when the plan has no period, and has none without either', () => {
		const plan = small();
		plan.overview.periodStart = null;
		expect(timeline(plan).years).toEqual([2027, 2028, 2029, 2030, 2031]);
		expect(timeline(createPlan())).toEqual({ years: [], rows: [], perYear: [] });
	});

	it('draws every action of the sample plan within its period', () => {
		const result = timeline(sample());
		expect(result.years).toEqual([2027, 2028, 2029, 2030, 2031]);
		expect(result.rows.every((r) => r.dated)).toBe(true);
		expect(Math.max(...result.perYear)).toBe(result.rows.length);
	});
});
