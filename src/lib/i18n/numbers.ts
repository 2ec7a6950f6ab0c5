// Reading a number the way the interface language writes it: "450,000" in English, "450 000" in
// French, "450.000" in Spanish. Pure (no DOM): the number fields and their tests use it.
//
// A text is read only when one reading is certain. Where it could mean two numbers ("450.000" in
// French is 450 000 in Belgium and 450 elsewhere) or is not a number as the language writes it, the
// result says so and nothing is stored: a field never guesses and never drops digits.
import type { Language } from '../plan/schema.ts';

export type NumberReading =
	| { status: 'empty' }
	| { status: 'number'; value: number }
	/** Two readings are plausible: the field asks which. */
	| { status: 'ambiguous'; readings: [number, number] }
	/** Not a number as the language writes it. */
	| { status: 'invalid' }
	/** A number, but with decimals where a whole number is asked for. */
	| { status: 'notWhole'; value: number }
	/** A number outside the field's bounds. */
	| { status: 'outOfRange'; value: number };

export interface NumberBounds {
	min: number;
	max: number;
	/** Only whole numbers (years, counts). */
	integer?: boolean;
}

const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** The decimal mark of the language ("." or ","); the other mark is its thousands separator, and any
 * space (plain, no-break or narrow no-break, as French uses) separates thousands in every language. */
export function decimalMark(language: Language): '.' | ',' {
	return cached(`decimal|${language}`, () => {
		const part = new Intl.NumberFormat(locales[language])
			.formatToParts(1.5)
			.find((p) => p.type === 'decimal');
		return part?.value === ',' ? ',' : '.';
	});
}

/** Whether the language writes thousands with the other mark: French does not (it uses a space), so a
 * "." in a French number is foreign to the language and read only where it cannot mean a decimal. */
function groupsWithMark(language: Language): boolean {
	return cached(`group|${language}`, () => {
		const part = new Intl.NumberFormat(locales[language])
			.formatToParts(1234567)
			.find((p) => p.type === 'group');
		return part?.value === ',' || part?.value === '.';
	});
}

// Intl formatters are slow to build and a field reads on every keystroke.
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
	if (!cache.has(key)) cache.set(key, make());
	return cache.get(key) as T;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const MINUS = /^[-\u2212]/;

/** The currency symbols Intl writes for a code in a language ("US$", "$US", "€", "F CFA"), and the code. */
export function currencyTexts(currency: string, language: Language): string[] {
	return cached(`currency|${language}|${currency}`, () => currencyTextsOf(currency, language));
}
function currencyTextsOf(currency: string, language: Language): string[] {
	const texts = [currency];
	try {
		const parts = new Intl.NumberFormat(locales[language], {
			style: 'currency',
			currency
		}).formatToParts(1);
		const symbol = parts.find((p) => p.type === 'currency')?.value;
		if (symbol) texts.push(symbol);
		const narrow = new Intl.NumberFormat(locales[language], {
			style: 'currency',
			currency,
			currencyDisplay: 'narrowSymbol'
		})
			.formatToParts(1)
			.find((p) => p.type === 'currency')?.value;
		if (narrow) texts.push(narrow);
	} catch {
		// Not a currency code Intl knows: only the code itself is taken off.
	}
	return texts.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** The number of an integer part written with thousands separators, or null if the groups are not
 * whole thousands ("1,5" is not 15; "01,000" is not a grouping either). */
function grouped(integer: string, separators: RegExp): string | null {
	const groups = integer.split(separators);
	if (groups.length === 1) return /^\d*$/.test(integer) ? integer : null;
	const [first, ...rest] = groups;
	if (!/^[1-9]\d{0,2}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return null;
	return groups.join('');
}

/** The reading of a text whose decimal mark is `decimal` and whose thousands are separated by spaces
 * and, where `group` is given, by that mark. Null when the text is not written that way. */
function readAs(text: string, decimal: '.' | ',', group: '.' | ',' | null): number | null {
	const marks = text.split(decimal);
	if (marks.length > 2) return null;
	const [integer, fraction = null] = marks;
	if (fraction !== null && !/^\d+$/.test(fraction)) return null;
	const separators = group ? new RegExp(`[ ${group === '.' ? '\\.' : ','}]`) : / /;
	const digits = grouped(integer, separators);
	if (digits === null || (digits === '' && fraction === null)) return null;
	return Number(`${digits || '0'}${fraction === null ? '' : `.${fraction}`}`);
}

/** Reads a number typed in a language; `currency` also takes off that currency's symbol or code. */
export function readNumber(
	typed: string,
	language: Language,
	bounds: NumberBounds,
	currency = ''
): NumberReading {
	let text = typed.replace(SPACES, ' ').trim();
	if (currency) {
		for (const symbol of currencyTexts(currency, language)) {
			const s = symbol.replace(SPACES, ' ');
			if (text.startsWith(s)) text = text.slice(s.length).trim();
			else if (text.endsWith(s)) text = text.slice(0, -s.length).trim();
			else if (/^[-\u2212]/.test(text) && text.slice(1).trimStart().startsWith(s))
				text = `-${text.slice(1).trimStart().slice(s.length).trim()}`;
		}
	}
	if (text === '') return { status: 'empty' };
	const negative = MINUS.test(text);
	if (negative) text = text.slice(1).trim();
	if (!/^[\d., ]+$/.test(text) || !/\d/.test(text)) return { status: 'invalid' };

	const own = decimalMark(language);
	const other = own === '.' ? ',' : '.';
	const ownGroup = groupsWithMark(language) ? other : null;
	const primary = readAs(text, own, ownGroup);
	// The other convention: decimals after the other mark, thousands with this language's mark.
	const foreign = readAs(text, other, own);
	// Read as thousands with the other mark although the language does not write them so (French "450.000").
	const foreignGroups = ownGroup ? null : readAs(text, own, other);

	let value: number | null = null;
	if (primary !== null) {
		// "1.500" in English, "1,500" in French or Spanish: a decimal mark followed by exactly three digits
		// is also how the other convention writes thousands. An amount with three decimals is rare; a
		// thousand misread as one is costly, so the field asks.
		const fraction = text.split(own)[1];
		const couldBeThousands =
			fraction !== undefined &&
			/^\d{3}$/.test(fraction) &&
			!text.includes(other) &&
			!text.includes(' ');
		if (couldBeThousands && foreign !== null && foreign !== primary)
			return { status: 'ambiguous', readings: sign([primary, foreign], negative) };
		value = primary;
	} else if (foreignGroups !== null) {
		// Only French gets here: a "." with whole thousands after it, and no decimal comma before it.
		const asDecimal = readAs(text, other, null);
		if (asDecimal !== null && asDecimal !== foreignGroups)
			return { status: 'ambiguous', readings: sign([foreignGroups, asDecimal], negative) };
		value = foreignGroups;
	}
	if (value === null) return { status: 'invalid' };
	if (negative) value = -value;
	if (bounds.integer && !Number.isInteger(value)) return { status: 'notWhole', value };
	if (value < bounds.min || value > bounds.max) return { status: 'outOfRange', value };
	return { status: 'number', value: value === 0 ? 0 : value };
}

function sign(readings: [number, number], negative: boolean): [number, number] {
	return negative ? [-readings[0], -readings[1]] : readings;
}

/** A stored number as the field shows it for editing: the language's decimal mark, no thousands
 * separators (so that the text reads back to exactly the same number). */
export function editableNumber(value: number | null, language: Language): string {
	if (value === null) return '';
	return positional(value).replace('.', decimalMark(language));
}

/** The shortest text that reads back to the number, without an exponent ("1e-7" is "0.0000001"). */
function positional(value: number): string {
	const plain = String(value);
	const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(plain);
	if (!match) return plain;
	const [, minus, lead, rest = '', exp] = match;
	const digits = lead + rest;
	const point = 1 + Number(exp);
	if (point <= 0) return `${minus}0.${'0'.repeat(-point)}${digits}`;
	return `${minus}${digits.padEnd(point, '0')}${digits.length > point ? `.${digits.slice(point)}` : ''}`;
}
