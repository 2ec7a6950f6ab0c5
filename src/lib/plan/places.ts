// Where a path in the plan is, in the words of the interface: the wizard step that shows it and the
// text key of the field's label, so a message about a value can say "Getting started: Adoption date".
import type { Path } from './guard.ts';

export type StepName = 'overview' | 'context' | 'consultation' | 'pillars' | 'actions' | 'coordination' | 'budget' | 'review';

/** The label scope of each list's items (`fields.<scope>.<field>`). */
const ITEM_SCOPES: Record<string, string> = {
	institutions: 'institution',
	baselineData: 'figure',
	events: 'event',
	participants: 'participants',
	pillars: 'pillar',
	objectives: 'objective',
	actions: 'action',
	indicators: 'indicator',
	bodies: 'body'
};

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
	const step: StepName = path.includes('actions') ? 'actions' : (STEP_OF_SECTION[section] ?? 'overview');
	let scope = section;
	let field: string | undefined;
	for (const [i, key] of path.entries()) {
		if (typeof key === 'number') continue;
		if (ITEM_SCOPES[key] && typeof path[i + 1] === 'number') scope = ITEM_SCOPES[key];
		else if (i > 0 && key !== 'budget') field = key; // an action's budget fields are labelled as the action's
		else if (i === 0 && path.length === 1) field = key;
	}
	if (!field || field === 'id') return { step };
	// Top-level fields are labelled under their step: `framework` is `fields.pillars.framework`.
	if (path.length === 1) return { step, label: section === 'framework' ? 'fields.pillars.framework' : undefined };
	return { step, label: `fields.${scope}.${field}` };
}
