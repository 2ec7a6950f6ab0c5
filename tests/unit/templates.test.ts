// Every file of the template library parses through its schema, in all three languages, with
// French and Spanish written for their readers rather than copied from the English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, RESOLUTIONS } from '../../src/lib/plan/schema.ts';
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
		if (keys.length === 3 && LANGUAGES.every((l) => keys.includes(l)))
			return [[path, value as LocalText]];
		return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
	}
	return [];
}

/** Ids of the library's objectives, actions, indicators and agenda sessions. */
function ids(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(ids);
	if (!value || typeof value !== 'object') return [];
	const item = value as Record<string, unknown>;
	const own =
		typeof item.id === 'string' &&
		('text' in item || 'statement' in item || 'expectedResults' in item || 'facilitation' in item)
			? [item.id]
			: [];
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
			for (const language of LANGUAGES)
				expect(t[language]?.trim(), `${where}.${language}`).toBeTruthy();
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
				expect(t[language].split('[[').length, `${where}.${language}: unbalanced [[`).toBe(
					t[language].split(']]').length
				);
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

describe('coverage of the resolutions by the ministry templates', () => {
	const ministries = all
		.filter((f) => relative(root, f).startsWith('ministries/'))
		.map((f) => JSON.parse(readFileSync(f, 'utf8')));
	const actions = ministries.flatMap((m) =>
		(
			m.objectives as {
				actions: { id: string; text: LocalText; resolutions: string[]; indicators: unknown[] }[];
			}[]
		).flatMap((o) => o.actions)
	);
	const library = all.flatMap((f) => {
		const raw = JSON.parse(readFileSync(f, 'utf8'));
		const objectives = (raw.objectives ?? []) as {
			actions: { id: string; text: LocalText; resolutions: string[] }[];
		}[];
		return [
			...objectives.flatMap((o) => o.actions),
			...(
				(raw.recommendations ?? []) as {
					action: { id: string; text: LocalText; resolutions: string[] };
				}[]
			).map((r) => r.action)
		];
	});

	it.each(RESOLUTIONS)(
		'offers at least 10 actions, each with an indicator, for resolution %s',
		(resolution) => {
			const tagged = actions.filter((a) => a.resolutions.includes(resolution));
			expect(tagged.length).toBeGreaterThanOrEqual(10);
			for (const action of tagged)
				expect(action.indicators.length, action.id).toBeGreaterThanOrEqual(1);
		}
	);

	it('tags resolution 2493 (financing) on every action of the library that funds something', () => {
		// Funding verbs and nouns; “the projects the country funds” sets a condition on funding and funds nothing itself.
		const funds =
			/\b(fund|funding|financ\w*|budget lines?|adequate (human and financial )?(resources|support)|the resources)\b/i;
		const untagged = library
			.filter((a) => funds.test(a.text.en) && !a.resolutions.includes('2493'))
			.map((a) => a.id);
		expect(library.filter((a) => funds.test(a.text.en)).length).toBeGreaterThanOrEqual(20);
		expect(untagged).toEqual([]);
	});

	it('offers actions on violent extremism, with women and women’s organisations taking part', () => {
		const extremism = actions.filter((a) => /violent extremism/i.test(a.text.en));
		expect(extremism.length).toBeGreaterThanOrEqual(5);
		for (const action of extremism) expect(action.resolutions, action.id).toContain('2242');
	});
});
