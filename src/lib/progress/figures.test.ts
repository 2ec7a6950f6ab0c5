import { describe, expect, it } from 'vitest';
import { blank, createPlan } from '../plan/operations.ts';
import { setActionProgress, setIndicatorProgress } from './entries.ts';
import { figuresOf, seriesOf } from './figures.ts';

function twoActions() {
	const plan = createPlan({ language: 'en' });
	plan.overview.periodStart = 2025;
	plan.overview.periodEnd = 2029;
	const ministry = { ...blank.institution(), name: 'Ministry of Defence' };
	plan.institutions.push(ministry);
	const pillar = blank.pillar('participation');
	const objective = blank.objective();
	const first = { ...blank.action(), responsibleId: ministry.id };
	first.budget.amount = 1000;
	first.budget.source = 'national-budget' as const;
	const indicator = {
		...blank.indicator(),
		baselineValue: '10',
		targetValue: '30',
		baselineYear: 2024,
		targetYear: 2029
	};
	first.indicators.push(indicator);
	const second = blank.action();
	objective.actions.push(first, second);
	pillar.objectives.push(objective);
	plan.pillars.push(pillar);
	return { plan, ministry, pillar, first, second, indicator };
}

describe('the figures of monitoring', () => {
	it('count actions by status, indicators by rating and spending against the budget', () => {
		const { plan, ministry, pillar, first, indicator } = twoActions();
		setActionProgress(plan, first.id, '2025', { status: 'on-track', spent: 200 });
		setActionProgress(plan, first.id, '2026', { status: 'delayed', spent: 300 });
		setIndicatorProgress(plan, indicator.id, '2026', { value: '20' });

		const year = figuresOf(plan, ['2026'], 'en');
		expect(year.actions).toMatchObject({ delayed: 1, unreported: 1, 'on-track': 0 });
		expect(year.spending).toEqual([{ key: '', currency: 'USD', budget: 1000, spent: 300 }]);
		// 2026: 2 of 5 years passed, 0.4 due; 0.5 done.
		expect(year.indicators).toMatchObject({ 'on-track': 1, unrated: 0 });

		const toDate = figuresOf(plan, ['2025', '2026'], 'en');
		expect(toDate.actions.delayed).toBe(1);
		expect(toDate.byInstitution.get(ministry.id)!.spending).toEqual([
			{ key: ministry.id, currency: 'USD', budget: 1000, spent: 500 }
		]);
		expect(toDate.byPillar.get(pillar.id)!.actions).toMatchObject({ delayed: 1, unreported: 1 });
		expect(toDate.bySource).toEqual([
			{ key: 'national-budget', currency: 'USD', budget: 1000, spent: 500 }
		]);
	});

	it("keep spending in another currency apart, and leave out a deleted action's entries", () => {
		const { plan, first, second } = twoActions();
		setActionProgress(plan, first.id, '2025', { spent: 50, currency: 'EUR' });
		setActionProgress(plan, 'gone', '2025', { status: 'completed', spent: 999 });
		const f = figuresOf(plan, ['2025'], 'en');
		expect(f.spending).toEqual([
			{ key: '', currency: 'USD', budget: 1000, spent: 0 },
			{ key: '', currency: 'EUR', budget: 0, spent: 50 }
		]);
		expect(f.actions.completed).toBe(0);
		expect(f.actions.unreported).toBe(2);
		expect(second.id).not.toBe('gone');
	});

	it("give an indicator's values over the periods, with its standing in each", () => {
		const { plan, indicator } = twoActions();
		setIndicatorProgress(plan, indicator.id, '2025', { value: '12' });
		setIndicatorProgress(plan, indicator.id, '2027', { value: '14' });
		const series = seriesOf(plan, indicator.id, ['2025', '2026', '2027'], 'en');
		expect(series.map((s) => [s.period, s.value, s.standing.rating])).toEqual([
			['2025', '12', 'on-track'],
			['2027', '14', 'off-track']
		]);
	});

	it('write one entry per item and period, changed in place on a second report', () => {
		const { plan, first } = twoActions();
		setActionProgress(plan, first.id, '2025', { status: 'on-track' });
		setActionProgress(plan, first.id, '2025', { narrative: 'Trained 40 officers' });
		expect(plan.progress.actions).toHaveLength(1);
		expect(plan.progress.actions[0]).toMatchObject({
			status: 'on-track',
			narrative: 'Trained 40 officers'
		});
	});
});
