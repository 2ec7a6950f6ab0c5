import { describe, expect, it } from 'vitest';
import { blank, createPlan } from '../plan/operations.ts';
import { cyclePeriods, periodOf, periodsOf } from '../plan/periods.ts';
import { indicatorProgressSchema, type Indicator } from '../plan/schema.ts';
import { numericValue, rate, standingOf } from './rating.ts';

function plan(start = 2025, end = 2029) {
	const p = createPlan({ language: 'en' });
	p.overview.periodStart = start;
	p.overview.periodEnd = end;
	return p;
}
const indicator = (fields: Partial<Indicator>): Indicator => ({ ...blank.indicator(), ...fields });
const value = (
	v: string,
	period = '2027',
	rating: '' | 'on-track' | 'at-risk' | 'off-track' = ''
) => indicatorProgressSchema.parse({ id: 'e', indicatorId: 'i', period, value: v, rating });

describe('progress towards a target', () => {
	it('runs from the baseline to the target when the target is higher', () => {
		const i = indicator({
			baselineValue: '10',
			targetValue: '30',
			baselineYear: 2024,
			targetYear: 2029
		});
		const s = standingOf(plan(), i, value('20 %'), 'en');
		expect(s.progress).toBeCloseTo(0.5);
		// 2027 is 3 of the 5 years from 2024 to 2029: 0.6 is due, 0.5 is within 10 points of it.
		expect(s.expected).toBeCloseTo(0.6);
		expect(s).toMatchObject({ rating: 'on-track', basis: 'computed' });
	});

	it('runs downwards when the target is lower (cases pending, from 400 to 100)', () => {
		const i = indicator({
			baselineValue: '400',
			targetValue: '100',
			baselineYear: 2024,
			targetYear: 2029
		});
		// 310 is 0.3 of the way: half of the 0.6 due by 2027.
		expect(standingOf(plan(), i, value('310'), 'en')).toMatchObject({
			rating: 'at-risk',
			basis: 'computed'
		});
		expect(standingOf(plan(), i, value('310'), 'en').progress).toBeCloseTo(0.3);
		expect(standingOf(plan(), i, value('340'), 'en').rating).toBe('off-track');
		expect(standingOf(plan(), i, value('450'), 'en').rating).toBe('off-track');
		expect(standingOf(plan(), i, value('90'), 'en').rating).toBe('on-track');
	});

	it('is on track once the target is reached, whatever time is left', () => {
		const i = indicator({
			baselineValue: '0',
			targetValue: '5',
			baselineYear: 2024,
			targetYear: 2029
		});
		expect(standingOf(plan(), i, value('5', '2025'), 'en').rating).toBe('on-track');
	});

	it('reads values as the plan language writes numbers, with a unit or a per cent sign', () => {
		expect(numericValue('1,250.5', 'en')).toBe(1250.5);
		expect(numericValue('1 250,5 %', 'fr')).toBe(1250.5);
		expect(numericValue('12 women', 'en', 'women')).toBe(12);
		expect(numericValue('a law adopted', 'en')).toBeNull();
		// Written two ways (a thousand or one and a half): not read as a number.
		expect(numericValue('1.500', 'en')).toBeNull();
	});

	it('leaves a text indicator to the reporter, and says why', () => {
		const i = indicator({ baselineValue: 'No law', targetValue: 'Law adopted' });
		expect(standingOf(plan(), i, value('Bill before parliament', '2027', 'at-risk'), 'en')).toEqual(
			{
				progress: null,
				expected: null,
				rating: 'at-risk',
				basis: 'reporter',
				reason: 'text'
			}
		);
		expect(standingOf(plan(), i, value('Bill before parliament'), 'en')).toMatchObject({
			rating: null,
			basis: 'none'
		});
	});

	it('says what is missing: no value, no baseline, no target, a baseline equal to the target', () => {
		const full = { baselineValue: '1', targetValue: '2' };
		expect(standingOf(plan(), indicator(full), undefined, 'en').reason).toBe('noValue');
		expect(standingOf(plan(), indicator(full), value('  '), 'en').reason).toBe('noValue');
		expect(standingOf(plan(), indicator({ targetValue: '2' }), value('1'), 'en').reason).toBe(
			'noBaseline'
		);
		expect(standingOf(plan(), indicator({ baselineValue: '1' }), value('1'), 'en').reason).toBe(
			'noTarget'
		);
		expect(
			standingOf(plan(), indicator({ baselineValue: '3', targetValue: '3' }), value('3'), 'en')
				.reason
		).toBe('baselineIsTarget');
	});

	it("takes the plan's period for years the indicator does not give, and leaves it to the reporter with neither", () => {
		const i = indicator({ baselineValue: '0', targetValue: '10' });
		// 2025 to 2029, at the end of 2027: half is due.
		expect(standingOf(plan(), i, value('5'), 'en')).toMatchObject({
			expected: 0.5,
			rating: 'on-track'
		});
		const noPeriod = createPlan({ language: 'en' });
		expect(standingOf(noPeriod, i, value('5', '2027', 'on-track'), 'en')).toMatchObject({
			progress: 0.5,
			rating: 'on-track',
			basis: 'reporter',
			reason: 'noYears'
		});
	});

	it('rates by the rule it states', () => {
		expect(rate(0.5, 0.6)).toBe('on-track');
		expect(rate(0.49, 0.6)).toBe('at-risk');
		expect(rate(0.3, 0.6)).toBe('at-risk');
		expect(rate(0.29, 0.6)).toBe('off-track');
		expect(rate(-0.01, 0)).toBe('off-track');
		expect(rate(1, 1)).toBe('on-track');
	});
});

describe('reporting periods', () => {
	it("follow the plan's reporting cycle over its period, annual by default", () => {
		const p = plan(2025, 2027);
		expect(periodsOf(p).map((x) => x.key)).toEqual(['2025', '2026', '2027']);
		p.monitoring.reportingCycle = 'biannual';
		expect(periodsOf(p).map((x) => x.key)).toEqual([
			'2025-H1',
			'2025-H2',
			'2026-H1',
			'2026-H2',
			'2027-H1',
			'2027-H2'
		]);
		expect(cyclePeriods('biennial', 2025, 2029).map((x) => x.key)).toEqual([
			'2025-2026',
			'2027-2028',
			'2029'
		]);
		expect(cyclePeriods('quarterly', 2025, 2025).map((x) => `${x.start}/${x.end}`)).toEqual([
			'2025-01/2025-03',
			'2025-04/2025-06',
			'2025-07/2025-09',
			'2025-10/2025-12'
		]);
		expect(cyclePeriods('end-of-plan', 2025, 2029).map((x) => x.key)).toEqual(['2025-2029']);
		expect(cyclePeriods('annual', null, 2029)).toEqual([]);
	});

	it('keep the periods reported under an earlier cycle, after the present ones', () => {
		const p = plan(2025, 2026);
		p.progress.actions.push({
			...value('1', '2024-Q4'),
			actionId: 'a',
			status: '',
			narrative: '',
			spent: null,
			currency: '',
			reportedBy: '',
			updatedAt: ''
		} as never);
		expect(periodsOf(p).map((x) => x.key)).toEqual(['2025', '2026', '2024-Q4']);
	});

	it('refuse keys that name no period', () => {
		for (const key of ['2027-Q5', '2027-13', '2028-2027', '27', '2027-H3', '2027 '])
			expect(periodOf(key)).toBeUndefined();
		expect(periodOf('2027-03')).toMatchObject({ start: '2027-03', end: '2027-03', endYear: 2027 });
	});
});
