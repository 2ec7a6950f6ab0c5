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

/** The plan with monitoring entries for every action and indicator in each of its first `periods`
 * annual periods (from 2027): statuses in turn, spending a fifth of each budget a year, indicator
 * values climbing from baseline towards target, and the coordinator's summary for each period. */
export function withProgress(plan: Plan, periods: number): Plan {
	const statuses = ['on-track', 'delayed', 'completed', 'not-started', 'on-track'] as const;
	const stamp = '2032-01-31T09:00:00.000Z';
	let n = 0;
	for (let p = 0; p < periods; p++) {
		const period = String(2027 + p);
		plan.progress.periods.push({
			id: `pr-${period}`,
			period,
			summary: `In ${period} most actions went ahead as planned.`,
			challenges: 'Funding arrived late for some actions.',
			updatedAt: stamp
		});
		for (const pillar of plan.pillars)
			for (const objective of pillar.objectives)
				for (const action of objective.actions) {
					plan.progress.actions.push({
						id: `pa-${n++}`,
						actionId: action.id,
						period,
						status: statuses[n % statuses.length],
						narrative: `Training held in ${period}; the policy review went to the council of ministers.`,
						spent: Math.round((action.budget.amount ?? 0) / 5),
						currency: '',
						reportedBy: action.responsibleId,
						updatedAt: stamp
					});
					for (const indicator of action.indicators)
						plan.progress.indicators.push({
							id: `pi-${n++}`,
							indicatorId: indicator.id,
							period,
							value: String(7 + p + (n % 3)),
							date: `${period}-12`,
							source: 'Personnel records',
							note: '',
							rating: '',
							reportedBy: action.responsibleId,
							updatedAt: stamp
						});
				}
	}
	return plan;
}
