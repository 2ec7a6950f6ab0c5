// The monitoring area's state: the period it opens on, the institution filter, and entries written with
// the institution that reported them, then saved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { periodsOf } from '../plan/periods.ts';
import type { Plan } from '../plan/schema.ts';
import { DraftSession } from './draft-session.svelte.ts';
import { openingPeriod, Progress } from './progress.svelte.ts';

function plan(): Plan {
	const plan = createPlan({ language: 'en' });
	plan.overview.periodStart = 2027;
	plan.overview.periodEnd = 2029;
	plan.monitoring.reportingCycle = 'annual';
	applyFramework(plan, 'pillars');
	plan.institutions.push(
		{ ...blank.institution(), id: 'defence', name: 'Ministry of Defence' },
		{ ...blank.institution(), id: 'justice', name: 'Ministry of Justice' }
	);
	const objective = addItem(plan.pillars[0].objectives, { ...blank.objective(), title: 'O' });
	addItem(objective.actions, {
		...blank.action(),
		description: 'Recruit',
		responsibleId: 'defence'
	});
	addItem(objective.actions, {
		...blank.action(),
		description: 'Try cases',
		responsibleId: 'justice'
	});
	return plan;
}

describe('openingPeriod', () => {
	const periods = periodsOf(plan());
	it('opens on the period running now, the first before the plan starts, the last after it ends', () => {
		expect(openingPeriod(periods, new Date('2028-05-01'))).toBe('2028');
		expect(openingPeriod(periods, new Date('2026-12-01'))).toBe('2027');
		expect(openingPeriod(periods, new Date('2033-01-01'))).toBe('2029');
		expect(openingPeriod([], new Date())).toBe('');
	});
});

describe('Progress', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows one institution’s actions, and records what it enters as reported by it', async () => {
		const writes: Plan[] = [];
		const progress = new Progress(
			new DraftSession(plan(), async (p) => void writes.push(p)),
			new Date('2028-03-01')
		);
		expect(progress.period).toBe('2028');
		const all = progress.shown.flatMap((p) => p.objectives.flatMap((o) => o.actions));
		expect(all.map((a) => a.description)).toEqual(['Recruit', 'Try cases']);

		progress.institution = 'defence';
		const own = progress.shown.flatMap((p) => p.objectives.flatMap((o) => o.actions));
		expect(own.map((a) => a.description)).toEqual(['Recruit']);
		progress.setAction(own[0].id, { status: 'completed', spent: 1200 });
		progress.setAction(own[0].id, { narrative: 'Campaign run' });
		expect(progress.actionEntry(own[0].id)).toMatchObject({
			status: 'completed',
			spent: 1200,
			narrative: 'Campaign run',
			reportedBy: 'defence',
			period: '2028'
		});
		expect(progress.figures.actions.completed).toBe(1);
		expect(progress.figures.actions.unreported).toBe(1);

		await vi.advanceTimersByTimeAsync(1000);
		expect(writes.at(-1)?.progress.actions).toHaveLength(1);
		// The plan's own text is untouched.
		expect(writes.at(-1)?.pillars[0].objectives[0].actions[0].description).toBe('Recruit');
	});

	it('counts the periods from the plan’s first to the one shown for the plan to date', () => {
		const progress = new Progress(new DraftSession(plan(), async () => {}), new Date('2029-01-01'));
		progress.scope = 'toDate';
		expect(progress.scopePeriods).toEqual(['2027', '2028', '2029']);
		progress.period = '2028';
		expect(progress.scopePeriods).toEqual(['2027', '2028']);
	});

	it('shows a big plan one objective at a time', () => {
		const big = plan();
		for (let o = 0; o < 3; o++) {
			const objective = addItem(big.pillars[1].objectives, {
				...blank.objective(),
				title: `P${o}`
			});
			for (let a = 0; a < 50; a++)
				addItem(objective.actions, { ...blank.action(), description: `A${o}.${a}` });
		}
		const progress = new Progress(new DraftSession(big, async () => {}));
		expect(progress.actionCount).toBe(152);
		expect(progress.paged).toBe(true);
		const shown = () => progress.shown.flatMap((p) => p.objectives.map((o) => o.objective.title));
		expect(shown()).toEqual(['O']);
		progress.objective = progress.objectives[2].objective.id;
		expect(shown()).toEqual(['P1']);
		// One institution's two actions fit on one page.
		progress.institution = 'defence';
		expect(progress.paged).toBe(false);
		expect(shown()).toEqual(['O']);
	});
});
