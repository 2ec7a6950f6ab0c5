// The review step's tally of template wording: how many objectives, actions and indicators copied from
// the library still read as the template did, and which ones, numbered as in the plan.
import { actionsOf, indicatorsOf, objectivesOf } from '../plan/walk.ts';
import type { Action, Indicator, Objective, Plan } from '../plan/schema.ts';
import type { Library } from './library.ts';

export type Wording = 'template' | 'own';

/** Whether an item copied from the library still reads as the template did (in any of the three languages). */
export function wording(item: Objective | Action | Indicator, library: Library): Wording | null {
	if (!item.templateId) return null;
	const source = library.byId.get(item.templateId);
	if (!source) return 'own';
	const [mine, theirs] =
		'title' in item && 'title' in source
			? [item.title, source.title]
			: 'description' in item && 'text' in source
				? [item.description, source.text]
				: 'statement' in item && 'statement' in source
					? [item.statement, source.statement]
					: [null, null];
	if (mine === null || theirs === null) return 'own';
	const same = (a: string, b: string) =>
		a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');
	return Object.values(theirs).some((text) => same(mine, text)) ? 'template' : 'own';
}

export interface Tally<T> {
	/** The items that still read as their template, in plan order, with their number ("1.2.3"). */
	template: { item: T; ref: string }[];
	/** How many the team has made its own. */
	own: number;
}

export interface WordingTally {
	objectives: Tally<Objective>;
	actions: Tally<Action>;
	indicators: Tally<Indicator>;
}

/** Whether any objective or action of the plan came from the library (else there is nothing to tally). */
export const fromTemplates = (plan: Plan) =>
	plan.pillars.some((p) =>
		p.objectives.some((o) => o.templateId || o.actions.some((a) => a.templateId))
	);

function tally<T extends Objective | Action | Indicator>(
	list: { item: T; ref: string }[],
	library: Library
): Tally<T> {
	const read = list.map((x) => ({ ...x, wording: wording(x.item, library) }));
	return {
		template: read.filter((x) => x.wording === 'template').map(({ item, ref }) => ({ item, ref })),
		own: read.filter((x) => x.wording === 'own').length
	};
}

export function tallyWording(plan: Plan, library: Library): WordingTally {
	const objectives = [...objectivesOf(plan)].map(({ objective, ref }) => ({
		item: objective,
		ref
	}));
	const actions = [...actionsOf(plan)].map(({ action, ref }) => ({ item: action, ref }));
	const indicators = [...indicatorsOf(plan)].map(({ indicator, ref }) => ({
		item: indicator,
		ref
	}));
	return {
		objectives: tally(objectives, library),
		actions: tally(actions, library),
		indicators: tally(indicators, library)
	};
}
