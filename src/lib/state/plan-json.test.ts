// The autosave compares and stores the plan through planJson: it must write exactly what
// JSON.stringify writes, or a draft would be stored differently from the file it came from.
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { addItem, blank } from '../plan/operations.ts';
import { planJson, planPlain } from './plan-json.svelte.ts';

describe('planJson', () => {
	it('writes the sample plan as JSON.stringify does, in each language', () => {
		for (const language of ['en', 'fr', 'es'] as const) {
			const plan = samplePlan(language);
			expect(planJson(plan)).toBe(JSON.stringify(plan));
		}
	});

	it('follows edits: changed text, added and removed items, quotes and line breaks', () => {
		const plan = samplePlan('en');
		planJson(plan);
		const objective = plan.pillars[0].objectives[0];
		objective.actions[0].description =
			'He said "train 40 mediators"\nthen report\u2028to parliament';
		addItem(objective.actions, { ...blank.action(), description: 'A new action' });
		plan.institutions.splice(0, 1);
		expect(planJson(plan)).toBe(JSON.stringify(plan));
	});

	it('leaves out undefined properties and writes null in arrays, as JSON.stringify does', () => {
		const value = { a: undefined, b: [1, undefined, null, 'x'], c: { d: 0, e: false, f: '' } };
		expect(planJson(value)).toBe(JSON.stringify(value));
	});

	it('gives the plan as plain objects, as JSON.parse reads its JSON back, following edits', () => {
		const plan = samplePlan('en');
		expect(planPlain(plan)).toEqual(JSON.parse(JSON.stringify(plan)));
		plan.pillars[0].objectives[0].actions[0].description = 'Changed';
		plan.institutions.splice(0, 1);
		const value = { a: undefined, b: [1, undefined, null, 'x'] };
		expect(planPlain(plan)).toEqual(JSON.parse(JSON.stringify(plan)));
		expect(planPlain(value)).toEqual(JSON.parse(JSON.stringify(value)));
		expect(planPlain(plan)).not.toBe(plan);
	});
});
