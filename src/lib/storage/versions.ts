// Named versions of a draft ("Validation workshop, 12 March"): full snapshots kept in the drafts
// database, to compare with each other or with the draft, and to restore. Restoring first keeps the
// draft as it is as a version of its own, so nothing is ever lost.
import { readStoredPlan } from '../plan/file.ts';
import { newId } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { problemOf, StorageError, type Version } from './database.ts';
import { drafts, reportRepairs, type DraftsRepository } from './drafts.ts';

export type { Version } from './database.ts';


const failure = (error: unknown) => (error instanceof StorageError ? error : new StorageError(problemOf(error), error));

export class VersionsRepository {
	private readonly repo: DraftsRepository;

	constructor(repo: DraftsRepository) {
		this.repo = repo;
	}

	private get db() {
		return this.repo.db;
	}

	/** The versions of a draft, newest first. */
	async list(planId: string): Promise<Version[]> {
		const stored = await this.db.getAllFromIndex('versions', 'planId', planId);
		const list: Version[] = [];
		for (const version of stored) {
			const read = readStoredPlan(version.plan);
			if (!read.ok) continue; // made by a newer version of the app: that version lists it
			const repaired: Version = { ...version, name: String(version.name ?? '').slice(0, 200), createdAt: typeof version.createdAt === 'string' ? version.createdAt : '', plan: { ...read.plan, id: planId } };
			if (read.repairs.length) {
				await this.repo.rescue(planId, version, read.repairs, { versions: repaired });
				reportRepairs(read.repairs);
			}
			list.push({ ...repaired, repairs: read.repairs });
		}
		return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	/** Keeps a copy of the plan under a name. */
	async save(plan: Plan, name: string, now = new Date()): Promise<Version> {
		const version = snapshot(plan, name, now);
		try {
			await this.db.put('versions', version);
		} catch (error) {
			throw failure(error);
		}
		return version;
	}

	/** Puts deleted versions back (the undo of a deletion). */
	async putAll(list: readonly Version[]): Promise<void> {
		const tx = this.db.transaction('versions', 'readwrite');
		await Promise.all([...list.map((v) => tx.store.put({ ...v, plan: plainCopy(v.plan) })), tx.done]);
	}

	async delete(id: string): Promise<void> {
		await this.db.delete('versions', id);
	}

	/**
	 * Makes a version the draft again. In one transaction, the draft as it is now becomes a version
	 * named `previousName`, and the version's plan replaces it. Returns both.
	 */
	async restore(version: Version, previousName: string, now = new Date()): Promise<{ plan: Plan; previous: Version | undefined }> {
		const tx = this.db.transaction(['drafts', 'versions'], 'readwrite');
		try {
			const stored = await tx.objectStore('drafts').get(version.planId);
			const current = stored ? readStoredPlan(stored) : undefined;
			const previous = current?.ok ? snapshot(current.plan, previousName, now) : undefined;
			const plan: Plan = { ...plainCopy(version.plan), id: version.planId, updatedAt: now.toISOString() };
			if (previous) await tx.objectStore('versions').put(previous);
			await tx.objectStore('drafts').put(plan);
			await tx.done;
			return { plan, previous };
		} catch (error) {
			throw failure(error);
		}
	}
}

/** A plain copy: the plan may be a Svelte state proxy, which IndexedDB (and structuredClone) cannot clone. */
const plainCopy = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan));

function snapshot(plan: Plan, name: string, now: Date): Version {
	return { id: newId(), planId: plan.id, name: name.trim(), createdAt: now.toISOString(), plan: plainCopy(plan) };
}

/** The app's versions repository, on the drafts database. */
export async function versions(): Promise<VersionsRepository> {
	return new VersionsRepository(await drafts());
}
