// Every line of every text the team typed in a plan, as the field descriptions name them (plan/fields.ts
// textsOf: the short and long texts of every part): what a document of the plan must contain. The
// monitoring beside the plan (`progress`: what each institution reported per period) is not the plan's
// text: the progress report holds it (progressTexts), not the plan's document.
import { textsOf } from '../../src/lib/plan/fields.ts';
import type { Plan } from '../../src/lib/plan/schema.ts';

const lines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

export const typedTexts = (plan: Plan): string[] =>
	[...textsOf(plan)]
		.filter(({ path }) => !path.startsWith('progress.'))
		.flatMap((t) => lines(t.text));

/** The texts reported for one period: the coordinator's summary and challenges, each action's
 * narrative, each indicator's value, source and note. */
export const progressTexts = (plan: Plan, period: string): string[] =>
	[...textsOf(plan)]
		.filter(({ path }) => {
			const at = /^progress\.(periods|actions|indicators)\[(\d+)\]/.exec(path);
			return at !== null && plan.progress[at[1] as 'periods'][Number(at[2])].period === period;
		})
		.flatMap((t) => lines(t.text));
