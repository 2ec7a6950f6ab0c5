// The drafts repository over a real IndexedDB implementation (fake-indexeddb): whatever is stored
// opens, listed drafts open, a repaired draft keeps its original aside, and a full list is refused.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { readDraftFile, writeDraftFile } from '../plan/file.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import type { Repair } from '../plan/guard.ts';
import { DraftsRepository, onRepaired, StorageError, summarise } from './drafts.ts';
import { VersionsRepository } from './versions.ts';

const sample = samplePlan('en');
let databases = 0;
const fresh = () => DraftsRepository.open(`test-${++databases}`);

/** Writes a record straight into the drafts store, as a bug or an older app might have. */
async function storeRaw(repo: DraftsRepository, record: unknown) {
	await repo.db.put('drafts', record as Plan);
}

const ids = (plan: Plan) => JSON.stringify(plan).match(/"id":"[^"]*"/g) ?? [];

describe('opening a stored draft the schema refuses', () => {
	it('opens it with the broken value repaired, lists it, and keeps what was stored aside', async () => {
		const repo = await fresh();
		const broken = {
			...structuredClone(sample),
			id: 'broken',
			overview: { ...sample.overview, adoptionDate: '0270-01-01' }
		};
		await storeRaw(repo, broken);
		expect((await repo.list()).map((d) => d.id)).toEqual(['broken']);
		const opened = await repo.open('broken');
		expect(opened?.plan.overview.adoptionDate).toBe('');
		expect(opened?.plan.overview.title).toBe(sample.overview.title);
		expect(opened?.repairs).toMatchObject([
			{ path: ['overview', 'adoptionDate'], kind: 'reset', was: '"0270-01-01"' }
		]);
		const rescued = await repo.db.getAllFromIndex('rescued', 'planId', 'broken');
		expect(rescued).toHaveLength(1);
		expect((rescued[0].original as Plan).overview.adoptionDate).toBe('0270-01-01');
		// The repaired draft replaced the broken one: the next opening has nothing to repair.
		expect((await repo.open('broken'))?.repairs).toEqual([]);
	});

	it('reports the repairs once, whichever way the draft is read (a rename from the drafts list reads it too)', async () => {
		const repo = await fresh();
		const heard: Repair[][] = [];
		const stop = onRepaired((repairs) => heard.push([...repairs]));
		await storeRaw(repo, {
			...structuredClone(sample),
			id: 'heard',
			overview: { ...sample.overview, periodStart: 1492 }
		});
		await repo.get('heard');
		await repo.open('heard');
		await repo.get('heard');
		stop();
		expect(heard).toMatchObject([
			[{ path: ['overview', 'periodStart'], kind: 'reset', shown: '1492' }]
		]);
	});

	it(
		'opens every one of many random schema-violating drafts, and lists each',
		{ timeout: 120_000 },
		async () => {
			const repo = await fresh();
			const wrong = fc.oneof(
				fc.string({ maxLength: 3 }),
				fc.integer(),
				fc.constant(null),
				fc.constant(1850),
				fc.constant('2201-13-01'),
				fc.array(fc.integer(), { maxLength: 2 }),
				fc.object({ maxDepth: 1, maxKeys: 2 })
			);
			const places = [
				['overview', 'adoptionDate'],
				['overview', 'periodStart'],
				['overview', 'resolutions'],
				['overview'],
				['institutions', 0, 'name'],
				['institutions', 0],
				['context', 'baselineFigures', 0, 'year'],
				['consultation', 'events', 0, 'participants', 0, 'women'],
				['pillars', 0, 'objectives', 0, 'actions', 0, 'budget'],
				['pillars', 0, 'objectives', 0, 'actions', 0, 'indicators', 0, 'targetYear'],
				['pillars', 0, 'key'],
				['monitoring', 'midTermReview'],
				['comments'],
				['updatedAt']
			];
			const stored: string[] = [];
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...places), wrong, async (path, value) => {
					const record = structuredClone(sample) as unknown as Record<string | number, unknown>;
					let node = record;
					for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
					node[path[path.length - 1]] = value;
					const id = `d${stored.length}`;
					record.id = id;
					await storeRaw(repo, record);
					stored.push(id);
					const opened = await repo.open(id);
					expect(opened).toBeDefined();
					expect(planSchema.safeParse(opened!.plan).success).toBe(true);
					expect(opened!.plan.id).toBe(id);
				}),
				{ numRuns: 150 }
			);
			expect((await repo.list()).map((d) => d.id).sort()).toEqual(stored.sort());
		}
	);

	it('opens a draft file whose items share ids with fresh ids where they collide', async () => {
		const repo = await fresh();
		const file = structuredClone(sample);
		file.institutions[1].id = file.institutions[0].id;
		const action = file.pillars[0].objectives[0].actions;
		action[1].id = action[0].id;
		const read = readDraftFile(JSON.stringify(file));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(new Set(ids(read.plan)).size).toBe(ids(read.plan).length);
		await repo.put(read.plan);
		expect(new Set(ids((await repo.get(read.plan.id))!)).size).toBe(ids(read.plan).length);
	});

	it('opens a stored plan past a limit of the schema, cut to the limit', async () => {
		const repo = await fresh();
		const plan = structuredClone(sample);
		plan.institutions = Array.from({ length: 5_001 }, (_, i) => ({
			id: `i${i}`,
			name: `I${i}`,
			acronym: '',
			kind: '',
			templateId: ''
		}));
		await repo.put(plan);
		expect((await repo.get(plan.id))?.institutions).toHaveLength(5_000);
		expect(planSchema.safeParse(await repo.db.get('drafts', plan.id)).success).toBe(true);
	});

	it('opens the versions of a draft even when one of them no longer satisfies the schema', async () => {
		const repo = await fresh();
		const versions = new VersionsRepository(repo);
		await repo.put(sample);
		await versions.save(sample, 'Good');
		const bad = await versions.save(sample, 'Bad');
		await repo.db.put('versions', {
			...bad,
			plan: { ...bad.plan, overview: { ...bad.plan.overview, periodEnd: 99999 } } as Plan
		});
		const { versions: list } = await versions.list(sample.id);
		expect(list.map((v) => v.name).sort()).toEqual(['Bad', 'Good']);
		const repaired = list.find((v) => v.name === 'Bad')!;
		expect(repaired.plan.overview.periodEnd).toBeNull();
		expect(repaired.repairs).toMatchObject([
			{ path: ['overview', 'periodEnd'], kind: 'reset', was: '99999' }
		]);
	});

	it('keeps drafts stored by the database version before the rescued store, and opens them', async () => {
		const name = `old-${++databases}`;
		const old = await openDB(name, 2, {
			upgrade(db) {
				db.createObjectStore('drafts', { keyPath: 'id' });
				db.createObjectStore('versions', { keyPath: 'id' }).createIndex('planId', 'planId');
			}
		});
		await old.put('drafts', JSON.parse(writeDraftFile(sample)));
		old.close();
		const repo = await DraftsRepository.open(name);
		expect((await repo.get(sample.id))?.overview.title).toBe(sample.overview.title);
	});
});

describe('listing and opening read a draft the same way', () => {
	it('lists a draft of an older schema as it opens: migrated, not as it was stored', async () => {
		const repo = await fresh();
		// Schema version 1 let a date field through that version 2 no longer reads: its migration clears it.
		const old = {
			...structuredClone(sample),
			id: 'old',
			schemaVersion: 1,
			overview: { ...sample.overview, adoptionDate: '1850-01-01' }
		};
		await storeRaw(repo, old);
		const [listed] = await repo.list();
		const opened = await repo.get('old');
		expect(opened?.overview.adoptionDate).toBe('');
		expect(listed).toEqual(summarise(opened!));
	});

	it('lists only drafts that open, and each listed draft opens', async () => {
		const repo = await fresh();
		await repo.put({ ...structuredClone(sample), id: 'current' });
		await storeRaw(repo, { ...structuredClone(sample), id: 'older', schemaVersion: 1 });
		await storeRaw(repo, { ...structuredClone(sample), id: 'newer', schemaVersion: 99 });
		const listed = (await repo.list()).map((d) => d.id).sort();
		expect(listed).toEqual(['current', 'older']);
		for (const id of listed) expect((await repo.get(id))?.id).toBe(id);
		expect(await repo.get('newer')).toBeUndefined();
	});
});

describe('opening a draft this page stored a moment ago (a shared draft just joined)', () => {
	it('takes the plan as it was stored while the stored draft is still that one, and reads the stored one once it is not', async () => {
		const repo = await fresh();
		const joined = { ...structuredClone(sample), id: 'joined' };
		await repo.put(joined);
		expect(await repo.get('joined', joined)).toBe(joined);
		// Changed since (another tab saved it): the stored draft is read, not the one in hand.
		const saved = {
			...structuredClone(joined),
			overview: { ...joined.overview, title: 'Saved in another tab' },
			updatedAt: new Date(Date.parse(joined.updatedAt) + 1000).toISOString()
		};
		await repo.put(saved);
		const opened = await repo.get('joined', joined);
		expect(opened?.overview.title).toBe('Saved in another tab');
		expect(await repo.get('other', joined)).toBeUndefined();
	});
});

describe('versions that cannot be read, and storage that refuses', () => {
	it('lists a version that no longer parses as one that cannot be read, says why, and leaves it stored as it was', async () => {
		const repo = await fresh();
		const versions = new VersionsRepository(repo);
		await repo.put(sample);
		await versions.save(sample, 'Good', new Date('2027-03-12T10:00:00Z'));
		const later = await versions.save(sample, 'From a newer app', new Date('2027-04-01T10:00:00Z'));
		const stored = { ...later, plan: { ...later.plan, schemaVersion: 99 } as unknown as Plan };
		await repo.db.put('versions', stored);
		const { versions: readable, unreadable } = await versions.list(sample.id);
		expect(readable.map((v) => v.name)).toEqual(['Good']);
		expect(unreadable).toEqual([
			{
				id: later.id,
				planId: sample.id,
				name: 'From a newer app',
				createdAt: '2027-04-01T10:00:00.000Z',
				reason: { key: 'newerVersion', params: { version: 99 } }
			}
		]);
		expect(await repo.db.get('versions', later.id)).toEqual(stored);
	});

	it('lists a stored version that holds no plan at all, repaired as every stored record is, never dropped', async () => {
		const repo = await fresh();
		const versions = new VersionsRepository(repo);
		await repo.put(sample);
		await repo.db.put('versions', {
			id: 'garbage',
			planId: sample.id,
			name: 42,
			createdAt: null,
			plan: 'not a plan'
		} as never);
		const { versions: readable, unreadable } = await versions.list(sample.id);
		expect(unreadable).toEqual([]);
		expect(readable.map((v) => [v.id, v.name, v.createdAt])).toEqual([['garbage', '42', '']]);
		expect(readable[0].repairs?.length).toBeGreaterThan(0);
	});

	it('says storage refused a version, as the drafts say it (not an unknown failure)', async () => {
		const repo = await fresh();
		const versions = new VersionsRepository(repo);
		await repo.put(sample);
		repo.db.close(); // the browser closed the database (storage cleared, a policy)
		const error = await versions.save(sample, 'Lost').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).problem).toBe('refused');
		const draftError = await repo.put(sample).catch((e: unknown) => e);
		expect((draftError as StorageError).problem).toBe('refused');
	});
});
