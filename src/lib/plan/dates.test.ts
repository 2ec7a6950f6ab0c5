import { describe, expect, it } from 'vitest';
import { dateBefore, datePrecision, dateYear, isPlanDate, planDate } from './dates.ts';

describe('plan dates', () => {
	it('take a year, a month or a day', () => {
		expect(datePrecision('2008')).toBe('year');
		expect(datePrecision('2011-05')).toBe('month');
		expect(datePrecision('2008-03-12')).toBe('day');
		expect(isPlanDate('')).toBe(true);
	});

	it('refuse days that do not exist and years out of bounds', () => {
		for (const text of [
			'1850',
			'1899-12-31',
			'2201',
			'2008-13',
			'2008-00',
			'2009-02-29',
			'2008-04-31',
			'08',
			'2008-3',
			'March 2008'
		])
			expect(isPlanDate(text), text).toBe(false);
		expect(isPlanDate('2008-02-29')).toBe(true);
		expect(isPlanDate('1900-01-01')).toBe(true);
		expect(isPlanDate('2200-12-31')).toBe(true);
	});

	it('are built from parts', () => {
		expect(planDate(2008)).toBe('2008');
		expect(planDate(2008, 3)).toBe('2008-03');
		expect(planDate(2008, 3, 12)).toBe('2008-03-12');
		expect(planDate(2008, 2, 30)).toBe('');
		expect(planDate(1850)).toBe('');
	});

	it('compare at the precision both have', () => {
		expect(dateBefore('2010', '2011-05')).toBe(true);
		expect(dateBefore('2011', '2011-05')).toBe(false);
		expect(dateBefore('2011-05', '2011')).toBe(false);
		expect(dateBefore('2011-04-30', '2011-05')).toBe(true);
		expect(dateBefore('', '2011')).toBe(false);
		expect(dateYear('2011-05')).toBe(2011);
		expect(dateYear('')).toBe(null);
	});
});
