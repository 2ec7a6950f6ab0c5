// Reading a date typed in the interface language: a year ("2008"), a month ("March 2008", "03/2008",
// "mars 2008", "marzo de 2008") or a day ("12/03/2008", "12 March 2008"), day and month in the order
// the language writes them (Intl's, day first in en-GB, fr and es). ISO forms ("2008-03-12") are read
// in every language. Pure (no DOM): the date fields and their tests use it.
import type { Language } from '../plan/schema.ts';
import { datePrecision, MAX_DATE, MIN_DATE, planDate } from '../plan/dates.ts';

export type DateReading =
	| { status: 'empty' }
	| { status: 'date'; value: string }
	/** Not a date as the language writes it (a two-digit year, a 31 April, a word that is no month). */
	| { status: 'invalid' }
	/** A date before 1900 or after 2200. */
	| { status: 'outOfRange' };

const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** Words that may surround a date: "in 2008", "the 1st of March", "en mars 2008", "12 de marzo de 2008". */
const FILLERS: Record<Language, string[]> = {
	en: ['in', 'of', 'the', 'on'],
	fr: ['en', 'le', 'er', 'au', 'mois', 'de', 'd'],
	es: ['de', 'del', 'en', 'el']
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const monthCache = new Map<Language, string[][]>();
/** Each month's names in the language, folded: long and short ("march", "mar"; "fevrier", "fevr"). */
function monthNames(language: Language): string[][] {
	let names = monthCache.get(language);
	if (!names) {
		const long = new Intl.DateTimeFormat(locales[language], { month: 'long', timeZone: 'UTC' });
		const short = new Intl.DateTimeFormat(locales[language], { month: 'short', timeZone: 'UTC' });
		names = Array.from({ length: 12 }, (_, m) => {
			const date = new Date(Date.UTC(2000, m, 1));
			return [fold(long.format(date)), fold(short.format(date)).replace(/\.$/, '')];
		});
		monthCache.set(language, names);
	}
	return names;
}

/** The month (1–12) a word names, also by a prefix of three letters or more that only one month has. */
function monthOf(word: string, language: Language): number | null {
	const names = monthNames(language);
	const exact = names.findIndex((forms) => forms.includes(word));
	if (exact >= 0) return exact + 1;
	if (word.length < 3) return null;
	const matches = names.flatMap((forms, m) => (forms[0].startsWith(word) ? [m + 1] : []));
	return matches.length === 1 ? matches[0] : null;
}

const orderCache = new Map<Language, ('day' | 'month')[]>();
/** Whether the language writes the day or the month first in a numeric date. */
function dayMonthOrder(language: Language): ('day' | 'month')[] {
	let order = orderCache.get(language);
	if (!order) {
		order = new Intl.DateTimeFormat(locales[language], {
			day: '2-digit',
			month: '2-digit',
			year: 'numeric'
		})
			.formatToParts(new Date(Date.UTC(2008, 2, 12)))
			.flatMap((p) => (p.type === 'day' || p.type === 'month' ? [p.type] : []));
		orderCache.set(language, order);
	}
	return order;
}

export function readDate(typed: string, language: Language): DateReading {
	const text = fold(typed).trim();
	if (text === '') return { status: 'empty' };
	const tokens = text.split(/[\s/.,\-–'’]+/).filter(Boolean);
	const numbers: string[] = [];
	let month: number | null = null;
	for (const token of tokens) {
		// "1st", "2nd", "12th", "1er": a day with its ordinal ending.
		const ordinal = /^(\d{1,2})(st|nd|rd|th|er|o|º)$/.exec(token);
		if (/^\d+$/.test(token) || ordinal) {
			numbers.push(ordinal ? ordinal[1] : token);
			continue;
		}
		if (FILLERS[language].includes(token)) continue;
		const m = monthOf(token, language);
		if (m === null || month !== null) return { status: 'invalid' };
		month = m;
	}
	const isYear = (n: string) => /^\d{4}$/.test(n);
	let value: string;
	if (month !== null) {
		const years = numbers.filter(isYear);
		const days = numbers.filter((n) => !isYear(n));
		if (years.length !== 1 || days.length > 1 || (days[0] !== undefined && days[0].length > 2))
			return { status: 'invalid' };
		value = planDateOrRange(
			Number(years[0]),
			month,
			days[0] === undefined ? undefined : Number(days[0])
		);
	} else if (numbers.length === 1) {
		if (!isYear(numbers[0])) return { status: 'invalid' };
		value = planDateOrRange(Number(numbers[0]));
	} else if (numbers.length === 2) {
		// "2008-03" (ISO) or "03/2008".
		const [a, b] = numbers;
		if (isYear(a) && b.length <= 2) value = planDateOrRange(Number(a), Number(b));
		else if (isYear(b) && a.length <= 2) value = planDateOrRange(Number(b), Number(a));
		else return { status: 'invalid' };
	} else if (numbers.length === 3) {
		const [a, b, c] = numbers;
		if (isYear(a) && b.length <= 2 && c.length <= 2)
			value = planDateOrRange(Number(a), Number(b), Number(c));
		else if (isYear(c) && a.length <= 2 && b.length <= 2) {
			const [first] = dayMonthOrder(language);
			const [day, m] = first === 'day' ? [a, b] : [b, a];
			value = planDateOrRange(Number(c), Number(m), Number(day));
		} else return { status: 'invalid' };
	} else return { status: 'invalid' };
	if (value === 'out') return { status: 'outOfRange' };
	return value ? { status: 'date', value } : { status: 'invalid' };
}

/** A plan date from its parts, 'out' for a real date outside 1900–2200, '' for no such date. */
function planDateOrRange(year: number, month?: number, day?: number): string {
	const date = planDate(year, month, day);
	if (date) return date;
	// The same day, month or year in 2000 exists: only the year is out of bounds.
	const inBounds = planDate(
		year < 1900 || year > 2200 ? (year % 4 === 0 ? 2000 : 2001) : year,
		month,
		day
	);
	return inBounds && (year < 1900 || year > 2200) ? 'out' : '';
}

/** A stored plan date as the field shows it for editing, in the language's order; reads back to the same date. */
export function editableDate(value: string, language: Language): string {
	const precision = datePrecision(value);
	if (!precision) return value;
	if (precision === 'year') return value;
	const [y, m, d] = value.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d ?? 1));
	if (precision === 'month')
		return new Intl.DateTimeFormat(locales[language], {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(date);
	return new Intl.DateTimeFormat(locales[language], {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}

export const DATE_BOUNDS = { min: MIN_DATE, max: MAX_DATE };
