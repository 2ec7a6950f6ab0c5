// Autosave: a change is written within a second; a failed write keeps the text, says why, and retries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { StorageError } from '../storage/drafts.ts';
import { DraftSession } from './draft-session.svelte.ts';

describe('DraftSession', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('saves a change within a second, with the time of the save', async () => {
		const writes: Plan[] = [];
		const session = new DraftSession(createPlan(), async (plan) => void writes.push(plan));
		session.plan.overview.title = 'Plan national';
		session.edited();
		expect(session.status).toBe('pending');
		await vi.advanceTimersByTimeAsync(1000);
		expect(writes).toHaveLength(1);
		expect(writes[0].overview.title).toBe('Plan national');
		expect(writes[0].updatedAt >= session.plan.createdAt).toBe(true);
		expect(session.status).toBe('saved');
	});

	it('does not write when nothing changed', async () => {
		const write = vi.fn(async () => {});
		const session = new DraftSession(createPlan(), write);
		session.edited();
		await vi.advanceTimersByTimeAsync(2000);
		expect(write).not.toHaveBeenCalled();
		expect(session.status).toBe('saved');
	});

	it('keeps what was typed when the device is full, says why, and saves once it can', async () => {
		let full = true;
		const writes: Plan[] = [];
		const session = new DraftSession(createPlan(), async (plan) => {
			if (full) throw new StorageError('quota');
			writes.push(plan);
		});
		session.plan.context.situationAnalysis = 'Text the drafter must not lose';
		session.edited();
		await vi.advanceTimersByTimeAsync(1000);
		expect(session.status).toBe('error');
		expect(session.problem).toBe('quota');
		expect(session.plan.context.situationAnalysis).toBe('Text the drafter must not lose');

		// The drafter keeps typing while storage is full; then space is freed and the retry succeeds.
		session.plan.context.situationAnalysis += ', and more';
		session.edited();
		full = false;
		await vi.advanceTimersByTimeAsync(6000);
		expect(session.status).toBe('saved');
		expect(writes.at(-1)?.context.situationAnalysis).toBe('Text the drafter must not lose, and more');
	});

	it('flush writes at once, for leaving the page', async () => {
		const write = vi.fn(async () => {});
		const session = new DraftSession(createPlan(), write);
		session.plan.overview.country = 'Lumeria';
		await session.flush();
		expect(write).toHaveBeenCalledTimes(1);
	});

	it('a change typed while a write is under way is saved after it, and the status says so meanwhile', async () => {
		const writes: Plan[] = [];
		let finish: () => void = () => {};
		const session = new DraftSession(createPlan(), (plan) => {
			const stored = structuredClone(plan); // as IndexedDB copies what it is given
			return new Promise<void>((resolve) => (finish = () => resolve(void writes.push(stored))));
		});
		session.plan.overview.title = 'First';
		session.edited();
		await vi.advanceTimersByTimeAsync(500);
		expect(session.status).toBe('saving');
		session.plan.overview.title = 'First words, then more';
		session.edited();
		finish();
		await vi.advanceTimersByTimeAsync(0);
		expect(session.status).toBe('pending');
		await vi.advanceTimersByTimeAsync(1000);
		finish();
		await vi.advanceTimersByTimeAsync(0);
		expect(writes.map((plan) => plan.overview.title)).toEqual(['First', 'First words, then more']);
		expect(session.status).toBe('saved');
	});
});
