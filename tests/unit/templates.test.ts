// Every file of the template library parses through its schema, in all three languages, with
// French and Spanish written for their readers rather than copied from the English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/plan/schema.ts';
import { templateFileSchema, type LocalText } from '../../src/lib/templates/schema.ts';

const root = join(import.meta.dirname, '../../templates/library');
const files = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
	});

/** Every trilingual text in a parsed file, with where it sits. */
function texts(value: unknown, path = ''): [string, LocalText][] {
	if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
	if (value && typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length === 3 && LANGUAGES.every((l) => keys.includes(l))) return [[path, value as LocalText]];
		return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
	}
	return [];
}

/** Ids of the library's objectives, actions, indicators and agenda sessions. */
function ids(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(ids);
	if (!value || typeof value !== 'object') return [];
	const item = value as Record<string, unknown>;
	const own = typeof item.id === 'string' && ('text' in item || 'statement' in item || 'expectedResults' in item || 'facilitation' in item) ? [item.id] : [];
	return [...own, ...Object.values(item).flatMap(ids)];
}

const placeholders = (s: string) => [...s.matchAll(/\[\[/g)].length;
const all = files(root);

it('the library has its files', () => {
	expect(all.map((f) => relative(root, f)).sort()).toEqual(
		expect.arrayContaining([
			'frameworks.json',
			'guidance.json',
			'recommendations.json',
			'ministries/defence.json',
			'ministries/foreign-affairs.json',
			'ministries/justice.json',
			'ministries/women-gender.json',
			'ministries/interior-police.json',
			'ministries/parliament.json',
			'regions/santiago-2007.json',
			'regions/addis-ababa-2008.json'
		])
	);
});

describe.each(all.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
	const raw = JSON.parse(readFileSync(file, 'utf8'));
	const parsed = templateFileSchema.safeParse(raw);

	it('matches the template schema', () => {
		expect(parsed.error?.issues.slice(0, 5) ?? []).toEqual([]);
	});

	it('has every text in English, French and Spanish, French and Spanish not copies of the English', () => {
		const found = texts(raw);
		expect(found.length).toBeGreaterThan(0);
		for (const [where, t] of found) {
			for (const language of LANGUAGES) expect(t[language]?.trim(), `${where}.${language}`).toBeTruthy();
			// One-word texts may agree across languages when they are acronyms or symbols (ONU aside).
			if (t.en.trim().split(/\s+/).length > 1 || /[a-z]/.test(t.en)) {
				expect(t.fr, `${where}: French copies the English`).not.toBe(t.en);
				expect(t.es, `${where}: Spanish copies the English`).not.toBe(t.en);
			}
		}
	});

	it('keeps the same country-figure placeholders in each language', () => {
		for (const [where, t] of texts(raw)) {
			for (const language of LANGUAGES) {
				expect(t[language].split('[[').length, `${where}.${language}: unbalanced [[`).toBe(t[language].split(']]').length);
				expect(placeholders(t[language]), `${where}.${language}`).toBe(placeholders(t.en));
			}
		}
	});

	if (raw.kind === 'ministry')
		it('gives at least 4 objectives and 10 actions, each action with an indicator', () => {
			const objectives = raw.objectives as { actions: { indicators: unknown[] }[] }[];
			expect(objectives.length).toBeGreaterThanOrEqual(4);
			const actions = objectives.flatMap((o) => o.actions);
			expect(actions.length).toBeGreaterThanOrEqual(10);
			for (const action of actions) expect(action.indicators.length).toBeGreaterThanOrEqual(1);
		});
});

it('gives every action and indicator an id no other item of the library has', () => {
	const every = all.flatMap((f) => ids(JSON.parse(readFileSync(f, 'utf8'))));
	const repeated = every.filter((id, i) => every.indexOf(id) !== i);
	expect(repeated).toEqual([]);
});
