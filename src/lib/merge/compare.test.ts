import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { addItem, blank, createPlan, moveActionTo } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { isEmptyValue } from '../plan/fields.ts';
import { excerpt } from '../plan/text.ts';
import { comparePlans, indexPlan, sameValue, type ItemDiff } from './compare.ts';

const copyOf = (plan: Plan): Plan => structuredClone(plan);
const only = (differences: ItemDiff[]) => {
	expect(differences).toHaveLength(1);
	return differences[0];
};

describe('comparePlans', () => {
	it('finds nothing between a plan and its copy, and counts every item and section as identical', () => {
		const plan = samplePlan();
		const { differences, identical } = comparePlans(plan, copyOf(plan));
		expect(differences).toEqual([]);
		expect(identical).toBe(indexPlan(plan).items.size + indexPlan(plan).sections.size);
	});

	it('reports a changed field with its value before and after, and the item’s number and label', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const action = after.pillars[1].objectives[0].actions[1];
		const was = action.description;
		action.description = 'Open a specialised court for cases of sexual violence.';
		action.endYear = 2033;
		const diff = only(comparePlans(before, after).differences);
		expect(diff).toMatchObject({
			change: 'changed',
			kind: 'action',
			id: action.id,
			ref: '2.1.2',
			step: 'actions',
			label: action.description
		});
		expect(diff.fields).toEqual([
			{ field: 'description', before: was, after: action.description },
			{ field: 'endYear', before: before.pillars[1].objectives[0].actions[1].endYear, after: 2033 }
		]);
	});

	it('compares an action’s budget line field by field', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.pillars[0].objectives[0].actions[0].budget.secured =
			!before.pillars[0].objectives[0].actions[0].budget.secured;
		expect(only(comparePlans(before, after).differences).fields.map((f) => f.field)).toEqual([
			'budget.secured'
		]);
	});

	it('reports section fields (overview, monitoring, framework) under their wizard step', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.overview.title = 'Second national action plan';
		after.monitoring.reportsToParliament = !before.monitoring.reportsToParliament;
		after.framework = 'custom';
		const { differences } = comparePlans(before, after);
		expect(differences.map((d) => [d.kind, d.step, d.fields.map((f) => f.field)])).toEqual([
			['overview', 'overview', ['title']],
			['framework', 'pillars', ['framework']],
			['monitoring', 'coordination', ['reportsToParliament']]
		]);
	});

	it('treats lists of institutions and codes as sets: the same boxes ticked in another order are no change', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.overview.resolutions.reverse();
		after.pillars[0].objectives[0].actions[0].partnerIds = ['inst-csonet', 'inst-unwomen'];
		before.pillars[0].objectives[0].actions[0].partnerIds = ['inst-unwomen', 'inst-csonet'];
		expect(comparePlans(before, after).differences).toEqual([]);
	});

	it('lists an added objective once, with its new actions and indicators nested in it', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const objective = addItem(after.pillars[2].objectives, blank.objective());
		objective.title = 'Prevent violent extremism with women’s organisations';
		const action = addItem(objective.actions, blank.action());
		action.description = 'Fund community dialogue led by women';
		addItem(action.indicators, blank.indicator()).statement = 'Number of dialogues held';
		const diff = only(comparePlans(before, after).differences);
		expect(diff).toMatchObject({
			change: 'added',
			kind: 'objective',
			ref: '3.3',
			parentId: after.pillars[2].id,
			label: objective.title
		});
		expect(diff.fields).toEqual([{ field: 'title', before: null, after: objective.title }]);
		expect(diff.nested.map((n) => [n.kind, n.ref, n.label])).toEqual([
			['action', '3.3.1', 'Fund community dialogue led by women'],
			['indicator', '3.3.1.1', 'Number of dialogues held']
		]);
	});

	it('lists an indicator added to an existing action on its own', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const action = after.pillars[0].objectives[1].actions[0];
		addItem(action.indicators, blank.indicator()).statement = 'Share of women mediators';
		const diff = only(comparePlans(before, after).differences);
		expect(diff).toMatchObject({
			change: 'added',
			kind: 'indicator',
			parentId: action.id,
			ref: `1.2.1.${action.indicators.length}`
		});
	});

	it('lists a removed action with the number it had, its indicators going with it', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const [removed] = after.pillars[3].objectives[1].actions.splice(0, 1);
		const diff = only(comparePlans(before, after).differences);
		expect(diff).toMatchObject({
			change: 'removed',
			kind: 'action',
			id: removed.id,
			ref: '4.2.1',
			step: 'actions'
		});
		expect(diff.fields.find((f) => f.field === 'description')).toEqual({
			field: 'description',
			before: removed.description,
			after: null
		});
		expect(diff.nested.map((n) => n.id)).toEqual(removed.indicators.map((i) => i.id));
	});

	it('records a move to another objective as a change of parent', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const action = after.pillars[0].objectives[0].actions[0];
		expect(moveActionTo(after, action.id, after.pillars[1].objectives[0].id)).toBe(true);
		const moved = comparePlans(before, after).differences.find((d) => d.id === action.id)!;
		expect(moved.fields).toEqual([
			{
				field: 'parent',
				before: before.pillars[0].objectives[0].id,
				after: after.pillars[1].objectives[0].id
			}
		]);
	});

	it('ignores where an item came from (template, merge): only what it says counts', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.pillars[0].objectives[0].contributedBy = 'inst-defence';
		after.pillars[0].objectives[0].templateId = 'tpl-1';
		expect(comparePlans(before, after).differences).toEqual([]);
	});

	it('names a framework pillar in the language given', () => {
		const plan = createPlan();
		plan.pillars.push(blank.pillar('protection'));
		const translate = (key: string) => (key === 'options.pillar.protection' ? 'Protección' : key);
		expect(only(comparePlans(createPlan(), plan, translate).differences).label).toBe('Protección');
	});

	it('orders differences by wizard step', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.coordination.bodies[0].name = 'National steering committee';
		after.institutions[0].acronym = 'MIGE';
		after.context.baselineFigures[0].value = '12%';
		expect(comparePlans(before, after).differences.map((d) => d.step)).toEqual([
			'overview',
			'context',
			'coordination'
		]);
	});
});

describe('what was reported', () => {
	it('shows a changed and a removed monitoring entry, named by their period and action or indicator, after the wizard’s steps', () => {
		const before = samplePlan();
		const after = copyOf(before);
		const entry = after.progress.actions.find(
			(e) => e.actionId === 'a-1-1-1' && e.period === '2027'
		)!;
		entry.narrative = 'The strategy was adopted in June.';
		const gone = after.progress.indicators.pop()!;
		after.overview.title = 'Second national action plan';
		const { differences } = comparePlans(before, after, (key) => key, 'en');
		expect(differences.map((d) => [d.step, d.kind, d.change])).toEqual([
			['overview', 'overview', 'changed'],
			['progress', 'actionProgress', 'changed'],
			['progress', 'indicatorProgress', 'removed']
		]);
		const action = before.pillars[0].objectives[0].actions[0];
		expect(differences[1]).toMatchObject({
			ref: '1.1.1',
			label: excerpt(`2027: ${action.description}`, 120),
			fields: [
				{
					field: 'narrative',
					before: before.progress.actions.find((e) => e.id === entry.id)!.narrative,
					after: 'The strategy was adopted in June.'
				}
			]
		});
		expect(differences[2].label.startsWith(`${gone.period}: `)).toBe(true);
	});

	it('shows a period’s summary and the monitoring data’s being illustrative', () => {
		const before = samplePlan();
		const after = copyOf(before);
		after.progress.illustrative = !before.progress.illustrative;
		after.progress.periods[0].challenges = 'Late reports from two provinces.';
		const { differences } = comparePlans(before, after);
		expect(differences.map((d) => [d.kind, d.label, d.fields.map((f) => f.field)])).toEqual([
			['progress', '', ['illustrative']],
			['periodReport', after.progress.periods[0].period, ['challenges']]
		]);
	});
});

describe('values', () => {
	it('knows empty values', () => {
		for (const empty of ['', '  ', null, [], false]) expect(isEmptyValue(empty)).toBe(true);
		for (const filled of ['x', 0, ['1325'], true]) expect(isEmptyValue(filled)).toBe(false);
	});

	it('compares objects by content', () => {
		expect(
			sameValue([{ sector: 'government', women: 3 }], [{ sector: 'government', women: 3 }])
		).toBe(true);
		expect(
			sameValue([{ sector: 'government', women: 3 }], [{ sector: 'government', women: 4 }])
		).toBe(false);
		expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
		expect(sameValue(null, '')).toBe(false);
	});
});
