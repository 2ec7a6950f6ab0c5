// Every line of every text the team typed in a plan, as the field descriptions name them (plan/fields.ts
// textsOf: the short and long texts of every part): what a document of the plan must contain.
import { textsOf } from '../../src/lib/plan/fields.ts';
import type { Plan } from '../../src/lib/plan/schema.ts';

export const typedTexts = (plan: Plan): string[] =>
	[...textsOf(plan)].flatMap(({ text }) =>
		text
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
	);
