import { describe, expect, it } from 'vitest';
import { addItem, blank, createPlan, moveItem } from './operations.ts';
import type { Plan } from './schema.ts';
import { actionsOf, idOf, indicatorsOf, numbers, objectivesOf, pillarsOf, walk } from './walk.ts';

/** Two pillars; the first with two objectives, the second objective with two actions, the second action with two indicators. */
function framework(): Plan {
	const plan = createPlan();
	const first = addItem(plan.pillars, { ...blank.pillar(), name: 'Participation' });
	addItem(plan.pillars, { ...blank.pillar(), name: 'Protection' });
	addItem(first.objectives, { ...blank.objective(), title: 'Women in peace talks' });
	const second = addItem(first.objectives, { ...blank.objective(), title: 'Women in the police' });
	addItem(second.actions, { ...blank.action(), description: 'Recruit' });
	const train = addItem(second.actions, { ...blank.action(), description: 'Train' });
	addItem(train.indicators, { ...blank.indicator(), statement: 'Officers trained' });
	addItem(train.indicators, { ...blank.indicator(), statement: 'Women among them' });
	return plan;
}

describe('the walk of the plan', () => {
	it('yields every item once, each before what it holds, numbered as the chapters number them', () => {
		const plan = framework();
		const seen = [...walk(plan)].map((place) => [place.kind, place.ref]);
		expect(seen).toEqual([
			['pillar', '1'],
			['objective', '1.1'],
			['objective', '1.2'],
			['action', '1.2.1'],
			['action', '1.2.2'],
			['indicator', '1.2.2.1'],
			['indicator', '1.2.2.2'],
			['pillar', '2']
		]);
	});

	it('gives each item its parents and their numbers', () => {
		const plan = framework();
		const indicator = [...indicatorsOf(plan)][1];
		expect(indicator.indicator.statement).toBe('Women among them');
		expect(indicator.action.description).toBe('Train');
		expect(indicator.objective.title).toBe('Women in the police');
		expect(indicator.pillar.name).toBe('Participation');
		expect([indicator.pillarRef, indicator.objectiveRef, indicator.actionRef]).toEqual([
			'1',
			'1.2',
			'1.2.2'
		]);
		const action = [...actionsOf(plan)][0];
		expect([action.objective.title, action.objectiveRef, action.pillarRef]).toEqual([
			'Women in the police',
			'1.2',
			'1'
		]);
	});

	it('filters by kind, with the same numbers as the whole walk', () => {
		const plan = framework();
		expect([...pillarsOf(plan)].map((p) => p.ref)).toEqual(['1', '2']);
		expect([...objectivesOf(plan)].map((o) => o.ref)).toEqual(['1.1', '1.2']);
		expect([...actionsOf(plan)].map((a) => a.ref)).toEqual(['1.2.1', '1.2.2']);
		expect([...indicatorsOf(plan)].map((i) => i.ref)).toEqual(['1.2.2.1', '1.2.2.2']);
	});

	it('numbers by id, and the numbers follow a move', () => {
		const plan = framework();
		const [first, second] = plan.pillars[0].objectives[1].actions;
		expect(numbers(plan).get(second.indicators[0].id)).toBe('1.2.2.1');
		moveItem(plan.pillars[0].objectives[1].actions, second.id, -1);
		const refs = numbers(plan);
		expect(refs.get(second.id)).toBe('1.2.1');
		expect(refs.get(first.id)).toBe('1.2.2');
		expect(refs.get(second.indicators[1].id)).toBe('1.2.1.2');
		expect(refs.get(plan.pillars[1].id)).toBe('2');
		expect(refs.size).toBe([...walk(plan)].length);
		expect([...walk(plan)].map(idOf)).toEqual([...refs.keys()]);
	});

	it('walks an empty plan to nothing', () => {
		expect([...walk(createPlan())]).toEqual([]);
	});
});
