// The home page's drafts list over a real IndexedDB implementation (fake-indexeddb): a rename is
// stored and listed, a deletion takes the versions with it and its undo brings both back, and a
// storage failure is said, with the list left as it was.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { t } from '../i18n/i18n.svelte.ts';
import { drafts, DraftsRepository, StorageError } from '../storage/drafts.ts';
import { VersionsRepository } from '../storage/versions.ts';
import { Attempts } from './attempts.svelte.ts';
import { DraftsManager } from './drafts-manager.svelte.ts';
import { notices } from './notices.svelte.ts';

let databases = 0;
async function withDraft() {
	const repo = await DraftsRepository.open(`manager-${++databases}`);
	const plan = { ...samplePlan('en'), id: 'lumeria' };
	await repo.put(plan);
	await new VersionsRepository(repo).save(plan, 'Validation workshop');
	const manager = new DraftsManager(async () => repo);
	await manager.refresh();
	return { repo, plan, manager };
}

describe('DraftsManager', () => {
	beforeEach(() => (notices.list = []));

	it("lists the app's own drafts: none on a device without any, then each one stored", async () => {
		const empty = new DraftsManager();
		await empty.refresh();
		expect(empty.list).toEqual([]);
		expect(empty.unavailable).toBe(false);
		await (await drafts()).put({ ...samplePlan('en'), id: 'own' });
		const manager = new DraftsManager();
		await manager.refresh();
		expect(manager.list?.map((d) => d.id)).toEqual(['own']);
		await (await drafts()).delete('own');
	});

	it('lists the drafts, and a rename is stored and listed', async () => {
		const { repo, manager, plan } = await withDraft();
		expect(manager.list?.map((d) => d.title)).toEqual([plan.overview.title]);
		expect(await manager.rename('lumeria', 'Third national action plan')).toBe(true);
		expect(manager.list?.map((d) => d.title)).toEqual(['Third national action plan']);
		expect((await repo.get('lumeria'))?.overview.title).toBe('Third national action plan');
		expect(manager.busy).toBe(false);
	});

	it('deletes a draft with its versions, and its undo puts both back', async () => {
		const { repo, manager, plan } = await withDraft();
		expect(await manager.remove(manager.list![0])).toBe(true);
		expect(manager.list).toEqual([]);
		expect(await repo.get('lumeria')).toBeUndefined();
		expect((await new VersionsRepository(repo).list('lumeria')).versions).toEqual([]);
		const [notice] = notices.list;
		expect(notice.message).toBe(t('home.deleted', { title: plan.overview.title }));

		expect(notices.undoLast()).toBe(true);
		await expect.poll(() => manager.list?.map((d) => d.id)).toEqual(['lumeria']);
		expect((await repo.get('lumeria'))?.overview.title).toBe(plan.overview.title);
		expect(
			(await new VersionsRepository(repo).list('lumeria')).versions.map((v) => v.name)
		).toEqual(['Validation workshop']);
	});

	it('says when storage refuses a rename, and keeps the list as it was', async () => {
		const { repo, manager, plan } = await withDraft();
		repo.db.close(); // storage gone from under the page
		expect(await manager.rename('lumeria', 'Lost title')).toBe(false);
		expect(manager.list?.map((d) => d.title)).toEqual([plan.overview.title]);
		expect(notices.list.map((n) => n.tone)).toEqual(['error']);
		expect(manager.busy).toBe(false);
	});

	it('says when the drafts cannot be read at all', async () => {
		const manager = new DraftsManager(() => Promise.reject(new StorageError('refused')));
		await manager.refresh();
		expect(manager.unavailable).toBe(true);
		expect(manager.list).toEqual([]);
	});
});

describe('Attempts', () => {
	beforeEach(() => (notices.list = []));

	it('is busy while an action runs, and tells why storage failed', async () => {
		const attempts = new Attempts();
		let release = () => {};
		const running = attempts.run(() => new Promise<void>((resolve) => (release = resolve)));
		expect(attempts.busy).toBe(true);
		release();
		expect(await running).toBe(true);
		expect(attempts.busy).toBe(false);

		expect(await attempts.run(async () => Promise.reject(new StorageError('quota')))).toBe(false);
		expect(notices.list.map((n) => n.message)).toEqual([
			t('common.save.error', { reason: t('common.save.quota') })
		]);
		expect(attempts.busy).toBe(false);
	});
});
