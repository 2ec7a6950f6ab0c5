import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { actionsOf, addItem, blank } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { guessInstitution, matchInstitution, missingInstitutions } from './sender.ts';

const copyOf = (plan: Plan): Plan => structuredClone(plan);

describe('where a file comes from', () => {
	it('guesses the institution responsible for the actions the file adds', () => {
		const master = samplePlan();
		const file = copyOf(master);
		for (const text of ['Train peacekeepers', 'Women in contingents'])
			Object.assign(addItem(file.pillars[0].objectives[0].actions, blank.action()), {
				description: text,
				responsibleId: 'inst-defence'
			});
		// Editing another institution's action says nothing about who sends the file.
		for (const { action } of [...actionsOf(file)].filter((a) => a.pillar === file.pillars[2]))
			Object.assign(action, { description: 'Edited', responsibleId: 'inst-justice' });
		expect(guessInstitution(master, file)).toEqual({
			institutionId: 'inst-defence',
			missing: null
		});
	});

	it('falls back on the file’s lead institution, matched by name when its id differs', () => {
		const master = samplePlan();
		const file = copyOf(master);
		const justice = addItem(file.institutions, blank.institution());
		justice.name = ' ministry of  JUSTICE ';
		file.overview.leadInstitutionId = justice.id;
		expect(guessInstitution(master, file)).toEqual({
			institutionId: 'inst-justice',
			missing: null
		});
		expect(matchInstitution(master, justice)).toBe('inst-justice');
	});

	it('offers the file’s institution when the master lacks it', () => {
		const master = samplePlan();
		const file = copyOf(master);
		const health = addItem(file.institutions, blank.institution());
		health.name = 'Ministry of Health';
		file.overview.leadInstitutionId = health.id;
		expect(guessInstitution(master, file)).toEqual({ institutionId: '', missing: health });
		expect(missingInstitutions(master, file)).toEqual([health]);
	});
});
