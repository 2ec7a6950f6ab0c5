// Bringing the session's plan to the document's: with the plain copy of the plan (`known`) it reads
// only what differs, and ends with the same plan as reading everything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { reconcile } from './reconcile.ts';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

/** A colleague's change: a text edited, an item removed, added or moved, a value replaced. */
function changed(plan: Json, seed: number): Json {
	const next = clone(plan) as ReturnType<typeof samplePlan>;
	const pillar = next.pillars[seed % next.pillars.length];
	const objective = pillar.objectives[seed % pillar.objectives.length];
	switch (seed % 5) {
		case 0:
			objective.title += ' (edited)';
			break;
		case 1:
			objective.actions.splice(0, 1);
			break;
		case 2:
			objective.actions.push({ ...clone(objective.actions[0]), id: `new-${seed}` });
			break;
		case 3:
			next.institutions.reverse();
			break;
		default:
			next.overview.periodEnd = 2040;
	}
	return next as unknown as Json;
}

describe('reconcile', () => {
	it('ends with the same plan, and says the same, whether it is given the plain copy or not', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 3 }), (seeds) => {
				const start = samplePlan('en') as unknown as Json;
				let source = start;
				for (const seed of seeds) source = changed(source, seed);
				const [plain, guided] = [clone(start), clone(start)];
				// An item that stays keeps its object (its keyed block, its focus on the page).
				const institutions = (plan: Json) => (plan as ReturnType<typeof samplePlan>).institutions;
				const first = institutions(guided)[0];
				const said = reconcile(plain, source);
				expect(reconcile(guided, source, clone(start))).toBe(said);
				expect(guided).toEqual(plain);
				expect(guided).toEqual(source);
				expect(institutions(guided).find((i) => i.id === first.id)).toBe(first);
			}),
			{ numRuns: 30 }
		);
	}, 60_000);

	it('changes nothing, and says so, when the plans are the same', () => {
		const plan = samplePlan('en') as unknown as Json;
		const target = clone(plan);
		expect(reconcile(target, clone(plan), clone(plan))).toBe(false);
		expect(target).toEqual(plan);
	});
});
