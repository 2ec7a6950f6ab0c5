// The interface's translator gives every text of every language as i18next gives it (the Word export
// keeps i18next): each key, each plural form, each value, a missing key and a missing value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../plan/constants.ts';
import { Texts, type TextTree } from './texts.ts';
import enFirst from './bundles/en-first.ts';
import esFirst from './bundles/es-first.ts';
import frFirst from './bundles/fr-first.ts';

const dir = join(import.meta.dirname, '../../../locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function resources(language: string): TextTree {
	return Object.fromEntries(
		readdirSync(join(dir, language))
			.filter((f) => f.endsWith('.json'))
			.map((f) => [
				f.replace('.json', ''),
				JSON.parse(readFileSync(join(dir, language, f), 'utf8'))
			])
	);
}

function leaves(value: unknown, prefix = ''): [string, string][] {
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
	return [[prefix, String(value)]];
}

describe.each(LANGUAGES)('texts in %s', (language) => {
	const tree = resources(language);
	const texts = new Texts();
	texts.add(language, tree);
	const i18n = i18next.createInstance();
	void i18n.init({
		lng: language,
		fallbackLng: false,
		resources: { [language]: { translation: tree } },
		interpolation: { escapeValue: false }
	});

	it('reads every key as i18next does, with its values and plural forms', () => {
		const all = leaves(tree);
		expect(all.length).toBeGreaterThan(500);
		for (const key of new Set(all.map(([k]) => k.replace(PLURAL, '')))) {
			const names = new Set(
				all
					.filter(([k]) => k === key || k.replace(PLURAL, '') === key)
					.flatMap(([, text]) => [...text.matchAll(/{{(.+?)}}/g)].map((m) => m[1].trim()))
			);
			const values: Record<string, string | number> = Object.fromEntries(
				[...names].map((name) => [name, `‹${name} {{x}}›`])
			);
			for (const count of [undefined, 0, 1, 2, 1.5, 1_000_000]) {
				const given: Record<string, string | number> =
					count === undefined ? values : { ...values, count };
				expect(texts.translate(language, key, given), key).toBe(i18n.t(key, given));
			}
			expect(texts.translate(language, key), key).toBe(i18n.t(key));
		}
	});

	it('gives back a key it has no text for, and leaves a value not given as it is', () => {
		for (const key of ['home.nothing', 'nothing', 'home']) {
			expect(texts.translate(language, key)).toBe(key);
		}
		const withValue = leaves(tree).find(([, text]) => /{{\w+}}/.test(text))!;
		const key = withValue[0].replace(PLURAL, '');
		expect(texts.translate(language, key, {})).toBe(i18n.t(key, {}));
		expect(texts.translate(language, key, {})).toContain('{{');
	});
});

it('keeps a text added later beside the ones there, and replaces one of the same key', () => {
	const texts = new Texts();
	texts.add('fr', { home: { a: 'un', b: 'deux' } });
	texts.add('fr', { home: { b: 'trois' }, start: { c: 'quatre' } });
	expect(['home.a', 'home.b', 'start.c'].map((k) => texts.translate('fr', k))).toEqual([
		'un',
		'trois',
		'quatre'
	]);
	expect(texts.translate('en', 'home.a')).toBe('home.a');
});

it('loads the same areas first in every language', () => {
	const areas = (files: Record<string, unknown>) =>
		Object.keys(files).map((path) => path.slice(path.lastIndexOf('/') + 1));
	expect(areas(frFirst)).toEqual(areas(enFirst));
	expect(areas(esFirst)).toEqual(areas(enFirst));
	expect(areas(enFirst).length).toBeGreaterThan(3);
});
