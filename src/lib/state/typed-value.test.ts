// A field's text against its stored value, as DateField and NumberField use it: what is typed stays as
// typed, only a text that certainly means a value is stored, and a value from elsewhere replaces the text.
import { describe, expect, it } from 'vitest';
import { editableNumber, readNumber } from '../i18n/numbers.ts';
import type { Language } from '../plan/schema.ts';
import { TypedValue } from './typed-value.svelte.ts';

/** An amount field: whole numbers up to a billion, as NumberField reads them. */
function amountField(initial: number | null, language: Language = 'en') {
	const stored: (number | null)[] = [];
	let value = initial;
	const read = (text: string, lang: Language) =>
		readNumber(text, lang, { min: 0, max: 1e9, integer: true });
	const field = new TypedValue(initial, language, {
		format: editableNumber,
		read: (text, lang) => {
			const result = read(text, lang);
			return result.status === 'number'
				? { value: result.value }
				: result.status === 'empty'
					? { value: null }
					: undefined;
		},
		explain: (text, lang) =>
			read(text, lang).status === 'number' || read(text, lang).status === 'empty'
				? ''
				: `cannot read ${text}`,
		store: (next) => {
			value = next;
			stored.push(next);
		}
	});
	return { field, stored, value: () => value };
}

describe('TypedValue', () => {
	it('shows the stored value as the language writes it for editing', () => {
		expect(amountField(1234.5, 'fr').field.text).toBe('1234,5');
		expect(amountField(null).field.text).toBe('');
	});

	it('stores what a text certainly means, at once, and an emptied field as none', () => {
		const { field, stored } = amountField(450);
		field.input('450,000', 'en');
		field.input('', 'en');
		expect(stored).toEqual([450_000, null]);
		expect(field.text).toBe('');
	});

	it('keeps a text that means no value as typed, stores nothing, and says why only when the user leaves the field', () => {
		const { field, stored, value } = amountField(450_000);
		field.input('1,234.5', 'en');
		expect(field.text).toBe('1,234.5');
		expect(field.problem).toBe('');
		field.leave('en');
		expect(field.problem).toBe('cannot read 1,234.5');
		expect(stored).toEqual([]);
		expect(value()).toBe(450_000);
		// A language change does not rewrite what the user is correcting.
		field.sync(450_000, 'fr');
		expect(field.text).toBe('1,234.5');
		// Typing a good text clears the message.
		field.input('1,234', 'en');
		expect(field.problem).toBe('');
		expect(stored).toEqual([1234]);
	});

	it('takes a value from elsewhere (a restore, another tab) over the text, and rewrites it in a new language', () => {
		const { field } = amountField(1.5);
		field.input('abc', 'en');
		field.leave('en');
		field.sync(2.5, 'en');
		expect(field.text).toBe('2.5');
		expect(field.problem).toBe('');
		field.sync(2.5, 'fr');
		expect(field.text).toBe('2,5');
		// Its own stored value coming back is not from elsewhere: the text stays as typed.
		field.input('3,0', 'fr');
		field.sync(3, 'fr');
		expect(field.text).toBe('3,0');
	});
});
