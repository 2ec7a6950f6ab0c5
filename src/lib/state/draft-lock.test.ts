// One tab edits a draft at a time: two tabs are two copies of the module (each tab has its own),
// sharing the process's Web Locks and BroadcastChannel as tabs of one browser share them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as LockModule from './draft-lock.svelte.ts';

async function tab(): Promise<typeof LockModule> {
	vi.resetModules();
	return import('./draft-lock.svelte.ts');
}

let n = 0;
const draftId = () => `draft-${++n}-${Math.random()}`;
const opened: LockModule.DraftLock[] = [];
async function open(module: typeof LockModule, id: string) {
	const lock = await module.openDraftLock(id);
	opened.push(lock);
	return lock;
}

describe('DraftLock', () => {
	afterEach(() => {
		for (const lock of opened.splice(0)) lock.close();
	});

	it('lets the first tab edit and shows the draft read only in the second', async () => {
		const id = draftId();
		const first = await open(await tab(), id);
		const second = await open(await tab(), id);
		expect(first.editing).toBe('editing');
		expect(second.editing).toBe('elsewhere');
		expect(first.holds).toBe(true);
		expect(second.holds).toBe(false);
		// Another draft is not held back.
		expect((await open(await tab(), draftId())).editing).toBe('editing');
	});

	it('takes over only after the editing tab has saved, and reads the draft after that save', async () => {
		const id = draftId();
		const first = await open(await tab(), id);
		const second = await open(await tab(), id);
		const events: string[] = [];
		first.holder = {
			unsaved: () => true,
			handOver: async () => {
				expect(first.editing).toBe('handing');
				expect(first.holds).toBe(true); // it may still write its last changes
				await new Promise((done) => setTimeout(done, 50));
				events.push('first saved');
				return true;
			}
		};
		await second.takeOver(async (stolen) => {
			expect(stolen).toBe(false);
			expect(second.canEdit).toBe(false); // not before the draft is read again
			events.push('second reads');
		});
		expect(events).toEqual(['first saved', 'second reads']);
		expect(second.editing).toBe('editing');
		expect(first.editing).toBe('taken');
		expect(first.holds).toBe(false);
		// And back again.
		second.holder = { unsaved: () => false, handOver: async () => true };
		await first.takeOver(async () => {});
		expect([first.editing, second.editing]).toEqual(['editing', 'taken']);
	});

	it('says so when the editing tab could not save before letting go', async () => {
		const id = draftId();
		const first = await open(await tab(), id);
		const second = await open(await tab(), id);
		first.holder = { unsaved: () => true, handOver: async () => false };
		await second.takeOver(async () => {});
		expect(first.editing).toBe('takenUnsaved');
		expect(second.editing).toBe('editing');
	});

	it('steals the lock of a tab that does not answer, after a moment, and says it was stolen', async () => {
		const id = draftId();
		// A tab that holds the draft and answers nothing (frozen): here, a bare lock without a channel.
		let stolen: unknown;
		const silent = navigator.locks
			.request(`nap-builder:draft:${id}`, () => new Promise(() => {}))
			.catch((e: unknown) => (stolen = e));
		const second = await open(await tab(), id);
		expect(second.editing).toBe('elsewhere');
		const started = Date.now();
		let wasStolen: boolean | undefined;
		await second.takeOver(async (s) => void (wasStolen = s));
		expect(Date.now() - started).toBeGreaterThanOrEqual((await tab()).ANSWER_MS - 50);
		expect(wasStolen).toBe(true);
		expect(second.editing).toBe('editing');
		await silent;
		expect((stolen as DOMException).name).toBe('AbortError');
	});

	it('stops writing at once when its lock is stolen, and knows whether something was left unsaved', async () => {
		const id = draftId();
		const first = await open(await tab(), id);
		first.holder = { unsaved: () => true, handOver: async () => true };
		await navigator.locks.request(`nap-builder:draft:${id}`, { steal: true }, async () => {
			await vi.waitFor(() => expect(first.editing).toBe('takenUnsaved'));
			expect(first.holds).toBe(false);
		});
	});

	it('lets every tab edit when the browser refuses locks, rather than none', async () => {
		const refuse = vi
			.spyOn(navigator.locks, 'request')
			.mockRejectedValue(new DOMException('Refused', 'SecurityError'));
		try {
			const lock = await open(await tab(), draftId());
			expect(lock.editing).toBe('editing');
			expect(lock.holds).toBe(true);
		} finally {
			refuse.mockRestore();
		}
	});

	it('keeps the lock while the tab moves from one page of the draft to another', async () => {
		const id = draftId();
		const module = await tab();
		const wizard = await module.openDraftLock(id);
		wizard.close(); // the wizard goes, review mode comes
		const review = await open(module, id);
		expect(review).toBe(wizard);
		expect(review.editing).toBe('editing');
	});
});
