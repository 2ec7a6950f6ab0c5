// The guard: a stored draft the schema refuses opens repaired, field by field, with every repair
// reported; ids are unique; nothing the schema accepts is changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { planProblem, repairPlan, uniqueIds, type Path } from './guard.ts';
import { placeOf } from './places.ts';
import { planSchema, type Plan } from './schema.ts';

const sample = samplePlan('en');

function setAt(root: unknown, path: Path, value: unknown): unknown {
	const copy = structuredClone(root) as Record<string | number, unknown>;
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path[path.length - 1]] = value;
	return copy;
}
const valueAt = (root: unknown, path: Path) =>
	path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);

function paths(value: unknown, at: Path = []): Path[] {
	if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
	if (value && typeof value === 'object')
		return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
	return [at];
}
/** Every place of the sample plan below the plan's own identity (format, version, id). */
const samplePaths = paths(sample).filter(
	(p) => p.length > 0 && !['format', 'schemaVersion'].includes(String(p[0]))
);

/** All ids in a plan, in document order. */
const idsOf = (plan: Plan): string[] =>
	paths(plan)
		.filter((p) => p[p.length - 1] === 'id')
		.map((p) => String(valueAt(plan, p)));

describe('repairing a stored draft', () => {
	it('leaves a valid plan exactly as it is, and reports nothing', () => {
		expect(repairPlan(sample)).toEqual({ plan: sample, repairs: [] });
	});

	it('clears an adoption date the schema refuses and says where it was and what it held', () => {
		const broken = setAt(sample, ['overview', 'adoptionDate'], '1850-01-01');
		const { plan, repairs } = repairPlan(broken);
		expect(plan.overview.adoptionDate).toBe('');
		expect(plan.overview.title).toBe(sample.overview.title);
		expect(repairs).toEqual([
			{
				path: ['overview', 'adoptionDate'],
				kind: 'reset',
				was: '"1850-01-01"',
				shown: '1850-01-01'
			}
		]);
		expect(placeOf(repairs[0].path)).toEqual({
			step: 'overview',
			label: 'fields.overview.adoptionDate'
		});
	});

	it('cuts a list past its limit to the limit, keeping the first items, and reports the rest', () => {
		const institutions = Array.from({ length: 5_001 }, (_, i) => ({
			id: `i${i}`,
			name: `Institution ${i}`
		}));
		const { plan, repairs } = repairPlan({ ...sample, institutions });
		expect(plan.institutions).toHaveLength(5_000);
		expect(plan.institutions[4_999].name).toBe('Institution 4999');
		expect(repairs).toMatchObject([{ path: ['institutions'], kind: 'cut' }]);
		expect(repairs[0].was).toContain('Institution 5000');
	});

	it('sets aside an item that has no default to fall back on (a comment with no target), keeping the others', () => {
		const comment = (id: string, target: string) => ({
			id,
			target,
			targetId: 'overview',
			author: 'A',
			createdAt: '2026-01-01T00:00:00.000Z',
			text: id
		});
		const { plan, repairs } = repairPlan({
			...sample,
			comments: [comment('c1', 'section'), comment('c2', 'nonsense'), comment('c3', 'section')]
		});
		expect(plan.comments.map((c) => c.text)).toEqual(['c1', 'c3']);
		expect(repairs).toMatchObject([{ path: ['comments', 1], kind: 'removed' }]);
	});

	it('mends several broken fields of one action without touching its valid ones', () => {
		const action = ['pillars', 0, 'objectives', 0, 'actions', 0];
		let broken = setAt(sample, [...action, 'startYear'], 1492);
		broken = setAt(broken, [...action, 'budget', 'amount'], -5);
		broken = setAt(broken, [...action, 'id'], 42);
		const { plan, repairs } = repairPlan(broken);
		const repaired = plan.pillars[0].objectives[0].actions[0];
		const original = sample.pillars[0].objectives[0].actions[0];
		expect(repaired.startYear).toBeNull();
		expect(repaired.budget.amount).toBeNull();
		expect(repaired.id).not.toBe(original.id);
		expect(repaired.description).toBe(original.description);
		expect(repaired.indicators).toEqual(original.indicators);
		expect(repairs.map((r) => r.path.at(-1)).sort()).toEqual(['amount', 'id', 'startYear']);
		expect(placeOf([...action, 'budget', 'amount'])).toEqual({
			step: 'actions',
			label: 'fields.action.amount'
		});
	});

	it('keeps the rest of a draft whose record holds a value JSON cannot hold (a BigInt)', () => {
		const broken = structuredClone(sample) as unknown as {
			pillars: { objectives: { actions: { budget: { amount: unknown } }[] }[] }[];
		};
		broken.pillars[0].objectives[0].actions[0].budget.amount = 10n;
		const { plan, repairs } = repairPlan(broken);
		expect(plan.overview.title).toBe(sample.overview.title);
		expect(plan.pillars).toHaveLength(sample.pillars.length);
		expect(repairs).toMatchObject([
			{ path: ['pillars', 0, 'objectives', 0, 'actions', 0, 'budget', 'amount'], kind: 'reset' }
		]);
	});

	it('quotes what a field held only when it was a single value, never the JSON of a list or an item', () => {
		const { repairs } = repairPlan({
			...sample,
			institutions: 'Ministry',
			overview: { ...sample.overview, periodStart: 1492 }
		});
		expect(repairs.find((r) => r.path[0] === 'institutions')?.shown).toBe('Ministry');
		const cut = repairPlan({ ...sample, comments: [{ id: 'c', target: 'nonsense' }] }).repairs;
		expect(cut).toMatchObject([{ kind: 'removed' }]);
		expect(cut[0].shown).toBeUndefined();
	});

	it('turns anything at all into a plan, never throwing', () => {
		for (const value of [null, 42, 'text', [], { format: 'nap-builder.plan' }]) {
			const { plan } = repairPlan(value);
			expect(planSchema.safeParse(plan).success).toBe(true);
		}
	});

	// The property the issue asks for: random schema-violating values anywhere in a stored draft.
	it(
		'opens any draft with values of the wrong type or out of range anywhere, changing only what was broken',
		{ timeout: 60_000 },
		() => {
			const wrong = fc.oneof(
				fc.string({ maxLength: 5 }),
				fc.integer(),
				fc.double(),
				fc.boolean(),
				fc.constant(null),
				fc.constant('x'.repeat(50_001)),
				fc.constant('0270-01-01'),
				fc.constant(-1),
				fc.array(fc.anything(), { maxLength: 3 }),
				fc.dictionary(fc.string({ maxLength: 4 }), fc.anything(), { maxKeys: 3 })
			);
			fc.assert(
				fc.property(
					fc.array(fc.tuple(fc.constantFrom(...samplePaths), wrong), {
						minLength: 1,
						maxLength: 4
					}),
					(changes) => {
						let broken: unknown = sample;
						for (const [path, value] of changes) {
							const parent = valueAt(broken, path.slice(0, -1));
							if (parent && typeof parent === 'object') broken = setAt(broken, path, value);
						}
						const { plan, repairs } = repairPlan(broken);
						expect(planSchema.safeParse(plan).success).toBe(true);
						expect(new Set(idsOf(plan)).size).toBe(idsOf(plan).length);
						// Nothing outside the broken places changes: every part of the plan no change touched is as it was.
						const touched = new Set(changes.map(([path]) => String(path[0])));
						for (const part of Object.keys(sample) as (keyof Plan)[])
							if (!touched.has(part)) expect(plan[part], part).toEqual(sample[part]);
						if (planSchema.safeParse(broken).success)
							expect(repairs.filter((r) => r.kind !== 'reissued')).toEqual([]);
						else expect(repairs.length).toBeGreaterThan(0);
					}
				),
				{ numRuns: 600 }
			);
		}
	);
});

describe('unique ids', () => {
	it('gives a repeated id a fresh one, keeping references on the first holder', () => {
		const plan = structuredClone(sample);
		const [first, second] = plan.institutions;
		second.id = first.id;
		const repairs = uniqueIds(plan);
		expect(repairs).toEqual([
			{ path: ['institutions', 1, 'id'], kind: 'reissued', was: JSON.stringify(first.id) }
		]);
		expect(plan.institutions[1].id).not.toBe(first.id);
		expect(plan.institutions[0].id).toBe(first.id);
		expect(new Set(idsOf(plan)).size).toBe(idsOf(plan).length);
	});

	it('makes every id unique, whatever collides with what', { timeout: 60_000 }, () => {
		const idPaths = paths(sample).filter((p) => p.length > 1 && p[p.length - 1] === 'id');
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...idPaths), fc.constantFrom(...idPaths)), {
					minLength: 1,
					maxLength: 10
				}),
				(pairs) => {
					let plan = structuredClone(sample) as unknown;
					for (const [to, from] of pairs) plan = setAt(plan, to, valueAt(plan, from));
					const copy = plan as Plan;
					uniqueIds(copy);
					expect(new Set(idsOf(copy)).size).toBe(idsOf(copy).length);
					expect(planSchema.safeParse(copy).success).toBe(true);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('planProblem', () => {
	it('names the first place a plan breaks the schema, and nothing for a valid plan', () => {
		expect(planProblem(sample)).toBeNull();
		expect(planProblem(setAt(sample, ['overview', 'periodStart'], 1850))).toMatchObject({
			path: ['overview', 'periodStart']
		});
	});
});
