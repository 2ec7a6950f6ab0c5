// Every line of every text the team typed in a plan (not ids, dates or choices from a list): what a
// document of the plan must contain.
import type { Plan } from '../../src/lib/plan/schema.ts';

const CODES = /^(id|format|createdAt|updatedAt|date|adoptionDate|midTermReview|finalEvaluation|key|kind|level|status|strategy|scope|frequency|meetingFrequency|reportingCycle|sector|region|framework|currency|source|resolutions|documentLanguages|language|type|data)$|Ids?$/;

export function typedTexts(plan: Plan): string[] {
	const out: string[] = [];
	const walk = (value: unknown, key: string) => {
		if (Array.isArray(value)) value.forEach((v) => walk(v, key));
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
		else if (typeof value === 'string' && !CODES.test(key)) out.push(...value.split('\n').map((l) => l.trim()).filter(Boolean));
	};
	walk(plan, '');
	return out;
}
