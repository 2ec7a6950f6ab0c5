import { describe, expect, it } from 'vitest';
import {
	addItem,
	applyFramework,
	blank,
	budgetBy,
	budgetTotals,
	createPlan,
	duplicateItem,
	moveActionTo,
	moveItem,
	referencesTo,
	removeInstitution,
	removeItem
} from './operations.ts';
import { institutionFieldsOf, partsOf } from './fields.ts';
import { planSchema, type Plan } from './schema.ts';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';

/** A plan with one pillar, one objective and two actions, for the tests below. */
function smallPlan(): Plan {
	const plan = createPlan({ language: 'fr' });
	applyFramework(plan, 'pillars');
	const objective = addItem(plan.pillars[0].objectives, blank.objective());
	objective.title = 'Women in peace negotiations';
	const a = addItem(objective.actions, blank.action());
	a.description = 'Train mediators';
	const b = addItem(objective.actions, blank.action());
	b.description = 'Appoint women negotiators';
	return plan;
}

describe('createPlan', () => {
	it('makes a plan the schema accepts, with defaults everywhere', () => {
		const plan = createPlan({ language: 'es' });
		expect(planSchema.parse(plan)).toEqual(plan);
		expect(plan.overview.status).toBe('draft');
		expect(plan.overview.resolutions).toEqual(['1325']);
		expect(plan.overview.documentLanguages).toEqual(['es']);
		expect(plan.pillars).toEqual([]);
	});

	it('gives every plan its own id', () => {
		expect(createPlan().id).not.toBe(createPlan().id);
	});
});

describe('lists', () => {
	it('adds at the end or at an index', () => {
		const list = [{ id: 'a' }, { id: 'b' }];
		addItem(list, { id: 'c' });
		addItem(list, { id: 'z' }, 0);
		expect(list.map((i) => i.id)).toEqual(['z', 'a', 'b', 'c']);
	});

	it('moves up and down, and refuses to move past either end', () => {
		const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(moveItem(list, 'c', -1)).toBe(true);
		expect(list.map((i) => i.id)).toEqual(['a', 'c', 'b']);
		expect(moveItem(list, 'a', -1)).toBe(false);
		expect(moveItem(list, 'b', 1)).toBe(false);
		expect(list.map((i) => i.id)).toEqual(['a', 'c', 'b']);
	});

	it('removes with an undo that puts the item back in its place', () => {
		const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		const undo = removeItem(list, 'b');
		expect(list.map((i) => i.id)).toEqual(['a', 'c']);
		undo();
		expect(list.map((i) => i.id)).toEqual(['a', 'b', 'c']);
		undo(); // a second undo does not duplicate it
		expect(list).toHaveLength(3);
	});

	it('duplicates deeply with fresh ids, right after the original', () => {
		const plan = smallPlan();
		const objective = plan.pillars[0].objectives[0];
		objective.actions[0].indicators.push(blank.indicator());
		const copy = duplicateItem(plan.pillars[0].objectives, objective.id)!;
		expect(plan.pillars[0].objectives[1]).toBe(copy);
		expect(copy.title).toBe(objective.title);
		expect(copy.id).not.toBe(objective.id);
		expect(copy.actions.map((a) => a.description)).toEqual([
			'Train mediators',
			'Appoint women negotiators'
		]);
		expect(copy.actions[0].id).not.toBe(objective.actions[0].id);
		expect(copy.actions[0].indicators[0].id).not.toBe(objective.actions[0].indicators[0].id);
		// editing the copy leaves the original alone
		copy.actions[0].description = 'changed';
		expect(objective.actions[0].description).toBe('Train mediators');
	});
});

describe('actions', () => {
	it('moves an action to another objective', () => {
		const plan = smallPlan();
		const target = addItem(plan.pillars[1].objectives, blank.objective());
		const action = plan.pillars[0].objectives[0].actions[0];
		expect(moveActionTo(plan, action.id, target.id)).toBe(true);
		expect(plan.pillars[0].objectives[0].actions).toHaveLength(1);
		expect(target.actions[0]).toBe(action);
	});
});

describe('institutions', () => {
	it('are referenced by id, so a rename shows everywhere, and removal clears references with undo', () => {
		const plan = smallPlan();
		const ministry = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Defence'
		});
		const [a, b] = plan.pillars[0].objectives[0].actions;
		plan.overview.leadInstitutionId = ministry.id;
		a.responsibleId = ministry.id;
		b.partnerIds.push(ministry.id);
		const body = addItem(plan.coordination.bodies, blank.coordinationBody());
		body.memberIds.push(ministry.id);
		expect(referencesTo(plan, ministry.id)).toBe(4);

		const undo = removeInstitution(plan, ministry.id);
		expect(plan.institutions).toHaveLength(0);
		expect(a.responsibleId).toBe('');
		expect(b.partnerIds).toEqual([]);
		expect(body.memberIds).toEqual([]);
		expect(plan.overview.leadInstitutionId).toBe('');

		undo();
		expect(plan.institutions[0].name).toBe('Ministry of Defence');
		expect(referencesTo(plan, ministry.id)).toBe(4);
		expect(a.responsibleId).toBe(ministry.id);
	});

	it('clears an institution from every field that names institutions, and the undo puts the plan back as it was', () => {
		const plan = samplePlan();
		const named = (id: string) =>
			[...partsOf(plan)].flatMap((part) =>
				[...institutionFieldsOf(part)].filter(({ value }) =>
					Array.isArray(value) ? value.includes(id) : value === id
				)
			);
		const [most] = plan.institutions
			.map((i) => i.id)
			.sort((x, y) => named(y).length - named(x).length);
		const before = JSON.stringify(plan);
		expect(referencesTo(plan, most)).toBe(named(most).length);
		expect(named(most).length).toBeGreaterThan(1);
		const undo = removeInstitution(plan, most);
		expect(named(most)).toEqual([]);
		undo();
		expect(JSON.stringify(plan)).toBe(before);
	});
});

describe('applyFramework', () => {
	it('sets up the four pillars, optionally with coordination and accountability', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars', { coordination: true });
		expect(plan.pillars.map((p) => p.key)).toEqual([
			'participation',
			'protection',
			'prevention',
			'relief-recovery',
			'coordination-accountability'
		]);
	});

	it('switching framework keeps pillars that hold objectives and drops empty ones', () => {
		const plan = smallPlan(); // participation has an objective
		applyFramework(plan, 'pillars', { coordination: true });
		applyFramework(plan, 'system-wide');
		expect(plan.pillars.map((p) => p.key)).toEqual([
			'prevention',
			'participation',
			'protection',
			'relief-recovery',
			'normative'
		]);
		expect(plan.pillars[1].objectives[0].title).toBe('Women in peace negotiations');
	});

	it('the plan’s own structure gives a first pillar to name, and keeps the pillars a plan already has', () => {
		const plan = createPlan();
		applyFramework(plan, 'custom');
		expect(plan.framework).toBe('custom');
		expect(plan.pillars).toHaveLength(1);
		expect(plan.pillars[0]).toMatchObject({ key: '', name: '', objectives: [] });
		expect(planSchema.safeParse(plan).success).toBe(true);
		applyFramework(plan, 'custom');
		expect(plan.pillars).toHaveLength(1);

		const framed = smallPlan();
		const before = framed.pillars.map((p) => p.id);
		applyFramework(framed, 'custom');
		expect(framed.pillars.map((p) => p.id)).toEqual(before);
	});
});

describe('budget totals', () => {
	it('adds amounts by pillar, institution and source, never across currencies', () => {
		const plan = smallPlan();
		const [a, b] = plan.pillars[0].objectives[0].actions;
		const other = addItem(plan.pillars[1].objectives, blank.objective());
		const c = addItem(other.actions, blank.action());
		a.responsibleId = 'mod';
		b.responsibleId = 'mod';
		c.responsibleId = 'mfa';
		Object.assign(a.budget, { amount: 1000, source: 'national-budget', secured: true });
		Object.assign(b.budget, { amount: 500.5, source: 'development-partners' });
		Object.assign(c.budget, { amount: 200, currency: 'EUR', source: 'national-budget' });

		const byInstitution = budgetBy(plan, 'institution');
		expect(byInstitution).toContainEqual({
			key: 'mod',
			currency: 'USD',
			amount: 1500.5,
			secured: 1000,
			actions: 2
		});
		expect(byInstitution).toContainEqual({
			key: 'mfa',
			currency: 'EUR',
			amount: 200,
			secured: 0,
			actions: 1
		});

		const bySource = budgetBy(plan, 'source');
		expect(bySource.find((r) => r.key === 'national-budget' && r.currency === 'USD')?.amount).toBe(
			1000
		);

		const byPillar = budgetBy(plan, 'pillar');
		expect(byPillar.find((r) => r.key === plan.pillars[0].id)?.amount).toBe(1500.5);

		expect(budgetTotals(plan)).toEqual([
			{ key: '', currency: 'USD', amount: 1500.5, secured: 1000, actions: 2 },
			{ key: '', currency: 'EUR', amount: 200, secured: 0, actions: 1 }
		]);
	});

	it('leaves actions without an amount out of the totals', () => {
		const plan = smallPlan();
		expect(budgetTotals(plan)).toEqual([]);
	});
});
