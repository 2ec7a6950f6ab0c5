import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../plan/schema.ts';
import { editableDate, readDate } from './dates.ts';
import { formatDate } from './format.ts';

const read = (text: string, language: Language) => readDate(text, language);

describe('readDate', () => {
	it('takes a year alone', () => {
		for (const language of LANGUAGES)
			expect(read('2008', language)).toEqual({ status: 'date', value: '2008' });
		expect(read('in 2008', 'en')).toEqual({ status: 'date', value: '2008' });
		expect(read('en 2011', 'fr')).toEqual({ status: 'date', value: '2011' });
	});

	it('takes a month, by name or number', () => {
		expect(read('March 2011', 'en')).toEqual({ status: 'date', value: '2011-03' });
		expect(read('mars 2011', 'fr')).toEqual({ status: 'date', value: '2011-03' });
		expect(read('Février 2011', 'fr')).toEqual({ status: 'date', value: '2011-02' });
		expect(read('fevr. 2011', 'fr')).toEqual({ status: 'date', value: '2011-02' });
		expect(read('marzo de 2011', 'es')).toEqual({ status: 'date', value: '2011-03' });
		expect(read('03/2011', 'en')).toEqual({ status: 'date', value: '2011-03' });
		expect(read('2011-03', 'es')).toEqual({ status: 'date', value: '2011-03' });
	});

	it('takes a day in the language’s order', () => {
		expect(read('12/03/2008', 'en')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('12/03/2008', 'fr')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('12.3.2008', 'es')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('12 March 2008', 'en')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('March 12, 2008', 'en')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('1er mars 2008', 'fr')).toEqual({ status: 'date', value: '2008-03-01' });
		expect(read('12 de marzo de 2008', 'es')).toEqual({ status: 'date', value: '2008-03-12' });
		expect(read('2008-03-12', 'fr')).toEqual({ status: 'date', value: '2008-03-12' });
	});

	it('says so rather than guess', () => {
		for (const [text, language] of [
			['12/03/08', 'en'],
			['31/04/2008', 'fr'],
			['29/02/2009', 'es'],
			['13/13/2008', 'en'],
			['Smarch 2008', 'en'],
			['ju 2008', 'fr'], // juin or juillet
			['soon', 'en'],
			['March', 'en'],
			['12 March 2008 2009', 'en']
		] as const)
			expect(read(text, language), `${text} in ${language}`).toEqual({ status: 'invalid' });
	});

	it('tells a date out of bounds from no date', () => {
		expect(read('01/01/1850', 'en')).toEqual({ status: 'outOfRange' });
		expect(read('1850', 'fr')).toEqual({ status: 'outOfRange' });
		expect(read('2201-01', 'es')).toEqual({ status: 'outOfRange' });
		expect(read('', 'en')).toEqual({ status: 'empty' });
	});
});

describe('dates read back (property)', () => {
	const dates = fc
		.date({
			min: new Date('1900-01-01T00:00:00Z'),
			max: new Date('2200-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.chain((d) =>
			fc.constantFrom(
				d.toISOString().slice(0, 4),
				d.toISOString().slice(0, 7),
				d.toISOString().slice(0, 10)
			)
		);
	it('the text a field shows for a stored date, and its long form, read back to it', () => {
		fc.assert(
			fc.property(dates, fc.constantFrom(...LANGUAGES), (value, language) => {
				expect(read(editableDate(value, language), language)).toEqual({ status: 'date', value });
				expect(read(formatDate(value, language), language)).toEqual({ status: 'date', value });
			}),
			{ numRuns: 2000 }
		);
	});
});
