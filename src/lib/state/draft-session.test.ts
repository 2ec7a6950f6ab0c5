// Autosave: a change is written within a second, even while the typing goes on; a failed write keeps
// the text, says why once, and retries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { StorageError } from '../storage/drafts.ts';
import type { DraftLock } from './draft-lock.svelte.ts';
import {
	DraftSession,
	MAX_WAIT_MS,
	RETRY_DELAY_MS,
	SAVE_DELAY_MS
} from './draft-session.svelte.ts';

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
		expect(writes.at(-1)?.context.situationAnalysis).toBe(
			'Text the drafter must not lose, and more'
		);
	});

	it('flush writes at once, for leaving the page', async () => {
		const write = vi.fn(async () => {});
		const session = new DraftSession(createPlan(), write);
		session.plan.overview.country = 'Lumeria';
		await session.flush();
		expect(write).toHaveBeenCalledTimes(1);
	});

	it('writes a burst of continuous typing at least every second, not only when it stops', async () => {
		const writes: { at: number; text: string }[] = [];
		const session = new DraftSession(
			createPlan(),
			async (plan) => void writes.push({ at: Date.now(), text: plan.overview.vision })
		);
		const start = Date.now();
		const typed: { at: number; text: string }[] = [];
		// A key every 100 ms for 5 s: never a pause of 400 ms.
		for (let i = 0; i < 50; i++) {
			session.plan.overview.vision += 'x';
			session.edited();
			typed.push({ at: Date.now(), text: session.plan.overview.vision });
			await vi.advanceTimersByTimeAsync(100);
		}
		expect(writes.length).toBeGreaterThanOrEqual(5);
		// At any moment, what is stored holds everything typed up to a second before.
		for (let now = start; now <= start + 5000; now += 50) {
			const stored = writes.filter((w) => w.at <= now).at(-1)?.text ?? '';
			const due = typed.filter((k) => k.at <= now - 1000).at(-1)?.text ?? '';
			expect(stored.length, `stored at ${now - start} ms`).toBeGreaterThanOrEqual(due.length);
		}
		// Each key is in a write that began at most the maximum wait after it was typed.
		for (const key of typed.slice(0, -4))
			expect(
				writes.some((w) => w.at <= key.at + MAX_WAIT_MS && w.text.length >= key.text.length),
				`key at ${key.at - start} ms`
			).toBe(true);
		// And the last keys are written once the typing stops.
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
		expect(writes.at(-1)?.text).toBe('x'.repeat(50));
		expect(session.status).toBe('saved');
	});

	it('waits for a pause when the typing is slow, and writes once per pause', async () => {
		const write = vi.fn(async () => {});
		const session = new DraftSession(createPlan(), write);
		session.plan.overview.title = 'A';
		session.edited();
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 50);
		expect(write).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(50);
		expect(write).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(5000);
		expect(write).toHaveBeenCalledTimes(1);
	});

	it('writes what was typed during a slow write within the maximum wait after it', async () => {
		const writes: { began: number; text: string }[] = [];
		const session = new DraftSession(createPlan(), async (plan) => {
			writes.push({ began: Date.now(), text: plan.overview.vision });
			await new Promise((done) => setTimeout(done, 600)); // a big plan on a slow device
		});
		const start = Date.now();
		session.plan.overview.vision = 'a';
		session.edited();
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 100); // the write has begun
		for (let i = 0; i < 20; i++) {
			session.plan.overview.vision += 'b';
			session.edited();
			await vi.advanceTimersByTimeAsync(100);
		}
		expect(writes[0]).toEqual({ began: start + SAVE_DELAY_MS, text: 'a' });
		// The first key typed during that write (at 500 ms) is written as soon as the maximum wait allows:
		// the write in progress is not a reason to wait for a pause.
		expect(writes[1].began).toBe(start + SAVE_DELAY_MS + 100 + MAX_WAIT_MS);
		expect(writes[1].text.length).toBeGreaterThan(1);
		await vi.advanceTimersByTimeAsync(2000);
		expect(writes.at(-1)?.text).toBe('a' + 'b'.repeat(20));
	});

	it('keeps one failure shown while the retries go on, and changes it only when the reason changes', async () => {
		let problem: 'quota' | 'refused' | null = 'quota';
		const statuses = new Set<string>();
		const session = new DraftSession(createPlan(), async () => {
			if (problem) throw new StorageError(problem);
		});
		session.plan.overview.title = 'Kept';
		session.edited();
		await vi.advanceTimersByTimeAsync(1000);
		expect(session.status).toBe('error');
		// Five retries, and typing between them: the status never leaves the failure.
		for (let i = 0; i < 5 * RETRY_DELAY_MS; i += 250) {
			if (i % 1000 === 0) {
				session.plan.overview.title += '.';
				session.edited();
			}
			await vi.advanceTimersByTimeAsync(250);
			statuses.add(`${session.status}:${session.problem}`);
		}
		expect([...statuses]).toEqual(['error:quota']);
		problem = 'refused';
		await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		expect(`${session.status}:${session.problem}`).toBe('error:refused');
		problem = null;
		await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		expect(session.status).toBe('saved');
		expect(session.problem).toBeNull();
	});

	it('tells the store which stored draft each write replaces, and stops writing once another tab changed it', async () => {
		const plan = createPlan();
		const bases: string[] = [];
		const written: string[] = [];
		let changedElsewhere = false;
		const lost = vi.fn();
		const lock = fakeLock({ lost });
		const session = new DraftSession(
			plan,
			async (snapshot, base) => {
				bases.push(base);
				if (changedElsewhere) throw new StorageError('elsewhere');
				written.push(snapshot.updatedAt);
			},
			lock
		);
		const loadedAt = plan.updatedAt;
		session.plan.overview.title = 'One';
		session.edited();
		await vi.advanceTimersByTimeAsync(1000);
		session.plan.overview.title = 'Two';
		session.edited();
		await vi.advanceTimersByTimeAsync(1000);
		expect(bases).toEqual([loadedAt, written[0]]);

		changedElsewhere = true;
		session.plan.overview.title = 'Three';
		session.edited();
		await vi.advanceTimersByTimeAsync(1000);
		expect(session.status).toBe('error');
		expect(session.problem).toBe('elsewhere');
		expect(lost).toHaveBeenCalledTimes(1);
		// No retry would ever succeed without overwriting the other tab: none is made.
		await vi.advanceTimersByTimeAsync(6 * RETRY_DELAY_MS);
		expect(bases).toHaveLength(3);
		expect(session.plan.overview.title).toBe('Three'); // still on screen, for a copy to a file
	});

	it('writes nothing and schedules nothing while another tab edits the draft', async () => {
		const write = vi.fn(async () => {});
		const lock = fakeLock({ canEdit: false, holds: false });
		const session = new DraftSession(createPlan(), write, lock);
		expect(session.readOnly).toBe(true);
		session.plan.overview.title = 'Typed somehow';
		session.edited();
		await session.flush();
		await vi.advanceTimersByTimeAsync(5000);
		expect(write).not.toHaveBeenCalled();
		expect(session.status).toBe('saved');
	});

	it('hands over its last changes when another tab takes over, then writes no more', async () => {
		const writes: string[] = [];
		const lock = fakeLock();
		const session = new DraftSession(
			createPlan(),
			async (p) => void writes.push(p.overview.title),
			lock
		);
		expect(lock.holder).toBe(session);
		session.plan.overview.title = 'Typed just before the other tab took over';
		session.edited();
		expect(session.unsaved()).toBe(true);
		lock.canEdit = false; // handing over: the page is read only, the last write still goes
		expect(await session.handOver()).toBe(true);
		expect(writes).toEqual(['Typed just before the other tab took over']);
		expect(session.unsaved()).toBe(false);
		lock.holds = false;
		await vi.advanceTimersByTimeAsync(5000);
		expect(writes).toHaveLength(1);
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

type FakeLock = DraftLock & { canEdit: boolean; holds: boolean };
/** A lock as the session sees it (whether this tab edits, whether it may write), set by hand. */
function fakeLock(state: Partial<Pick<DraftLock, 'canEdit' | 'holds' | 'lost'>> = {}): FakeLock {
	return {
		canEdit: true,
		holds: true,
		holder: undefined,
		lost() {},
		...state
	} as unknown as FakeLock;
}
