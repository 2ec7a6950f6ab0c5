// One walk of the results framework: every pillar, objective, action and indicator of a plan, in
// document order, with its parents and its number as the plan's chapters number it: pillar "1",
// objective "1.2", action "1.2.3", indicator "1.2.3.1". Every place that shows a number takes it from
// here, and finds an item's parents by id, never by reading a number back.
import type { Action, Indicator, Objective, Pillar, Plan } from './schema.ts';

/** The number of the `index`-th item (from 0) under the item numbered `parent` ('' at the top). */
export const childRef = (parent: string, index: number): string =>
	parent ? `${parent}.${index + 1}` : `${index + 1}`;

export interface PillarPlace {
	kind: 'pillar';
	pillar: Pillar;
	/** "2" */
	ref: string;
}

export interface ObjectivePlace {
	kind: 'objective';
	pillar: Pillar;
	objective: Objective;
	/** "2.1" */
	ref: string;
	pillarRef: string;
}

export interface ActionPlace {
	kind: 'action';
	pillar: Pillar;
	objective: Objective;
	action: Action;
	/** "2.1.3" */
	ref: string;
	pillarRef: string;
	objectiveRef: string;
}

export interface IndicatorPlace {
	kind: 'indicator';
	pillar: Pillar;
	objective: Objective;
	action: Action;
	indicator: Indicator;
	/** "2.1.3.1" */
	ref: string;
	pillarRef: string;
	objectiveRef: string;
	actionRef: string;
}

export type Place = PillarPlace | ObjectivePlace | ActionPlace | IndicatorPlace;
export type PlaceKind = Place['kind'];

/** Every pillar, objective, action and indicator, each before what it holds. */
export function* walk(plan: Plan): Generator<Place> {
	for (const [p, pillar] of plan.pillars.entries()) {
		const pillarRef = childRef('', p);
		yield { kind: 'pillar', pillar, ref: pillarRef };
		for (const [o, objective] of pillar.objectives.entries()) {
			const objectiveRef = childRef(pillarRef, o);
			yield { kind: 'objective', pillar, objective, ref: objectiveRef, pillarRef };
			for (const [a, action] of objective.actions.entries()) {
				const actionRef = childRef(objectiveRef, a);
				yield {
					kind: 'action',
					pillar,
					objective,
					action,
					ref: actionRef,
					pillarRef,
					objectiveRef
				};
				for (const [i, indicator] of action.indicators.entries())
					yield {
						kind: 'indicator',
						pillar,
						objective,
						action,
						indicator,
						ref: childRef(actionRef, i),
						pillarRef,
						objectiveRef,
						actionRef
					};
			}
		}
	}
}

const only = <K extends PlaceKind>(kind: K) =>
	function* (plan: Plan): Generator<Extract<Place, { kind: K }>> {
		for (const place of walk(plan))
			if (place.kind === kind) yield place as Extract<Place, { kind: K }>;
	};

export const pillarsOf = only('pillar');
export const objectivesOf = only('objective');
export const indicatorsOf = only('indicator');

/** Every action: as `walk` but without visiting indicators (the checks and budget totals ask this often). */
export function* actionsOf(plan: Plan): Generator<ActionPlace> {
	for (const [p, pillar] of plan.pillars.entries()) {
		const pillarRef = childRef('', p);
		for (const [o, objective] of pillar.objectives.entries()) {
			const objectiveRef = childRef(pillarRef, o);
			for (const [a, action] of objective.actions.entries())
				yield {
					kind: 'action',
					pillar,
					objective,
					action,
					ref: childRef(objectiveRef, a),
					pillarRef,
					objectiveRef
				};
		}
	}
}

/** Each pillar's, objective's, action's and indicator's number, by id (the first item wins where a broken file repeats an id). */
export function numbers(plan: Plan): Map<string, string> {
	const refs = new Map<string, string>();
	for (const place of walk(plan)) {
		const id = idOf(place);
		if (!refs.has(id)) refs.set(id, place.ref);
	}
	return refs;
}

/** The id of the item a place is about. */
export function idOf(place: Place): string {
	switch (place.kind) {
		case 'pillar':
			return place.pillar.id;
		case 'objective':
			return place.objective.id;
		case 'action':
			return place.action.id;
		case 'indicator':
			return place.indicator.id;
	}
}
