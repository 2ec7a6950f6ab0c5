// The app's own Word export, imported back with the mapping the app proposes and no correction, gives
// the sample plan's pillars, objectives, actions, indicators, institutions and budgets.
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { buildDocument } from '../export/docx.ts';
import { comparePlans } from '../merge/compare.ts';
import { LANGUAGES, type Plan } from '../plan/schema.ts';
import { walk } from '../plan/walk.ts';
import { buildPlan } from './build.ts';
import { guessMapping } from './guess.ts';
import { readDocx } from './read-docx.ts';

/** The compared fields of each kind: what the results matrix and the pillar chapters carry. */
const COMPARED: Record<string, string[]> = {
	pillar: ['key', 'name', 'parent'],
	objective: ['title', 'parent'],
	action: [
		'description',
		'responsibleId',
		'partnerIds',
		'startYear',
		'endYear',
		'budget.amount',
		'budget.currency',
		'budget.source',
		'budget.secured',
		'parent'
	],
	indicator: [
		'statement',
		'baselineValue',
		'baselineYear',
		'targetValue',
		'targetYear',
		'meansOfVerification',
		'parent'
	],
	institution: ['name', 'acronym']
};

/** The imported plan with the sample's ids, item for item in document order and institutions by name,
 * so that the comparison (which matches items by id) compares each with its original. */
function withIdsOf(imported: Plan, original: Plan): Plan {
	const copy = structuredClone(imported);
	const ids = new Map<string, string>();
	const originals = [...walk(original)];
	[...walk(copy)].forEach((place, i) => {
		const from = originals[i];
		if (!from || from.kind !== place.kind) return;
		const item =
			place.kind === 'pillar'
				? place.pillar
				: place.kind === 'objective'
					? place.objective
					: place.kind === 'action'
						? place.action
						: place.indicator;
		const was =
			from.kind === 'pillar'
				? from.pillar
				: from.kind === 'objective'
					? from.objective
					: from.kind === 'action'
						? from.action
						: from.indicator;
		item.id = was.id;
	});
	for (const institution of copy.institutions) {
		const same = original.institutions.find((i) => i.name === institution.name);
		if (same) {
			ids.set(institution.id, same.id);
			institution.id = same.id;
		}
	}
	for (const { action } of [...walk(copy)].filter((p) => p.kind === 'action')) {
		action.responsibleId = ids.get(action.responsibleId) ?? action.responsibleId;
		action.partnerIds = action.partnerIds.map((id) => ids.get(id) ?? id);
	}
	return copy;
}

describe.each(LANGUAGES)('importing the Word export of the sample plan (%s)', (language) => {
	// Writing and reading a whole Word file takes seconds on a busy machine.
	it(
		'gives back its pillars, objectives, actions, indicators, institutions and budgets, unchanged',
		{ timeout: 60_000 },
		async () => {
			const sample = samplePlan(language);
			const bytes = new Uint8Array(await Packer.toBuffer(buildDocument(sample, { language })));
			const structure = readDocx(bytes);
			// Proposed in another language than the document's: the document's own is recognised.
			const mapping = guessMapping(structure, language === 'en' ? 'fr' : 'en');
			expect(mapping.language).toBe(language);
			const { plan, unread } = buildPlan(structure, mapping, { fileName: `plan-${language}.docx` });
			expect(unread).toEqual([]);
			const differences = comparePlans(sample, withIdsOf(plan, sample)).differences.flatMap(
				(d): object[] =>
					d.kind in COMPARED
						? d.change === 'changed'
							? d.fields
									.filter((f) => COMPARED[d.kind].includes(f.field))
									.map((f) => ({ kind: d.kind, ref: d.ref, ...f }))
							: [{ kind: d.kind, ref: d.ref, change: d.change, label: d.label }]
						: []
			);
			expect(differences).toEqual([]);
			expect(plan.overview.generation).toBe(3);
			expect(plan.context.lessonsLearned).toContain(sample.overview.title);
			expect(plan.context.lessonsLearned).toContain('2027–2031');
			expect(plan.overview.language).toBe(language);
		}
	);
});
