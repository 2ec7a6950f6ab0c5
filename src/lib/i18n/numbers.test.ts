import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../plan/schema.ts';
import { editableNumber, readNumber } from './numbers.ts';

const amount = { min: 0, max: 1e15 };
const year = { min: 1900, max: 2200, integer: true };
const read = (text: string, language: Language, bounds = amount, currency = '') =>
	readNumber(text, language, bounds, currency);

describe('readNumber', () => {
	it('reads thousands as each language writes them', () => {
		expect(read('450,000', 'en')).toEqual({ status: 'number', value: 450000 });
		expect(read('450 000', 'fr')).toEqual({ status: 'number', value: 450000 });
		expect(read('450\u202f000', 'fr')).toEqual({ status: 'number', value: 450000 });
		expect(read('450\u00a0000', 'fr')).toEqual({ status: 'number', value: 450000 });
		expect(read('450.000', 'es')).toEqual({ status: 'number', value: 450000 });
		expect(read('450 000', 'en')).toEqual({ status: 'number', value: 450000 });
		expect(read('1,234.5', 'en')).toEqual({ status: 'number', value: 1234.5 });
		expect(read('1 234,5', 'fr')).toEqual({ status: 'number', value: 1234.5 });
		expect(read('1.234,5', 'es')).toEqual({ status: 'number', value: 1234.5 });
		expect(read('1234,5', 'es')).toEqual({ status: 'number', value: 1234.5 });
		expect(read('12,345,678.90', 'en')).toEqual({ status: 'number', value: 12345678.9 });
	});

	it('reads decimals after the language’s own mark', () => {
		expect(read('0.5', 'en')).toEqual({ status: 'number', value: 0.5 });
		expect(read('0,5', 'fr')).toEqual({ status: 'number', value: 0.5 });
		expect(read('2,75', 'es')).toEqual({ status: 'number', value: 2.75 });
		expect(read('0.125', 'en')).toEqual({ status: 'number', value: 0.125 });
	});

	it('asks where a text could be two numbers, and never picks one', () => {
		// French does not write thousands with a point: 450.000 is 450 000 in Belgium, 450 elsewhere.
		expect(read('450.000', 'fr')).toEqual({ status: 'ambiguous', readings: [450000, 450] });
		expect(read('1.500', 'en')).toEqual({ status: 'ambiguous', readings: [1.5, 1500] });
		expect(read('1,500', 'es')).toEqual({ status: 'ambiguous', readings: [1.5, 1500] });
		expect(read('12,345', 'fr')).toEqual({ status: 'ambiguous', readings: [12.345, 12345] });
	});

	it('says a text is not a number rather than reading part of it', () => {
		for (const [text, language] of [
			['1,5', 'en'],
			['1.5', 'es'],
			['1.5', 'fr'],
			['45O', 'en'],
			['12abc', 'fr'],
			['1,2,3', 'en'],
			['1.234.5', 'en'],
			[',', 'fr'],
			['5.', 'en'],
			['about 3', 'en']
		] as const)
			expect(read(text, language), `${text} in ${language}`).toEqual({ status: 'invalid' });
	});

	it('keeps empty apart from zero', () => {
		expect(read('  ', 'en')).toEqual({ status: 'empty' });
		expect(read('0', 'fr')).toEqual({ status: 'number', value: 0 });
	});

	it('checks the bounds and whole numbers after reading', () => {
		expect(read('1850', 'en', year)).toEqual({ status: 'outOfRange', value: 1850 });
		expect(read('2008', 'fr', year)).toEqual({ status: 'number', value: 2008 });
		expect(read('2008,5', 'fr', year)).toEqual({ status: 'notWhole', value: 2008.5 });
		expect(read('-5', 'en')).toEqual({ status: 'outOfRange', value: -5 });
		expect(read('2,000,000,000,000,000', 'en')).toEqual({ status: 'outOfRange', value: 2e15 });
	});

	it('takes off the currency’s symbol or code', () => {
		expect(read('US$450,000', 'en', amount, 'USD')).toEqual({ status: 'number', value: 450000 });
		expect(read('450 000 $US', 'fr', amount, 'USD')).toEqual({ status: 'number', value: 450000 });
		expect(read('450.000 US$', 'es', amount, 'USD')).toEqual({ status: 'number', value: 450000 });
		expect(read('EUR 12', 'en', amount, 'EUR')).toEqual({ status: 'number', value: 12 });
		expect(read('US$450,000', 'en', amount, '')).toEqual({ status: 'invalid' });
	});
});

const fractionDigits = fc.integer({ min: 0, max: 2 });
const currencies = fc.constantFrom('USD', 'EUR', 'XOF', 'GBP', 'JPY', 'NGN', 'COP', 'CHF');
const language = fc.constantFrom(...LANGUAGES);
const locale: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };
// Amounts to the cent, up to the schema's bound.
const amounts = fc
	.integer({ min: 0, max: 1e15 * 100 })
	.map((cents) => Math.round(cents) / 100)
	.filter((n) => n <= 1e15);

describe('every amount Intl formats reads back (property)', () => {
	it('as a number in en, fr and es', () => {
		fc.assert(
			fc.property(amounts, language, fractionDigits, (value, lang, digits) => {
				const text = new Intl.NumberFormat(locale[lang], {
					minimumFractionDigits: digits,
					maximumFractionDigits: 2
				}).format(value);
				const reading = read(text, lang);
				expect(reading, text).toEqual({
					status: 'number',
					value: Number(value.toFixed(Math.max(digits, 2)))
				});
			}),
			{ numRuns: 3000 }
		);
	});

	it('as an amount in a currency in en, fr and es', () => {
		fc.assert(
			fc.property(amounts, language, currencies, (value, lang, currency) => {
				const format = new Intl.NumberFormat(locale[lang], { style: 'currency', currency });
				const text = format.format(value);
				// The number Intl wrote (JPY and XOF have no decimals: the text is the rounded amount).
				const shown = Number(value.toFixed(format.resolvedOptions().maximumFractionDigits ?? 2));
				expect(read(text, lang, amount, currency), text).toEqual({
					status: 'number',
					value: shown
				});
			}),
			{ numRuns: 3000 }
		);
	});

	it('the text a field shows for a stored number reads back to it', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), language, (value, lang) => {
				const reading = read(editableNumber(value, lang), lang);
				// Three decimals after a one-to-three-digit number may be thousands: the field asks, and never misreads.
				if (reading.status === 'ambiguous') expect(reading.readings[0]).toBe(value);
				else expect(reading).toEqual({ status: 'number', value });
			}),
			{ numRuns: 3000 }
		);
	});
});
