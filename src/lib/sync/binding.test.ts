import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import {
	fieldsOf,
	itemListsOf,
	partsOf,
	sectionsOf,
	type Field,
	type Kind
} from '../plan/fields.ts';
import { repairPlan } from '../plan/guard.ts';
import { blank, createPlan, moveActionTo, newId } from '../plan/operations.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import {
	applyPlanChange,
	docHasPlan,
	planFromDoc,
	planToDoc,
	PLAN_ROOT,
	REMOVED_KEPT,
	REMOVED_MAX,
	REMOVED_ROOT,
	splice
} from './binding.ts';
import {
	addedItems,
	keepLocalEdits,
	LocalEdits,
	MAX_STORED_ITEMS,
	MAX_STORED_VALUES
} from './concurrent.ts';

// Property tests run many random cases: on a machine shared with other work they take more than the
// default 5 s (a limit on the run, not a figure: speed is measured in npm run bench).
vi.setConfig({ testTimeout: 60_000 });

const clone = (plan: Plan): Plan => structuredClone(plan);

/** Two documents on one plan, as two devices hold it once synced. */
function pair(plan: Plan): [Y.Doc, Y.Doc] {
	const one = new Y.Doc();
	planToDoc(plan, one);
	const two = new Y.Doc();
	Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
	return [one, two];
}

/** Each document receives what the other has and it does not. */
function exchange(one: Y.Doc, two: Y.Doc): void {
	const toTwo = Y.encodeStateAsUpdate(one, Y.encodeStateVector(two));
	const toOne = Y.encodeStateAsUpdate(two, Y.encodeStateVector(one));
	Y.applyUpdate(two, toTwo);
	Y.applyUpdate(one, toOne);
}

/** Applies an edit of the plan as the app makes it: on the plan the document holds, then the difference. */
function edit(doc: Y.Doc, change: (plan: Plan) => void): void {
	const before = planFromDoc(doc);
	const after = clone(before);
	change(after);
	applyPlanChange(doc, before, after);
}

// ----- Random plans, built from the field descriptions: every kind, every field ------------------

const text = fc.string({ maxLength: 12 });
function valueOf(field: Field, institutionIds: string[]): fc.Arbitrary<unknown> {
	switch (field.type) {
		case 'shortText':
		case 'longText':
			return text;
		case 'code':
			return fc.string({ maxLength: 10 });
		case 'year':
			return fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: null });
		case 'number':
			return fc.option(fc.integer({ min: 1, max: 20 }), { nil: null });
		case 'amount':
			return fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null });
		case 'date':
			return fc.constantFrom('', '2025', '2025-03', '2025-03-08');
		case 'boolean':
			return fc.boolean();
		case 'choice':
			// '' where the schema refuses it (a plan's status) is repaired to the default below
			return fc.constantFrom('', ...field.values);
		case 'institution':
			return fc.constantFrom('', ...institutionIds);
		case 'institutions':
			return fc.subarray(institutionIds);
		case 'resolutions':
		case 'languages':
			return fc.subarray([...field.values]);
		default:
			return fc.constant(undefined);
	}
}

function itemOf(
	kind: Kind,
	depth: number,
	institutionIds: string[]
): fc.Arbitrary<Record<string, unknown>> {
	const record: Record<string, fc.Arbitrary<unknown>> = { id: fc.constant('') };
	for (const field of fieldsOf(kind)) {
		if (field.type === 'rows')
			record[field.key] = fc.array(itemOf(field.of, depth + 1, institutionIds), { maxLength: 2 });
		else if (!field.name.includes('.')) record[field.key] = valueOf(field, institutionIds);
	}
	const groups = fieldsOf(kind).filter((f) => f.name.includes('.'));
	for (const [group] of new Set(groups.map((f) => f.name.split('.')))) {
		const inner: Record<string, fc.Arbitrary<unknown>> = {};
		for (const f of groups.filter((g) => g.name.startsWith(`${group}.`)))
			inner[f.key] = valueOf(f, institutionIds);
		record[group] = fc.record(inner);
	}
	if (kind === 'plan')
		for (const section of sectionsOf())
			record[section.key] = itemOf(section.of, depth, institutionIds);
	for (const list of itemListsOf(kind))
		record[list.key] = fc.array(itemOf(list.of, depth + 1, institutionIds), {
			maxLength: depth < 2 ? 2 : 1
		});
	return fc.record(record).map((value) => {
		delete value.id;
		return value;
	});
}

/** Gives every item a unique id, as the app does. */
function withIds(value: unknown, top = true): unknown {
	if (Array.isArray(value)) return value.map((v) => withIds(v, false));
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = top ? {} : { id: newId() };
		for (const [k, v] of Object.entries(value)) copy[k] = withIds(v, false);
		return copy;
	}
	return value;
}

const institutionIds = ['inst-a', 'inst-b'];
const arbitraryPlan: fc.Arbitrary<Plan> = itemOf('plan', 0, institutionIds).map((value) => {
	const base = createPlan({ now: new Date('2026-01-01T00:00:00Z') });
	const body = withIds(value) as Record<string, unknown>;
	body.institutions = institutionIds.map((id, i) => ({
		...blank.institution(),
		id,
		name: `Ministry ${i}`
	}));
	return repairPlan({
		...base,
		...body,
		comments: [
			{
				id: newId(),
				target: 'section',
				targetId: 'overview',
				createdAt: base.createdAt,
				text: 'A comment',
				replies: [{ id: newId(), createdAt: base.createdAt, text: 'A reply' }]
			}
		]
	}).plan;
});

// ----- Random edits, as the wizard makes them -------------------------------------------------

type Op = { what: number; a: number; b: number; text: string };
const arbitraryOp: fc.Arbitrary<Op> = fc.record({
	what: fc.nat(5),
	a: fc.nat(),
	b: fc.nat(),
	text: fc.string({ minLength: 1, maxLength: 6 })
});

/** Applies one random edit to the plan, in place: typing, a value, an item added, removed, moved. */
function applyOp(plan: Plan, { what, a, b, text }: Op): void {
	const parts = [...partsOf(plan)];
	const part = parts[a % parts.length];
	const texts = fieldsOf(part.kind).filter((f) => f.type === 'shortText' || f.type === 'longText');
	const lists = itemListsOf(part.kind);
	if (what <= 1 && texts.length) {
		const field = texts[b % texts.length];
		const value = field.get(part.item) as string;
		const at = b % (value.length + 1);
		field.set(
			part.item,
			what === 0
				? value.slice(0, at) + text + value.slice(at)
				: value.slice(0, at) + value.slice(at + 1 + (b % 3))
		);
	} else if (what === 2) {
		const field = fieldsOf(part.kind).find(
			(f) => f.type === 'year' || f.type === 'boolean' || f.type === 'choice'
		);
		if (field?.type === 'year') field.set(part.item, 1990 + (b % 50));
		else if (field?.type === 'boolean') field.set(part.item, !field.get(part.item));
		else if (field?.type === 'choice') field.set(part.item, field.values[b % field.values.length]);
	} else if (what === 3 && lists.length) {
		const list = lists[b % lists.length];
		const items = list.get(part.item) as { id: string }[];
		const make = (blank as Record<string, (() => { id: string }) | undefined>)[list.of];
		if (make) items.splice(b % (items.length + 1), 0, make());
	} else if (what === 4 && lists.length) {
		const items = lists[b % lists.length].get(part.item) as unknown[];
		if (items.length) items.splice(b % items.length, 1);
	} else if (what === 5) {
		const actions = plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions));
		const objectives = plan.pillars.flatMap((p) => p.objectives);
		if (actions.length && objectives.length)
			moveActionTo(plan, actions[a % actions.length].id, objectives[b % objectives.length].id);
		else if (lists.length) {
			const items = lists[b % lists.length].get(part.item) as unknown[];
			if (items.length > 1) items.push(items.shift());
		}
	}
}

// ---------------------------------------------------------------------------------------------

describe('a plan in a Y.Doc', () => {
	it('reads back as it was written: the sample plan', () => {
		for (const language of ['en', 'fr', 'es'] as const) {
			const plan = samplePlan(language);
			const doc = new Y.Doc();
			planToDoc(plan, doc);
			expect(planFromDoc(doc)).toEqual(plan);
		}
	});

	it('reads back as it was written: random plans, every kind of field', () => {
		fc.assert(
			fc.property(arbitraryPlan, (plan) => {
				const doc = new Y.Doc();
				planToDoc(plan, doc);
				expect(planFromDoc(doc)).toEqual(plan);
				// and through an encoded update, as another device receives it
				const other = new Y.Doc();
				Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
				expect(planFromDoc(other)).toEqual(plan);
			}),
			{ numRuns: 60 }
		);
	});

	it('holds each text the team types as a Y.Text, a list of items as an array of maps, a choice as its value', () => {
		const plan = samplePlan('en');
		const doc = new Y.Doc();
		planToDoc(plan, doc);
		const root = doc.getMap(PLAN_ROOT);
		const overview = root.get('overview') as Y.Map<unknown>;
		expect(overview.get('title')).toBeInstanceOf(Y.Text);
		expect(overview.get('status')).toBe(plan.overview.status);
		expect(overview.get('resolutions')).toEqual(plan.overview.resolutions);
		const pillars = root.get('pillars') as Y.Array<Y.Map<unknown>>;
		expect(pillars).toBeInstanceOf(Y.Array);
		expect(pillars.get(0).get('id')).toBe(plan.pillars[0].id);
		const action = (
			(pillars.get(0).get('objectives') as Y.Array<Y.Map<unknown>>)
				.get(0)
				.get('actions') as Y.Array<Y.Map<unknown>>
		).get(0);
		expect(action.get('description')).toBeInstanceOf(Y.Text);
		expect((action.get('budget') as Y.Map<unknown>).get('amount')).toBe(
			plan.pillars[0].objectives[0].actions[0].budget.amount
		);
		// comments are not in the plan's map: they have a document (or array) of their own
		expect(root.has('comments')).toBe(false);
		expect(doc.getArray('comments').length).toBe(plan.comments.length);
	});

	it('keeps comments in a document of their own when given one', () => {
		const plan = samplePlan('en');
		plan.comments.push({
			id: newId(),
			target: 'section',
			targetId: 'context',
			field: '',
			author: 'Parliament',
			createdAt: plan.createdAt,
			text: 'Add a baseline',
			replies: [],
			resolved: false,
			resolvedBy: '',
			resolvedAt: ''
		});
		const [planDoc, commentsDoc] = [new Y.Doc(), new Y.Doc()];
		planToDoc(plan, planDoc, { comments: commentsDoc });
		expect(planDoc.getArray('comments').length).toBe(0);
		expect(planFromDoc(planDoc, { comments: commentsDoc })).toEqual(plan);
		const after = clone(plan);
		after.comments[0].resolved = !after.comments[0].resolved;
		applyPlanChange(planDoc, plan, after, { comments: commentsDoc });
		expect(planFromDoc(planDoc, { comments: commentsDoc }).comments[0].resolved).toBe(
			after.comments[0].resolved
		);
	});

	it('a document written by an older version reads as its plan brought up to date', () => {
		const plan = samplePlan('en');
		const doc = new Y.Doc();
		planToDoc(plan, doc);
		// As version 2 of the schema wrote it: the baseline figures under their old name.
		const root = doc.getMap(PLAN_ROOT);
		const context = root.get('context') as Y.Map<unknown>;
		doc.transact(() => {
			root.set('schemaVersion', 2);
			const figures = context.get('baselineFigures') as Y.Array<Y.Map<unknown>>;
			context.set('baselineData', Y.Array.from(figures.toArray().map((f) => f.clone())));
			context.delete('baselineFigures');
		});
		const read = planFromDoc(doc);
		expect(read.context.baselineFigures).toEqual(plan.context.baselineFigures);
		expect(read).toEqual(plan);
	});

	it('an empty document holds no plan, and still reads as one that parses', () => {
		const doc = new Y.Doc();
		expect(docHasPlan(doc)).toBe(false);
		expect(planSchema.safeParse(planFromDoc(doc)).success).toBe(true);
	});
});

describe('applyPlanChange', () => {
	it('writes exactly the change: after it the document reads as the new plan, for random edits', () => {
		fc.assert(
			fc.property(
				arbitraryPlan,
				fc.array(arbitraryOp, { minLength: 1, maxLength: 8 }),
				(plan, ops) => {
					const doc = new Y.Doc();
					planToDoc(plan, doc);
					let before = plan;
					for (const op of ops) {
						const after = clone(before);
						applyOp(after, op);
						applyPlanChange(doc, before, after);
						expect(planFromDoc(doc)).toEqual(after);
						before = after;
					}
				}
			),
			{ numRuns: 80 }
		);
	});

	it('types into a field as a splice of its Y.Text, not a new one', () => {
		const plan = samplePlan('en');
		const doc = new Y.Doc();
		planToDoc(plan, doc);
		const title = (doc.getMap(PLAN_ROOT).get('overview') as Y.Map<unknown>).get('title') as Y.Text;
		const deltas: unknown[] = [];
		title.observe((event) => deltas.push(event.delta));
		edit(doc, (p) => (p.overview.title = `${p.overview.title} 2027`));
		expect((doc.getMap(PLAN_ROOT).get('overview') as Y.Map<unknown>).get('title')).toBe(title);
		expect(deltas).toEqual([[{ retain: plan.overview.title.length }, { insert: ' 2027' }]]);
	});

	it('an unchanged plan writes nothing', () => {
		const plan = samplePlan('fr');
		const doc = new Y.Doc();
		planToDoc(plan, doc);
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		applyPlanChange(doc, plan, clone(plan));
		expect(updates).toEqual([]);
	});

	it('the splice of two texts is the change a keystroke, a paste or a cut makes', () => {
		expect(splice('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' });
		expect(splice('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
		expect(splice('hello world', 'hello brave new world')).toEqual({
			index: 6,
			remove: 0,
			insert: 'brave new '
		});
		expect(splice('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
	});
});

describe('two devices editing at once', () => {
	it('converge on the same plan, and it parses, for random concurrent edits', () => {
		fc.assert(
			fc.property(
				arbitraryPlan,
				fc.array(arbitraryOp, { maxLength: 6 }),
				fc.array(arbitraryOp, { maxLength: 6 }),
				(plan, opsOne, opsTwo) => {
					const [one, two] = pair(plan);
					for (const op of opsOne) edit(one, (p) => applyOp(p, op));
					for (const op of opsTwo) edit(two, (p) => applyOp(p, op));
					exchange(one, two);
					const [a, b] = [planFromDoc(one), planFromDoc(two)];
					expect(a).toEqual(b);
					expect(planSchema.safeParse(a).success).toBe(true);
				}
			),
			{ numRuns: 80 }
		);
	});

	it('two people typing in one long field keep both texts, each whole', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const start = plan.context.situationAnalysis;
		// Keystroke by keystroke, each device at its own end of the field.
		let typed = '';
		for (const ch of 'Defence adds this. ') {
			typed += ch;
			edit(one, (p) => (p.context.situationAnalysis = typed + start));
		}
		typed = '';
		for (const ch of ' Justice adds that.') {
			typed += ch;
			edit(two, (p) => (p.context.situationAnalysis = start + typed));
		}
		exchange(one, two);
		const text = planFromDoc(one).context.situationAnalysis;
		expect(planFromDoc(two).context.situationAnalysis).toBe(text);
		expect(text).toBe(`Defence adds this. ${start} Justice adds that.`);
		expect(text.length).toBe(start.length + 2 * 19);
	});

	it('typing written after a colleague’s typing reached the document, before the plan read it, lands where it was typed', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const start = plan.overview.vision;
		let typed = '';
		let before = planFromDoc(one);
		for (const ch of ' Mine.') {
			// Each keystroke on device one; device two's keystroke reaches it in between, unread by its plan.
			edit(two, (p) => (p.overview.vision = `T${p.overview.vision}`));
			Y.applyUpdate(one, Y.encodeStateAsUpdate(two, Y.encodeStateVector(one)));
			typed += ch;
			const after = { ...clone(before), overview: { ...before.overview, vision: start + typed } };
			applyPlanChange(one, before, after);
			before = after;
		}
		exchange(one, two);
		expect(planFromDoc(one).overview.vision).toBe(`TTTTTT${start} Mine.`);
		expect(planFromDoc(two).overview.vision).toBe(`TTTTTT${start} Mine.`);
	});

	it('an edit in an action deleted meanwhile leaves a valid plan without it', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const action = plan.pillars[0].objectives[0].actions[0];
		edit(one, (p) => (p.pillars[0].objectives[0].actions[0].description += ' (revised)'));
		edit(two, (p) => p.pillars[0].objectives[0].actions.shift());
		exchange(one, two);
		const [a, b] = [planFromDoc(one), planFromDoc(two)];
		expect(a).toEqual(b);
		expect(planSchema.safeParse(a).success).toBe(true);
		expect(a.pillars[0].objectives[0].actions.some((x) => x.id === action.id)).toBe(false);
	});

	it('an edit in a field while another device changes another field of the same item keeps both', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		edit(one, (p) => (p.pillars[0].objectives[0].actions[0].description += ' (revised)'));
		edit(two, (p) => (p.pillars[0].objectives[0].actions[0].startYear = 2031));
		exchange(one, two);
		const action = planFromDoc(one).pillars[0].objectives[0].actions[0];
		expect(action.description.endsWith(' (revised)')).toBe(true);
		expect(action.startYear).toBe(2031);
	});

	it('an action moved into an objective deleted meanwhile leaves a valid plan, the same on both', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const from = plan.pillars[0].objectives[0];
		const into = plan.pillars[1].objectives[0];
		const moved = from.actions[0];
		edit(one, (p) => moveActionTo(p, moved.id, into.id));
		edit(two, (p) => p.pillars[1].objectives.shift());
		exchange(one, two);
		const [a, b] = [planFromDoc(one), planFromDoc(two)];
		expect(a).toEqual(b);
		expect(planSchema.safeParse(a).success).toBe(true);
		expect(a.pillars[1].objectives.some((o) => o.id === into.id)).toBe(false);
	});

	it('one action moved by two people to two objectives is in one of them only, the same on both', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const moved = plan.pillars[0].objectives[0].actions[0];
		edit(one, (p) => moveActionTo(p, moved.id, plan.pillars[1].objectives[0].id));
		edit(two, (p) => moveActionTo(p, moved.id, plan.pillars[2].objectives[0].id));
		exchange(one, two);
		const [a, b] = [planFromDoc(one), planFromDoc(two)];
		expect(a).toEqual(b);
		const places = a.pillars
			.flatMap((p) => p.objectives)
			.filter((o) => o.actions.some((x) => x.id === moved.id));
		expect(places).toHaveLength(1);
	});

	it('an item added by each device keeps both', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const [x, y] = [
			{ ...blank.institution(), name: 'Ministry of Defence' },
			{ ...blank.institution(), name: 'Ministry of Justice' }
		];
		edit(one, (p) => p.institutions.push(x));
		edit(two, (p) => p.institutions.push(y));
		exchange(one, two);
		const names = planFromDoc(one).institutions.map((i) => i.name);
		expect(names).toContain('Ministry of Defence');
		expect(names).toContain('Ministry of Justice');
		expect(planFromDoc(two).institutions.map((i) => i.name)).toEqual(names);
	});
});

/** A device as the app runs one: edits written as differences, changes from elsewhere read back after. */
class Device {
	readonly doc = new Y.Doc();
	readonly edits = new LocalEdits();
	plan: Plan;
	restored: string[] = [];
	constructor(from: Y.Doc) {
		Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(from));
		this.plan = planFromDoc(this.doc);
	}
	/** The same device after a reload: its copy of the document and what it kept beside it, read back. */
	reloaded(): Device {
		const again = new Device(this.doc);
		again.edits.restore(again.doc, JSON.parse(JSON.stringify(this.edits.record())));
		return again;
	}
	edit(change: (plan: Plan) => void): void {
		const after = clone(this.plan);
		change(after);
		applyPlanChange(this.doc, this.plan, after, { edits: this.edits });
		this.plan = after;
	}
	/** What the wizard does once a colleague's change arrived (shared-draft.svelte.ts, #pull). */
	pull(): void {
		const plan = planFromDoc(this.doc);
		const kept = keepLocalEdits(this.doc, this.edits, this.plan, plan);
		if (kept) {
			applyPlanChange(this.doc, plan, kept.plan, { edits: this.edits });
			this.restored.push(...kept.restored);
		}
		this.plan = planFromDoc(this.doc);
	}
}

function sync(...devices: Device[]): void {
	for (const one of devices) for (const two of devices) if (one !== two) exchange(one.doc, two.doc);
	for (const device of devices) device.pull();
	for (const one of devices) for (const two of devices) if (one !== two) exchange(one.doc, two.doc);
	for (const device of devices) device.pull();
}

const actionsOf = (plan: Plan) =>
	plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions));
const actionOf = (plan: Plan, id: string) => actionsOf(plan).find((a) => a.id === id);

/** A plan of three objectives with two actions each, random texts in them. */
const arbitraryActions = fc
	.array(fc.string({ maxLength: 8 }), { minLength: 6, maxLength: 6 })
	.map((texts) => {
		const plan = samplePlan('en');
		plan.pillars = plan.pillars.slice(0, 1);
		const [pillar] = plan.pillars;
		const template = pillar.objectives[0].actions[0];
		pillar.objectives = [0, 1, 2].map((o) => ({
			...structuredClone(pillar.objectives[0]),
			id: newId(),
			actions: [0, 1].map((a) => ({
				...structuredClone(template),
				id: newId(),
				description: texts[o * 2 + a],
				milestones: [],
				indicators: []
			}))
		}));
		return plan;
	});

// What a colleague does to the item being edited: moves it within its objective, to another one, or
// deletes it (or the objective holding it).
type Removal = 'reorder' | 'move' | 'delete' | 'delete objective';
const arbitraryRemoval = fc.constantFrom<Removal>('reorder', 'move', 'delete', 'delete objective');

function remove(plan: Plan, actionId: string, removal: Removal, to: number): void {
	const objectives = plan.pillars[0].objectives;
	const from = objectives.findIndex((o) => o.actions.some((a) => a.id === actionId));
	const actions = objectives[from].actions;
	if (removal === 'reorder') actions.reverse();
	else if (removal === 'move')
		moveActionTo(plan, actionId, objectives[(from + 1 + (to % 2)) % objectives.length].id);
	else if (removal === 'delete')
		actions.splice(
			actions.findIndex((a) => a.id === actionId),
			1
		);
	else objectives.splice(from, 1);
}

describe('an edit in an item a colleague moves or deletes at the same time', () => {
	it('is kept: in the item where it now is, or in the item brought back; the same on both, and it parses', () => {
		fc.assert(
			fc.property(
				arbitraryActions,
				fc.nat(5),
				fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
				arbitraryRemoval,
				fc.nat(),
				fc.boolean(),
				(plan, which, typed, removal, to, colleagueTypes) => {
					const origin = new Y.Doc();
					planToDoc(plan, origin);
					const [me, colleague] = [new Device(origin), new Device(origin)];
					const id = actionsOf(plan)[which].id;
					const start = actionOf(plan, id)!.description;
					let mine = start;
					for (const keys of typed) {
						mine += keys; // keystroke by keystroke, at the end of the description
						me.edit((p) => (actionOf(p, id)!.description = mine));
					}
					me.edit((p) => (actionOf(p, id)!.endYear = 2040));
					// The colleague, not having seen any of it, moves or deletes the action (having typed in
					// it first, perhaps).
					if (colleagueTypes) colleague.edit((p) => (actionOf(p, id)!.description = `☃${start}`));
					colleague.edit((p) => remove(p, id, removal, to));
					sync(me, colleague);
					expect(me.plan).toEqual(colleague.plan);
					expect(planSchema.safeParse(me.plan).success).toBe(true);
					const action = actionOf(me.plan, id);
					expect(action).toBeDefined();
					// Both texts whole (where the colleague's ☃ lands among what was typed here at the same
					// place, when the text was empty, is Yjs's choice); an item deleted comes back as it was
					// here, without what its deleter typed in it before deleting it.
					expect(action!.description.replace('☃', '')).toBe(mine);
					expect(action!.description.includes('☃')).toBe(
						colleagueTypes && !removal.startsWith('delete')
					);
					expect(action!.endYear).toBe(2040);
					expect(actionsOf(me.plan).filter((a) => a.id === id)).toHaveLength(1);
					expect(me.restored.length > 0).toBe(removal.startsWith('delete'));
				}
			),
			{ numRuns: 120 }
		);
	});

	it('is kept through a reload of the device it was made on (offline), before the colleague’s change arrives', () => {
		fc.assert(
			fc.property(
				arbitraryActions,
				fc.nat(5),
				fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
				arbitraryRemoval,
				fc.nat(),
				(plan, which, typed, removal, to) => {
					const origin = new Y.Doc();
					planToDoc(plan, origin);
					const [me, colleague] = [new Device(origin), new Device(origin)];
					const id = actionsOf(plan)[which].id;
					let mine = actionOf(plan, id)!.description;
					for (const keys of typed) {
						mine += keys;
						me.edit((p) => (actionOf(p, id)!.description = mine));
					}
					me.edit((p) => (actionOf(p, id)!.endYear = 2040));
					colleague.edit((p) => remove(p, id, removal, to));
					// The page reloads before the device is back online: another Y.Doc client, same device.
					const reloaded = me.reloaded();
					sync(reloaded, colleague);
					expect(reloaded.plan).toEqual(colleague.plan);
					expect(planSchema.safeParse(reloaded.plan).success).toBe(true);
					const action = actionOf(reloaded.plan, id);
					expect(action?.description).toBe(mine);
					expect(action?.endYear).toBe(2040);
					expect(actionsOf(reloaded.plan).filter((a) => a.id === id)).toHaveLength(1);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('is kept on the device within bounds: the items edited last, the first and last values of a field', () => {
		const plan = samplePlan('en');
		const origin = new Y.Doc();
		planToDoc(plan, origin);
		const me = new Device(origin);
		const first = actionsOf(plan)[0].id;
		for (let i = 0; i < 50; i++)
			me.edit((p) => (actionOf(p, first)!.description += String(i % 10)));
		const record = me.edits.record();
		const field = record.items[0].fields.find((f) => f.path === 'description')!;
		expect(field.values).toHaveLength(MAX_STORED_VALUES);
		expect(field.values[0]).toBe(actionOf(plan, first)!.description);
		expect(field.values.at(-1)).toBe(actionOf(me.plan, first)!.description);
		// A record from elsewhere (another version, a broken one) is read through its schema, never trusted.
		const other = new Device(me.doc);
		other.edits.restore(other.doc, { version: 1, items: 'everything' });
		other.edits.restore(other.doc, null);
		expect(other.edits.record().items).toEqual([]);
		// Many items edited: the last ones are kept.
		for (const action of actionsOf(me.plan).slice(1))
			me.edit((p) => (actionOf(p, action.id)!.description += '!'));
		expect(me.edits.record().items.length).toBeLessThanOrEqual(MAX_STORED_ITEMS);
	});

	it('is not made twice when the colleague had seen it: the move or the delete stands as made', () => {
		fc.assert(
			fc.property(
				arbitraryActions,
				fc.nat(5),
				fc.string({ minLength: 1, maxLength: 5 }),
				arbitraryRemoval,
				fc.nat(),
				(plan, which, typed, removal, to) => {
					const origin = new Y.Doc();
					planToDoc(plan, origin);
					const [me, colleague] = [new Device(origin), new Device(origin)];
					const id = actionsOf(plan)[which].id;
					const mine = actionOf(plan, id)!.description + typed;
					me.edit((p) => (actionOf(p, id)!.description = mine));
					sync(me, colleague); // the colleague sees the edit, then moves or deletes the action
					colleague.edit((p) => remove(p, id, removal, to));
					const expected = clone(colleague.plan);
					sync(me, colleague);
					expect(me.plan).toEqual(expected);
					expect(colleague.plan).toEqual(expected);
					expect(me.restored).toEqual([]);
				}
			),
			{ numRuns: 80 }
		);
	});

	it('a plan written from a stale copy keeps what a colleague added, removed and moved meanwhile', () => {
		const plan = samplePlan('en');
		const [one, two] = pair(plan);
		const stale = planFromDoc(one);
		edit(two, (p) => {
			p.institutions.push({ ...blank.institution(), name: 'Ministry of Defence' });
			p.institutions.shift();
			p.pillars.reverse();
		});
		exchange(one, two);
		const theirs = planFromDoc(one);
		// Device one writes its plan, which has not read the colleague's changes yet, with one edit.
		const mine = clone(stale);
		mine.overview.title = 'Mine';
		applyPlanChange(one, stale, mine);
		expect(planFromDoc(one)).toEqual({
			...theirs,
			overview: { ...theirs.overview, title: 'Mine' }
		});
	});
});

describe('the removals the document remembers', () => {
	it('are bounded: past the limit the oldest are forgotten, the same on every device, and a recent one is kept', () => {
		const plan = createPlan();
		const [one, two] = pair(plan);
		const removedIds: string[] = [];
		let current = planFromDoc(one);
		for (let i = 0; i <= REMOVED_MAX + 50; i++) {
			const added = clone(current);
			const institution = { ...blank.institution(), name: `Ministry ${i}` };
			added.institutions.push(institution);
			applyPlanChange(one, current, added);
			const removed = clone(added);
			removed.institutions.pop();
			applyPlanChange(one, added, removed);
			removedIds.push(institution.id);
			current = removed;
		}
		exchange(one, two);
		const remembered = one.getMap(REMOVED_ROOT);
		expect(remembered.size).toBeGreaterThanOrEqual(REMOVED_KEPT);
		expect(remembered.size).toBeLessThanOrEqual(REMOVED_MAX);
		expect(remembered.has(removedIds[0])).toBe(false);
		expect(remembered.has(removedIds.at(-1)!)).toBe(true);
		expect([...two.getMap(REMOVED_ROOT).keys()].sort()).toEqual([...remembered.keys()].sort());
		expect(planFromDoc(two)).toEqual(planFromDoc(one));
	});

	it('once forgotten, an edit in an item removed that long ago still comes back with it', () => {
		const plan = createPlan();
		plan.institutions.push({ ...blank.institution(), name: 'Ministry of Justice' });
		const origin = new Y.Doc();
		planToDoc(plan, origin);
		const [me, colleague] = [new Device(origin), new Device(origin)];
		const id = plan.institutions.at(-1)!.id;
		me.edit((p) => (p.institutions.find((i) => i.id === id)!.acronym = 'MoJ'));
		colleague.edit((p) => (p.institutions = p.institutions.filter((i) => i.id !== id)));
		colleague.doc.getMap(REMOVED_ROOT).delete(id); // as if forgotten by the time it arrives
		sync(me, colleague);
		expect(me.plan.institutions.find((i) => i.id === id)?.acronym).toBe('MoJ');
		expect(colleague.plan).toEqual(me.plan);
	});
});

describe('the items a person made', () => {
	it('are the items new in the plan, not those moved or edited, found on the path of the change', () => {
		const plan = samplePlan('en');
		const after = clone(plan);
		const made = { ...blank.action(), description: 'New' };
		after.pillars[1].objectives[0].actions.push(made);
		after.pillars[0].objectives[0].actions[0].description += ' (edited)';
		moveActionTo(
			after,
			plan.pillars[0].objectives[0].actions[1].id,
			plan.pillars[2].objectives[0].id
		);
		const paths = addedItems(plan, after);
		expect(paths).toEqual([
			['pillars', 1, 'objectives', 0, 'actions', after.pillars[1].objectives[0].actions.length - 1]
		]);
		expect(addedItems(plan, plan)).toEqual([]);
	});
});
