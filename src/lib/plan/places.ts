// Where a path in the plan is, in the words of the interface: the wizard step that shows it and the
// text key of the field's label (its description's, plan/fields.ts), so a message about a value can
// say "Getting started: Adoption date".
import { labelAt } from './fields.ts';
import type { Path } from './guard.ts';

export type StepName =
	| 'overview'
	| 'context'
	| 'consultation'
	| 'pillars'
	| 'actions'
	| 'coordination'
	| 'budget'
	| 'review';

const STEP_OF_SECTION: Record<string, StepName> = {
	overview: 'overview',
	institutions: 'overview',
	context: 'context',
	consultation: 'consultation',
	framework: 'pillars',
	pillars: 'pillars',
	coordination: 'coordination',
	monitoring: 'coordination',
	budget: 'budget',
	comments: 'review'
};

export interface Place {
	step: StepName;
	/** The text key of the field's label, when the path ends on a field that has one. */
	label?: string;
}

export function placeOf(path: Path): Place {
	const section = String(path[0] ?? 'overview');
	const step: StepName = path.includes('actions')
		? 'actions'
		: (STEP_OF_SECTION[section] ?? 'overview');
	const label = labelAt(path);
	return label ? { step, label } : { step };
}
