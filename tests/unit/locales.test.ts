// The three interface languages carry the same keys, no empty value, and the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/plan/schema.ts';
import { localeUnits, sampleUnits, templateUnits } from './texts.ts';

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
		.flatMap((f) =>
			flatten(JSON.parse(readFileSync(join(dir, language, f), 'utf8')), f.replace('.json', ''))
		);
	return new Map(entries);
}

const english = load('en');
/** Plural forms differ by language (French and Spanish add _many): compare the base keys. */
const baseKeys = (strings: Map<string, unknown>) =>
	new Set([...strings.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) =>
	[...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

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
		const words = (text: string) =>
			text
				.replace(/{{\w+}}/g, '')
				.trim()
				.split(/\s+/)
				.filter(Boolean).length;
		const copied = [...english].filter(
			([key, text]) => strings.get(key) === text && words(text as string) >= 3
		);
		expect(copied.map(([key]) => key)).toEqual([]);
	});
});

// Typography, in the interface strings, the template library and the sample plans: French uses the
// typographic apostrophe and a no-break space before : ; ? ! and inside « »; Spanish quotes with « ».
// Composed texts count: a string with {{placeholders}} is checked as the reader meets it, with each
// placeholder filled in.
describe('typography', () => {
	const sources = [
		['interface strings', localeUnits],
		['template library', templateUnits],
		['sample plans', sampleUnits]
	] as const;
	/** What the reader sees: each placeholder replaced by a word, so “{{ref}}: …” reads as “1.1.1: …”. */
	const composed = (text: string) => text.replace(/{{[^}]*}}/g, 'X');
	const NBSP = '[\\u00a0\\u202f]';
	const frenchFaults = (text: string): string[] => {
		const t = composed(text);
		return [
			...[...t.matchAll(/'/g)].map(() => 'straight apostrophe (’)'),
			...[...t.matchAll(new RegExp(`(?<!${NBSP})[:;?!](?=\\s|$|»)`, 'g'))]
				.filter((m) => !/\d:\d/.test(t.slice(m.index - 1, m.index + 2)))
				.map(
					(m) =>
						`no no-break space before “${m[0]}” in “…${t.slice(Math.max(0, m.index - 25), m.index + 1)}”`
				),
			...[...t.matchAll(new RegExp(`«(?!${NBSP})|(?<!${NBSP})»`, 'g'))].map(
				(m) =>
					`no no-break space inside « » at “${t.slice(Math.max(0, m.index - 15), m.index + 15)}”`
			),
			...[...t.matchAll(/[“”"]/g)].map(() => 'English quotation marks (« »)')
		];
	};
	const spanishFaults = (text: string): string[] =>
		[...composed(text).matchAll(/[“”"]/g)].map(() => 'quotation marks other than « »');

	it.each(sources)(
		'French %s use ’, and a no-break space before : ; ? ! and inside « »',
		(_name, units) => {
			const faults = units().flatMap((u) =>
				u.text.fr ? frenchFaults(u.text.fr).map((f) => `${u.where.fr}: ${f}`) : []
			);
			expect(faults).toEqual([]);
		}
	);

	it.each(sources)('Spanish %s quote with « »', (_name, units) => {
		const faults = units().flatMap((u) =>
			u.text.es ? spanishFaults(u.text.es).map((f) => `${u.where.es}: ${f}`) : []
		);
		expect(faults).toEqual([]);
	});

	it('finds the faults it looks for', () => {
		expect(frenchFaults("Relire: l'action")).toHaveLength(2);
		expect(frenchFaults('Action {{ref}}: {{title}}')).toHaveLength(1);
		expect(frenchFaults('« Titre »')).toHaveLength(2);
		expect(frenchFaults('Relire\u00a0: l’action « X\u00a0», à 10:30')).toHaveLength(1);
		expect(frenchFaults('Relire\u00a0: l’action «\u00a0X\u00a0», à 10:30')).toEqual([]);
		expect(spanishFaults('El plan “X”')).toHaveLength(2);
		expect(spanishFaults('El plan «X»')).toEqual([]);
	});

	it('joins a label and a name in French with a no-break space before the colon', () => {
		expect(load('fr').get('export.colon')).toMatch(/^[\u00a0\u202f]: $/);
	});
});
