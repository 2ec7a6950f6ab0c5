// The presentation's state: moves stay within the slides; a captured proposal is saved and shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { DraftSession } from './draft-session.svelte.ts';
import { Presentation } from './presentation.svelte.ts';

/** Participation with three objectives of four actions: more than one slide holds. */
function longPlan(): Plan {
	const plan = createPlan({ language: 'en' });
	applyFramework(plan, 'pillars');
	for (let o = 1; o <= 3; o++) {
		const objective = addItem(plan.pillars[0].objectives, {
			...blank.objective(),
			title: `Objective ${o}`
		});
		for (let a = 1; a <= 4; a++)
			addItem(objective.actions, { ...blank.action(), description: `Action ${o}.${a}` });
	}
	return plan;
}

describe('Presentation', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('moves within the slides only', () => {
		const presentation = new Presentation(new DraftSession(createPlan(), async () => {}), 2);
		expect(presentation.current.id).toBe('context');
		expect(presentation.go(2)).toBe(false);
		expect(presentation.go(-5)).toBe(true);
		expect(presentation.index).toBe(0);
		presentation.go(1_000);
		expect(presentation.index).toBe(presentation.slides.length - 1);
		expect(presentation.current.id).toBe('budget');
	});

	it('saves a captured objective and shows the slide it lands on', async () => {
		const writes: Plan[] = [];
		const plan = longPlan();
		const presentation = new Presentation(new DraftSession(plan, async (p) => void writes.push(p)));
		presentation.go(
			presentation.slides.findIndex((s) => s.id === `pillar:${plan.pillars[0].id}:1`)
		);
		expect(presentation.choices[0].value).toBe('objective');

		const result = presentation.capture(
			presentation.choices[0].target,
			'Women mediators in every peace process'
		);
		expect(result).toMatchObject({ ok: true, ref: '1.4' });
		expect(presentation.current.id).toBe(`pillar:${plan.pillars[0].id}:2`);
		expect(presentation.current.sections.map((s) => s.heading)).toContain(
			'1.4 Women mediators in every peace process'
		);
		await vi.advanceTimersByTimeAsync(1000);
		expect(writes.at(-1)?.pillars[0].objectives[3].title).toBe(
			'Women mediators in every peace process'
		);
	});

	it('keeps the slide and writes nothing when a proposal is refused', async () => {
		const write = vi.fn(async () => {});
		const presentation = new Presentation(new DraftSession(createPlan(), write), 2);
		expect(presentation.capture(presentation.choices[0].target, '   ')).toEqual({
			ok: false,
			error: 'empty'
		});
		expect(presentation.index).toBe(2);
		await vi.advanceTimersByTimeAsync(2000);
		expect(write).not.toHaveBeenCalled();
	});
});
