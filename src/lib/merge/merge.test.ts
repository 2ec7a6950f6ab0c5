import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { actionsOf, addItem, blank, moveActionTo } from '../plan/operations.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import { indexPlan } from './compare.ts';
import {
	acceptAll,
	applyMerge,
	changedAndRemoved,
	withoutSender,
	contributionOf,
	fromContribution,
	isAccepted,
	propose,
	undecidedConflicts,
	type Contribution,
	type Decisions,
	type Proposal
} from './merge.ts';

const copyOf = (plan: Plan): Plan => structuredClone(plan);
/** A ministry's file: a copy of the master, edited by `edit`. */
function contribution(
	master: Plan,
	key: string,
	institutionId: string,
	edit: (plan: Plan) => void
): Contribution {
	const plan = copyOf(master);
	edit(plan);
	return { key, plan, institutionId };
}
const ofType = (proposals: Proposal[], type: Proposal['type']) =>
	proposals.filter((p) => p.type === type);
const acceptEvery = (proposals: Proposal[]): Decisions =>
	Object.fromEntries(proposals.filter((p) => p.type !== 'conflict').map((p) => [p.key, 'accept']));
const findAction = (plan: Plan, id: string) => [...actionsOf(plan)].find((a) => a.action.id === id);
const ids = (plan: Plan) => [...indexPlan(plan).items.keys()];

describe('propose', () => {
	it('lists an addition, placed under the same objective, and counts the unchanged items', () => {
		const master = samplePlan();
		const defence = contribution(master, 'a', 'inst-defence', (plan) => {
			const action = addItem(plan.pillars[0].objectives[1].actions, blank.action(), 1);
			action.description = 'Gender advisers in every operational headquarters';
		});
		const { list, identical } = propose(master, [defence]);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({
			type: 'add',
			contribution: 'a',
			diff: { kind: 'action', ref: '1.2.2', parentId: master.pillars[0].objectives[1].id }
		});
		const items = indexPlan(master);
		expect(identical.a).toBe(items.items.size + items.sections.size);
	});

	it('lists a changed field with the master’s value before and the file’s after, numbered as in the master', () => {
		const master = samplePlan();
		const justice = contribution(master, 'b', 'inst-justice', (plan) => {
			plan.pillars[1].objectives[0].actions.splice(0, 0, blank.action()); // numbering in the file shifts
			plan.pillars[1].objectives[0].actions[2].endYear = 2032;
		});
		const change = ofType(propose(master, [justice]).list, 'change');
		expect(change).toHaveLength(1);
		expect(change[0]).toMatchObject({
			contribution: 'b',
			diff: {
				kind: 'action',
				ref: '2.1.2',
				fields: [{ field: 'endYear', before: 2031, after: 2032 }]
			}
		});
	});

	it('turns two different changes of the same field into one conflict, and keeps the rest of each change', () => {
		const master = samplePlan();
		const target = master.pillars[0].objectives[0].actions[0];
		const a = contribution(master, 'a', 'inst-defence', (plan) => {
			plan.pillars[0].objectives[0].actions[0].description = 'Version from defence';
			plan.pillars[0].objectives[0].actions[0].startYear = 2028;
		});
		const b = contribution(master, 'b', 'inst-justice', (plan) => {
			plan.pillars[0].objectives[0].actions[0].description = 'Version from justice';
		});
		const { list } = propose(master, [a, b]);
		const conflicts = ofType(list, 'conflict');
		expect(conflicts).toHaveLength(1);
		expect(conflicts[0]).toMatchObject({
			kind: 'action',
			id: target.id,
			ref: '1.1.1',
			field: 'description',
			master: target.description,
			choices: [
				{ contribution: 'a', value: 'Version from defence' },
				{ contribution: 'b', value: 'Version from justice' }
			]
		});
		// Defence's other change stays a change of its own; Justice has nothing else.
		expect(
			ofType(list, 'change').map(
				(p) => p.type !== 'conflict' && [p.contribution, p.diff.fields.map((f) => f.field)]
			)
		).toEqual([['a', ['startYear']]]);
		expect(list[0].type).toBe('conflict');
	});

	it('sees no conflict when two files make the same change', () => {
		const master = samplePlan();
		const same = (plan: Plan) => (plan.overview.periodEnd = 2032);
		const { list } = propose(master, [
			contribution(master, 'a', '', same),
			contribution(master, 'b', '', same)
		]);
		expect(list.map((p) => p.type)).toEqual(['change', 'change']);
	});

	it('lists a removal in the file as a proposal', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', '', (plan) => plan.context.baselineFigures.splice(1, 1));
		expect(propose(master, [file]).list).toMatchObject([
			{ type: 'remove', diff: { kind: 'baselineFigure', id: master.context.baselineFigures[1].id } }
		]);
	});

	it('lists an indicator added to an existing action, and an action under a new objective with that objective', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', '', (plan) => {
			addItem(plan.pillars[1].objectives[1].actions[0].indicators, blank.indicator()).statement =
				'Cases prosecuted';
			const objective = addItem(plan.pillars[2].objectives, blank.objective());
			objective.title = 'Counter violent extremism with women';
			addItem(objective.actions, blank.action()).description = 'Train community leaders';
		});
		const adds = propose(master, [file]).list;
		expect(
			adds.map(
				(p) =>
					p.type !== 'conflict' && [
						p.type,
						p.diff.kind,
						p.diff.parentId,
						p.diff.nested.map((n) => n.kind)
					]
			)
		).toEqual([
			['add', 'objective', master.pillars[2].id, ['action']],
			['add', 'indicator', master.pillars[1].objectives[1].actions[0].id, []]
		]);
	});

	it('leaves the master as it was', () => {
		const master = samplePlan();
		const before = copyOf(master);
		propose(master, [contribution(master, 'a', '', (plan) => (plan.overview.title = 'Changed'))]);
		expect(master).toEqual(before);
	});
});

describe('applyMerge', () => {
	it('applies only what was accepted; the rest of the master stays, and the master itself is untouched until then', () => {
		const master = samplePlan();
		const snapshot = copyOf(master);
		const file = contribution(master, 'a', 'inst-defence', (plan) => {
			plan.overview.vision = 'A new vision';
			plan.context.situationAnalysis = 'A new analysis';
			addItem(plan.institutions, blank.institution()).name = 'Defence Academy';
			plan.context.baselineFigures.splice(0, 1);
		});
		const { list } = propose(master, [file]);
		const decisions: Decisions = {};
		for (const p of list)
			if (p.type !== 'conflict' && p.diff.kind === 'overview') decisions[p.key] = 'accept';
		for (const p of list) if (p.type === 'add') decisions[p.key] = 'reject';
		// The removal has no decision: kept.
		expect(master).toEqual(snapshot);

		const { plan, summary } = applyMerge(
			master,
			[file],
			list,
			decisions,
			new Date('2027-03-12T10:00:00Z')
		);
		expect(master).toEqual(snapshot);
		expect(plan.overview.vision).toBe('A new vision');
		expect(plan.context.situationAnalysis).toBe(master.context.situationAnalysis);
		expect(plan.institutions).toEqual(master.institutions);
		expect(plan.context.baselineFigures).toEqual(master.context.baselineFigures);
		expect(plan.updatedAt).toBe('2027-03-12T10:00:00.000Z');
		expect(summary).toEqual({
			added: 0,
			changed: 1,
			removed: 0,
			conflicts: 0,
			institutions: 0,
			comments: 0
		});
		expect(planSchema.parse(plan)).toEqual(plan);
	});

	it('brings in what a ministry reported in its file, with its institution as the master knows it', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', 'inst-defence', (plan) => {
			const action = plan.pillars[0].objectives[0].actions[0];
			plan.progress.actions.push({
				...plan.progress.actions.find((e) => e.actionId === action.id)!,
				id: 'pa-2029-defence',
				period: '2029',
				narrative: 'Recruitment campaign in two more provinces.',
				spent: 12000
			});
			plan.progress.indicators.find((e) => e.period === '2028')!.value = '31';
		});
		const { list } = propose(master, [file]);
		expect(
			list.map((p) => (p.type === 'conflict' ? p.type : [p.type, p.diff.kind, p.diff.step]))
		).toEqual([
			['add', 'actionProgress', 'progress'],
			['change', 'indicatorProgress', 'progress']
		]);
		const { plan, summary } = applyMerge(master, [file], list, acceptEvery(list));
		expect(plan.progress.actions.at(-1)).toMatchObject({
			id: 'pa-2029-defence',
			period: '2029',
			narrative: 'Recruitment campaign in two more provinces.',
			spent: 12000,
			reportedBy: 'inst-defence'
		});
		const changed = plan.progress.indicators.find((e) => e.period === '2028')!;
		expect(changed.value).toBe('31');
		expect(summary).toMatchObject({ added: 1, changed: 1 });
		expect(planSchema.parse(plan)).toEqual(plan);
	});

	it('adds an accepted item after the same sibling as in the file, recording who contributed it', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', 'inst-defence', (plan) => {
			addItem(plan.pillars[0].objectives[1].actions, blank.action(), 1).description =
				'Gender advisers in headquarters';
		});
		const { list } = propose(master, [file]);
		const { plan, summary } = applyMerge(master, [file], list, acceptEvery(list));
		const actions = plan.pillars[0].objectives[1].actions;
		expect(actions.map((a) => a.id)).toEqual([
			master.pillars[0].objectives[1].actions[0].id,
			file.plan.pillars[0].objectives[1].actions[1].id,
			master.pillars[0].objectives[1].actions[1].id
		]);
		expect(actions[1]).toMatchObject({
			description: 'Gender advisers in headquarters',
			contributedBy: 'inst-defence'
		});
		expect(actions[0].contributedBy).toBe('');
		expect(summary.added).toBe(1);
	});

	it('puts a new indicator in its existing action, and a new objective with its action in its pillar, all marked as contributed', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', 'inst-justice', (plan) => {
			addItem(plan.pillars[1].objectives[1].actions[0].indicators, blank.indicator()).statement =
				'Cases prosecuted';
			const objective = addItem(plan.pillars[2].objectives, blank.objective());
			objective.title = 'Counter violent extremism with women';
			addItem(objective.actions, blank.action()).description = 'Train community leaders';
		});
		const { list } = propose(master, [file]);
		const { plan } = applyMerge(master, [file], list, acceptEvery(list));
		const indicators = plan.pillars[1].objectives[1].actions[0].indicators;
		expect(indicators.at(-1)).toMatchObject({
			statement: 'Cases prosecuted',
			contributedBy: 'inst-justice'
		});
		expect(indicators).toHaveLength(
			master.pillars[1].objectives[1].actions[0].indicators.length + 1
		);
		const objective = plan.pillars[2].objectives.at(-1)!;
		expect(objective).toMatchObject({
			title: 'Counter violent extremism with women',
			contributedBy: 'inst-justice'
		});
		expect(objective.actions).toMatchObject([
			{ description: 'Train community leaders', contributedBy: 'inst-justice' }
		]);
	});

	it('settles a conflict with the value chosen: a file’s (recording its institution) or the master’s', () => {
		const master = samplePlan();
		const action = master.pillars[0].objectives[0].actions[0];
		const a = contribution(
			master,
			'a',
			'inst-defence',
			(plan) => (plan.pillars[0].objectives[0].actions[0].description = 'From defence')
		);
		const b = contribution(
			master,
			'b',
			'inst-justice',
			(plan) => (plan.pillars[0].objectives[0].actions[0].description = 'From justice')
		);
		const { list } = propose(master, [a, b]);
		const [conflict] = ofType(list, 'conflict');
		expect(undecidedConflicts(list, {})).toBe(1);

		const chosen = applyMerge(master, [a, b], list, { [conflict.key]: fromContribution('b') });
		expect(undecidedConflicts(list, { [conflict.key]: fromContribution('b') })).toBe(0);
		expect(findAction(chosen.plan, action.id)?.action).toMatchObject({
			description: 'From justice',
			contributedBy: 'inst-justice'
		});
		expect(chosen.summary.conflicts).toBe(1);

		const kept = applyMerge(master, [a, b], list, { [conflict.key]: 'master' });
		expect(findAction(kept.plan, action.id)?.action).toMatchObject({
			description: action.description,
			contributedBy: ''
		});
		expect(kept.summary.conflicts).toBe(0);
	});

	it('removes an item only when the removal is accepted', () => {
		const master = samplePlan();
		const removed = master.pillars[3].objectives[0].actions[1];
		const file = contribution(master, 'a', '', (plan) =>
			plan.pillars[3].objectives[0].actions.splice(1, 1)
		);
		const { list } = propose(master, [file]);
		expect(findAction(applyMerge(master, [file], list, {}).plan, removed.id)).toBeDefined();
		expect(
			findAction(applyMerge(master, [file], list, { [list[0].key]: 'reject' }).plan, removed.id)
		).toBeDefined();
		const { plan, summary } = applyMerge(master, [file], list, { [list[0].key]: 'accept' });
		expect(findAction(plan, removed.id)).toBeUndefined();
		expect(summary.removed).toBe(1);
	});

	it('moves an existing action into a new objective without copying it twice', () => {
		const master = samplePlan();
		const moved = master.pillars[0].objectives[0].actions[1];
		const file = contribution(master, 'a', 'inst-foreign', (plan) => {
			const objective = addItem(plan.pillars[0].objectives, blank.objective());
			objective.title = 'Women in mediation';
			moveActionTo(plan, moved.id, objective.id);
		});
		const { list } = propose(master, [file]);
		expect(list.map((p) => p.type)).toEqual(['add', 'change']);
		const { plan } = applyMerge(master, [file], list, acceptEvery(list));
		expect(new Set(ids(plan)).size).toBe(ids(plan).length);
		expect(plan.pillars[0].objectives.at(-1)!.actions.map((a) => a.id)).toEqual([moved.id]);
	});

	it('adds the file’s institution when the user asked to, and any institution an accepted action names', () => {
		const master = samplePlan();
		const file = contribution(master, 'a', 'inst-academy', (plan) => {
			const academy = addItem(plan.institutions, blank.institution());
			Object.assign(academy, { id: 'inst-academy', name: 'Peacekeeping Training Academy' });
			const police = addItem(plan.institutions, blank.institution());
			Object.assign(police, { id: 'inst-police-college', name: 'Police College' });
			const action = addItem(plan.pillars[1].objectives[0].actions, blank.action());
			Object.assign(action, {
				description: 'Pre-deployment training',
				responsibleId: 'inst-police-college'
			});
		});
		file.newInstitution = file.plan.institutions.find((i) => i.id === 'inst-academy');
		const { list } = propose(master, [file]);
		const decisions: Decisions = {};
		for (const p of list)
			if (p.type === 'add' && p.diff.kind === 'action') decisions[p.key] = 'accept';
		const { plan, summary } = applyMerge(master, [file], list, decisions);
		expect(plan.institutions.slice(master.institutions.length).map((i) => i.name)).toEqual([
			'Peacekeeping Training Academy',
			'Police College'
		]);
		expect(summary.institutions).toBe(2);
		expect(plan.pillars[1].objectives[0].actions.at(-1)?.contributedBy).toBe('inst-academy');
	});
});

describe('deciding', () => {
	it('accepts every addition and change of one file, leaving its removals, the other files and conflicts undecided', () => {
		const master = samplePlan();
		const a = contribution(master, 'a', '', (plan) => {
			plan.overview.goal = 'Goal A';
			plan.overview.vision = 'Vision A';
			addItem(plan.institutions, blank.institution()).name = 'Ministry of Health';
			plan.consultation.events.splice(0, 1);
		});
		const b = contribution(master, 'b', '', (plan) => (plan.overview.goal = 'Goal B'));
		const { list } = propose(master, [a, b]);
		const decisions = acceptAll(list, 'a', {});
		expect(list.filter((p) => decisions[p.key]).map((p) => p.type)).toEqual(['change', 'add']);
		expect(undecidedConflicts(list, decisions)).toBe(1);
	});

	it('counts as accepted an item accepted and a conflict settled with a file’s value, not one kept as the master has it', () => {
		const master = samplePlan();
		const a = contribution(master, 'a', '', (plan) => {
			plan.overview.goal = 'Goal A';
			plan.overview.vision = 'Vision A';
		});
		const b = contribution(master, 'b', '', (plan) => (plan.overview.goal = 'Goal B'));
		const { list } = propose(master, [a, b]);
		const [conflict] = ofType(list, 'conflict');
		const [change] = ofType(list, 'change');
		const accepted = (decisions: Decisions) => list.filter((p) => isAccepted(p, decisions)).length;
		expect(accepted({})).toBe(0);
		expect(accepted({ [change.key]: 'accept', [conflict.key]: 'master' })).toBe(1);
		expect(accepted({ [change.key]: 'reject', [conflict.key]: fromContribution('b') })).toBe(1);
		expect(accepted({ [change.key]: 'accept', [conflict.key]: fromContribution('a') })).toBe(2);
		expect(contributionOf(fromContribution('b'))).toBe('b');
		expect(contributionOf('master')).toBe('');
		// The merge applies what is counted: the goal from file b.
		const { plan } = applyMerge(master, [a, b], list, { [conflict.key]: fromContribution('b') });
		expect(plan.overview.goal).toBe('Goal B');
	});
});

describe('what applying a merge must not lose', () => {
	it('waits while one file’s accepted change and another’s accepted removal hit the same action', () => {
		const master = samplePlan();
		const target = master.pillars[0].objectives[0].actions[0];
		const a = contribution(
			master,
			'a',
			'inst-defence',
			(plan) => (plan.pillars[0].objectives[0].actions[0].endYear = 2030)
		);
		const b = contribution(master, 'b', 'inst-justice', (plan) =>
			plan.pillars[0].objectives[0].actions.splice(0, 1)
		);
		const { list } = propose(master, [a, b]);
		const decisions = acceptEvery(list);
		expect(changedAndRemoved(list, decisions)).toBe(1);
		const removal = list.find((p) => p.type === 'remove' && p.diff.id === target.id)!;
		expect(changedAndRemoved(list, { ...decisions, [removal.key]: 'reject' })).toBe(0);
	});

	it('waits for the institution a file comes from once any of its items is accepted', () => {
		const master = samplePlan();
		const file = contribution(
			master,
			'a',
			'',
			(plan) => (plan.pillars[0].objectives[0].title = 'A sharper objective')
		);
		const { list } = propose(master, [file]);
		expect(withoutSender([file], list, {})).toBe(0);
		expect(withoutSender([file], list, acceptEvery(list))).toBe(1);
		expect(
			withoutSender([{ ...file, institutionId: 'inst-defence' }], list, acceptEvery(list))
		).toBe(0);
	});

	it('refers to the master’s institution when a file has the same one under another id', () => {
		const master = samplePlan();
		const defence = master.institutions.find((i) => i.id === 'inst-defence')!;
		const file = contribution(master, 'a', 'inst-defence', (plan) => {
			const own = plan.institutions.find((i) => i.id === 'inst-defence')!;
			own.id = 'inst-defence-copy'; // the same ministry, re-created in the file
			const action = addItem(plan.pillars[0].objectives[0].actions, blank.action());
			action.description = 'Gender advisers in every operational headquarters';
			action.responsibleId = own.id;
			plan.pillars[0].objectives[0].actions[0].partnerIds = [own.id];
		});
		const { list } = propose(master, [file]);
		const { plan, summary } = applyMerge(master, [file], list, acceptAll(list, 'a', {}));
		const addition = list.find(
			(p): p is Extract<Proposal, { type: 'add' | 'change' | 'remove' }> =>
				p.type === 'add' && p.diff.kind === 'action'
		)!;
		const added = findAction(plan, addition.diff.id)!.action;
		expect(added.responsibleId).toBe(defence.id);
		expect(plan.pillars[0].objectives[0].actions[0].partnerIds).toEqual([defence.id]);
		expect(plan.institutions.filter((i) => i.name === defence.name)).toHaveLength(1);
		expect(summary.institutions).toBe(0);
	});

	it('brings in the comments, replies and resolutions of a file reviewed elsewhere, whatever is accepted', () => {
		const master = samplePlan();
		const at = new Date('2026-11-20T10:00:00Z').toISOString();
		master.comments.push({
			id: 'c-1',
			target: 'section',
			targetId: 'context',
			field: '',
			author: 'Amina Diallo',
			createdAt: at,
			text: 'Baseline year?',
			replies: [],
			resolved: false,
			resolvedBy: '',
			resolvedAt: ''
		});
		const file = contribution(master, 'a', 'inst-parliament', (plan) => {
			plan.comments[0].replies.push({
				id: 'r-1',
				author: 'Drafting team',
				createdAt: at,
				text: '2025.'
			});
			Object.assign(plan.comments[0], {
				resolved: true,
				resolvedBy: 'Amina Diallo',
				resolvedAt: at
			});
			plan.comments.push({
				id: 'c-2',
				target: 'objective',
				targetId: plan.pillars[0].objectives[0].id,
				field: '',
				author: 'Committee clerk',
				createdAt: at,
				text: 'Who leads this?',
				replies: [],
				resolved: false,
				resolvedBy: '',
				resolvedAt: ''
			});
		});
		const { list } = propose(master, [file]);
		expect(list).toEqual([]); // comments are not content to accept or reject
		const { plan, summary } = applyMerge(master, [file], list, {});
		expect(summary.comments).toBe(2);
		expect(plan.comments.map((c) => c.id)).toEqual(['c-1', 'c-2']);
		expect(plan.comments[0]).toMatchObject({
			resolved: true,
			resolvedBy: 'Amina Diallo',
			replies: [{ id: 'r-1', text: '2025.' }]
		});
		expect(master.comments[0].replies).toEqual([]); // the master itself is untouched
		expect(planSchema.safeParse(plan).success).toBe(true);
	});
});
