// npm run bench: performance figures, one JSON line each (not a test: nothing here passes or fails).
// Word export time in Node for generated plans of 50, 300 and 1,000 actions.
import { Packer } from 'docx';
import { buildDocument } from '../src/lib/export/docx.ts';
import { addItem, applyFramework, blank, createPlan } from '../src/lib/plan/operations.ts';
import type { Plan } from '../src/lib/plan/schema.ts';

const env = { node: process.version };

/** A plan with `actions` actions spread over the four pillars, each with two indicators and a budget. */
export function generatedPlan(actions: number): Plan {
	const plan = createPlan({ language: 'en' });
	Object.assign(plan.overview, { title: `Generated plan with ${actions} actions`, country: 'Lumeria', periodStart: 2027, periodEnd: 2031 });
	const ministry = addItem(plan.institutions, { ...blank.institution(), name: 'Ministry of Defence', acronym: 'MoD' });
	applyFramework(plan, 'pillars');
	for (let i = 0; i < actions; i++) {
		const pillar = plan.pillars[i % plan.pillars.length];
		if (i % 10 < 4) addItem(pillar.objectives, { ...blank.objective(), title: `Objective ${i}: increase the participation of women in peace and security institutions` });
		const objective = pillar.objectives.at(-1) ?? addItem(pillar.objectives, blank.objective());
		const action = addItem(objective.actions, { ...blank.action(), description: `Action ${i}: train and deploy personnel, review policies and report on progress to parliament every year.`, responsibleId: ministry.id, startYear: 2027, endYear: 2030 });
		Object.assign(action.budget, { amount: 10_000 + i, source: 'national-budget', secured: i % 2 === 0 });
		for (let n = 0; n < 2; n++)
			addItem(action.indicators, { ...blank.indicator(), statement: `Share of women among personnel (${i}.${n})`, unit: '%', baselineValue: '7', baselineYear: 2025, targetValue: '15', targetYear: 2031, meansOfVerification: 'Personnel records', frequency: 'annual' });
	}
	return plan;
}

async function time(run: () => Promise<unknown>, repeat = 3): Promise<number> {
	await run(); // warm up
	const times: number[] = [];
	for (let i = 0; i < repeat; i++) {
		const start = performance.now();
		await run();
		times.push(performance.now() - start);
	}
	return Math.round(Math.min(...times));
}

for (const actions of [50, 300, 1000]) {
	const plan = generatedPlan(actions);
	let bytes = 0;
	const ms = await time(async () => (bytes = (await Packer.toBuffer(buildDocument(plan, { language: 'en' }))).length));
	console.log(JSON.stringify({ figure: 'word-export-node', actions, ms, bytes, goal: actions === 300 ? 'under 1000 ms' : undefined, ...env }));
}
