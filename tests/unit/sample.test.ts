// The sample plan ships in three languages: each is a valid draft file, complete in every step,
// and the three are the same plan (same ids and figures), only the words differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeness, gaps, STEPS } from '../../src/lib/plan/completeness.ts';
import { readDraftFile } from '../../src/lib/plan/file.ts';
import { LANGUAGES, type Plan } from '../../src/lib/plan/schema.ts';

const read = (language: string): Plan => {
	const result = readDraftFile(
		readFileSync(join(import.meta.dirname, `../../templates/sample/${language}.nap.json`), 'utf8')
	);
	if (!result.ok) throw new Error(`${language}: ${JSON.stringify(result.error)}`);
	return result.plan;
};

const CODES = new Set([
	'id',
	'format',
	'createdAt',
	'updatedAt',
	'date',
	'adoptionDate',
	'midTermReview',
	'finalEvaluation',
	'key',
	'kind',
	'level',
	'status',
	'strategy',
	'frequency',
	'meetingFrequency',
	'reportingCycle',
	'sector',
	'region',
	'framework',
	'currency'
]);

/** Everything but the words: ids, numbers, years, dates, choices. */
function skeleton(value: unknown, key = '', parent = ''): unknown {
	if (Array.isArray(value)) return value.map((v) => skeleton(v, key, parent));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skeleton(v, k, key)]));
	const isCode = CODES.has(key) || /Ids?$/.test(key) || (key === 'source' && parent === 'budget');
	return typeof value === 'string' && !isCode ? 'text' : value;
}

describe.each(LANGUAGES)('sample plan (%s)', (language) => {
	const plan = read(language);

	it('is complete in every step', () => {
		expect(gaps(plan)).toEqual([]);
		for (const step of STEPS) expect(completeness(plan)[step].ratio, step).toBe(1);
	});

	it('is written in its language', () => {
		expect(plan.overview.documentLanguages).toEqual([language]);
	});

	it('is the same plan as the English one', () => {
		expect(skeleton(plan)).toEqual(
			skeleton({
				...read('en'),
				overview: { ...read('en').overview, documentLanguages: [language] }
			})
		);
	});
});

it('French and Spanish samples are translations, not copies', () => {
	const en = read('en');
	for (const language of ['fr', 'es']) {
		const plan = read(language);
		expect(plan.overview.title).not.toBe(en.overview.title);
		expect(plan.context.situationAnalysis).not.toBe(en.context.situationAnalysis);
		expect(plan.pillars[0].objectives[0].actions[0].description).not.toBe(
			en.pillars[0].objectives[0].actions[0].description
		);
	}
});
