// A date in the plan is as precise as the drafters know it: a year ("2008"), a month ("2008-03") or a
// day ("2008-03-12"), each the start of an ISO 8601 date, so that plain text order is time order
// within one precision. '' means not known yet.

export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2200-12-31';

export type DatePrecision = 'year' | 'month' | 'day';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a plan date, or null when the text is not one (a calendar day that does not exist, a year out of bounds). */
export function datePrecision(value: string): DatePrecision | null {
	const match = PATTERN.exec(value);
	if (!match) return null;
	const [, y, m, d] = match;
	const year = Number(y);
	if (year < 1900 || year > 2200) return null;
	if (m === undefined) return 'year';
	const month = Number(m);
	if (month < 1 || month > 12) return null;
	if (d === undefined) return 'month';
	const day = Number(d);
	const date = new Date(Date.UTC(year, month - 1, day));
	return day >= 1 && date.getUTCMonth() === month - 1 ? 'day' : null;
}

export function isPlanDate(value: string): boolean {
	return value === '' || datePrecision(value) !== null;
}

/** The plan date made of a year, month and day (month and day optional); '' when there is no such date. */
export function planDate(year: number, month?: number, day?: number): string {
	const text = [
		String(year).padStart(4, '0'),
		month === undefined ? '' : String(month).padStart(2, '0'),
		day === undefined || month === undefined ? '' : String(day).padStart(2, '0')
	]
		.filter(Boolean)
		.join('-');
	return datePrecision(text) ? text : '';
}

/** Whether `a` is certainly before `b`: compared at the precision both have ("2011" is not before "2011-05"). */
export function dateBefore(a: string, b: string): boolean {
	if (!a || !b) return false;
	const length = Math.min(a.length, b.length);
	return a.slice(0, length) < b.slice(0, length);
}

/** The year of a plan date, or null. */
export function dateYear(value: string): number | null {
	return datePrecision(value) ? Number(value.slice(0, 4)) : null;
}
