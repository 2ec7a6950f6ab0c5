// A generated plan of any size, for the benchmark: actions spread over the four pillars, each with
// two indicators and a budget.
import { addItem, applyFramework, blank, createPlan } from '../src/lib/plan/operations.ts';
import type { Plan } from '../src/lib/plan/schema.ts';

/** A plan with `actions` actions spread over the four pillars, each with two indicators and a budget. */
export function generatedPlan(actions: number): Plan {
	const plan = createPlan({ language: 'en' });
	Object.assign(plan.overview, {
		title: `Generated plan with ${actions} actions`,
		country: 'Lumeria',
		periodStart: 2027,
		periodEnd: 2031
	});
	const ministry = addItem(plan.institutions, {
		...blank.institution(),
		name: 'Ministry of Defence',
		acronym: 'MoD'
	});
	applyFramework(plan, 'pillars');
	for (let i = 0; i < actions; i++) {
		const pillar = plan.pillars[i % plan.pillars.length];
		if (i % 10 < 4)
			addItem(pillar.objectives, {
				...blank.objective(),
				title: `Objective ${i}: increase the participation of women in peace and security institutions`
			});
		const objective = pillar.objectives.at(-1) ?? addItem(pillar.objectives, blank.objective());
		const action = addItem(objective.actions, {
			...blank.action(),
			description: `Action ${i}: train and deploy personnel, review policies and report on progress to parliament every year.`,
			responsibleId: ministry.id,
			startYear: 2027,
			endYear: 2030
		});
		Object.assign(action.budget, {
			amount: 10_000 + i,
			source: 'national-budget',
			secured: i % 2 === 0
		});
		for (let n = 0; n < 2; n++)
			addItem(action.indicators, {
				...blank.indicator(),
				statement: `Share of women among personnel (${i}.${n})`,
				unit: '%',
				baselineValue: '7',
				baselineYear: 2025,
				targetValue: '15',
				targetYear: 2031,
				meansOfVerification: 'Personnel records',
				frequency: 'annual'
			});
	}
	return plan;
}
