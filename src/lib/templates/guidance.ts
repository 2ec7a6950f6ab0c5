// Guidance for each wizard step (why it matters, what good looks like, common pitfalls): content
// kept in the template library, shown beside every step in the interface language.
import raw from '../../../templates/library/guidance.json' with { type: 'json' };
import type { Step } from '../plan/completeness.ts';
import { guidanceSchema, type Guidance } from './schema.ts';

const guidance = guidanceSchema.parse(raw);

export function guidanceFor(step: Step): Guidance['steps'][number] {
	const found = guidance.steps.find((s) => s.step === step);
	if (!found) throw new Error(`No guidance for the ${step} step`);
	return found;
}
