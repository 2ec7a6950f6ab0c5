// The review step's tally of template wording: what the team sees counted and listed.
import { describe, expect, it } from 'vitest';
import { actionsOf, addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { planFromTemplates } from './apply.ts';
import { bundledLibrary } from './bundled.ts';
import { fromTemplates, tallyWording, wording } from './wording.ts';

const library = bundledLibrary();

describe('tallyWording', () => {
	const template = planFromTemplates(library, {
		language: 'en',
		regional: 'addis-ababa-2008',
		ministries: ['justice']
	});

	it('counts every item of a plan just started from templates as template wording, numbered as in the plan', () => {
		const tally = tallyWording(template, library);
		const actions = [...actionsOf(template)];
		expect(tally.actions.template.map((x) => x.ref)).toEqual(actions.map((a) => a.ref));
		expect(tally.actions.own).toBe(0);
		expect(tally.objectives.template[0]).toEqual({
			item: template.pillars.find((p) => p.objectives.length)!.objectives[0],
			ref: expect.stringMatching(/^\d+\.1$/)
		});
		expect(tally.indicators.template.length).toBe(
			actions.reduce((n, a) => n + a.action.indicators.length, 0)
		);
	});

	it('moves an edited action and an edited indicator to the team’s own, and leaves out items the team wrote itself', () => {
		const plan = structuredClone(template);
		const [first] = actionsOf(plan);
		first.action.description =
			'Set up a specialised chamber for sexual violence cases in each province.';
		first.action.indicators[0].statement = 'Number of chambers set up';
		addItem(first.objective.actions, { ...blank.action(), description: 'Our own action' });
		const before = tallyWording(template, library);
		const after = tallyWording(plan, library);
		expect(after.actions.own).toBe(1);
		expect(after.actions.template.map((x) => x.item.id)).not.toContain(first.action.id);
		expect(after.actions.template).toHaveLength(before.actions.template.length - 1);
		expect(after.indicators.own).toBe(1);
		expect(wording(first.action, library)).toBe('own');
	});

	it('has nothing to tally in a plan written from scratch', () => {
		const plan = createPlan({ language: 'en' });
		applyFramework(plan, 'pillars');
		addItem(plan.pillars[0].objectives, { ...blank.objective(), title: 'Our objective' });
		expect(fromTemplates(plan)).toBe(false);
		expect(fromTemplates(template)).toBe(true);
		const tally = tallyWording(plan, library);
		expect([tally.objectives, tally.actions, tally.indicators]).toEqual([
			{ template: [], own: 0 },
			{ template: [], own: 0 },
			{ template: [], own: 0 }
		]);
	});
});
