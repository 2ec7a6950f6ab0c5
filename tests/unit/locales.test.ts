// The three interface languages carry the same keys, no empty value, and the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/plan/schema.ts';

const dir = join(import.meta.dirname, '../../locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): [string, unknown][] {
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
	return [[prefix, value]];
}

function load(language: string): Map<string, unknown> {
	const entries = readdirSync(join(dir, language))
		.filter((f) => f.endsWith('.json'))
		.flatMap((f) => flatten(JSON.parse(readFileSync(join(dir, language, f), 'utf8')), f.replace('.json', '')));
	return new Map(entries);
}

const english = load('en');
/** Plural forms differ by language (French and Spanish add _many): compare the base keys. */
const baseKeys = (strings: Map<string, unknown>) => new Set([...strings.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES)('locale %s', (language) => {
	const strings = load(language);

	it('has every key English has, and no other', () => {
		expect([...baseKeys(strings)].sort()).toEqual([...baseKeys(english)].sort());
	});

	it('has the plural forms the language needs', () => {
		const rules = new Intl.PluralRules(language);
		const needed = rules.resolvedOptions().pluralCategories;
		for (const key of english.keys()) {
			if (!key.endsWith('_other')) continue;
			const base = key.slice(0, -'_other'.length);
			for (const form of needed.filter((f) => f === 'one' || f === 'many' || f === 'other'))
				expect(strings.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
		}
	});

	it('has no empty value', () => {
		for (const [key, value] of strings) {
			expect(typeof value, key).toBe('string');
			expect((value as string).trim(), key).not.toBe('');
		}
	});

	it('keeps every placeholder of the English text', () => {
		for (const [key, value] of strings) {
			const source = english.get(key) ?? english.get(key.replace(/_many$/, '_other'));
			expect(placeholders(value as string), key).toEqual(placeholders(source as string));
		}
	});
});

describe('translations', () => {
	it.each(['fr', 'es'])('%s is translated, not copied from English', (language) => {
		const strings = load(language);
		// Single words may be the same (Budget, Actions, National); a phrase of three words or more may not.
		const words = (text: string) => text.replace(/{{\w+}}/g, '').trim().split(/\s+/).filter(Boolean).length;
		const copied = [...english].filter(([key, text]) => strings.get(key) === text && words(text as string) >= 3);
		expect(copied.map(([key]) => key)).toEqual([]);
	});
});
