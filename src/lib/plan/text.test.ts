import { describe, expect, it } from 'vitest';
import { excerpt } from './text.ts';

describe('excerpt', () => {
	it('keeps a short first line whole', () => {
		expect(excerpt('  Mass Action for Peace \nsecond line', 40)).toBe('Mass Action for Peace');
	});

	it('cuts between words, never inside one', () => {
		expect(excerpt('Support the Mass Action for Peace network in every province', 25)).toBe(
			'Support the Mass Action…'
		);
		expect(excerpt('Train judges, prosecutors and police officers', 20)).toBe('Train judges…');
		for (const max of [10, 17, 23, 31, 44]) {
			const text = 'Enforce the Rape Amendment Act through specialised courts and trained police';
			const shown = excerpt(text, max);
			expect(shown.length).toBeLessThanOrEqual(max);
			const kept = shown.slice(0, -1);
			expect(text.startsWith(kept)).toBe(true);
			expect(text[kept.length]).toMatch(/[\s,]/);
		}
	});

	it('cuts a single word only when it alone is longer than half the room', () => {
		expect(excerpt('https://example.org/a-very-long-address-without-spaces', 20)).toBe(
			'https://example.org…'
		);
	});
});
