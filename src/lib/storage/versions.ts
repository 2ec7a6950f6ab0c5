// Named versions of a draft ("Validation workshop, 12 March"): full snapshots kept in the drafts
// database, to compare with each other or with the draft, and to restore. Restoring first keeps the
// draft as it is as a version of its own, so nothing is ever lost.
import { readStoredPlan } from '../plan/file.ts';
import { newId } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { problemOf, StorageError, type Version } from './database.ts';
import { drafts, reportRepairs, type DraftsRepository } from './drafts.ts';

export type { Version } from './database.ts';

/**
 * A stored version the app cannot read (saved by a newer version of the app, or no plan at all): listed
 * with what can be read of it, so that it is never skipped without a word, and left as it is stored.
 */
export interface UnreadableVersion {
	id: string;
	planId: string;
	name: string;
	createdAt: string;
	/** Why, as a text key under `file.` with its parameters; null when no reason is known. */
	reason: { key: string; params: Record<string, string | number> } | null;
}

/** The versions of a draft, newest first: those that open, and those that cannot be read. */
export interface VersionList {
	versions: Version[];
	unreadable: UnreadableVersion[];
}

const failure = (error: unknown) =>
	error instanceof StorageError ? error : new StorageError(problemOf(error), error);

export class VersionsRepository {
	private readonly repo: DraftsRepository;

	constructor(repo: DraftsRepository) {
		this.repo = repo;
	}

	private get db() {
		return this.repo.db;
	}

	/** The versions of a draft, newest first; each that cannot be read is listed as such. */
	async list(planId: string): Promise<VersionList> {
		const stored = await this.db.getAllFromIndex('versions', 'planId', planId);
		const versions: Version[] = [];
		const unreadable: UnreadableVersion[] = [];
		for (const version of stored) {
			const name = String(version.name ?? '').slice(0, 200);
			const createdAt = typeof version.createdAt === 'string' ? version.createdAt : '';
			let read: ReturnType<typeof readStoredPlan>;
			try {
				read = readStoredPlan(version.plan);
			} catch {
				unreadable.push({ id: version.id, planId, name, createdAt, reason: null });
				continue;
			}
			if (!read.ok) {
				unreadable.push({ id: version.id, planId, name, createdAt, reason: read.error });
				continue;
			}
			const repaired: Version = { ...version, name, createdAt, plan: { ...read.plan, id: planId } };
			if (read.repairs.length) {
				await this.repo.rescue(planId, version, read.repairs, { versions: repaired });
				reportRepairs(read.repairs);
			}
			versions.push({ ...repaired, repairs: read.repairs });
		}
		const newestFirst = (a: { createdAt: string }, b: { createdAt: string }) =>
			b.createdAt.localeCompare(a.createdAt);
		return { versions: versions.sort(newestFirst), unreadable: unreadable.sort(newestFirst) };
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
		await Promise.all([
			...list.map((v) => tx.store.put({ ...v, plan: plainCopy(v.plan) })),
			tx.done
		]);
	}

	async delete(id: string): Promise<void> {
		await this.db.delete('versions', id);
	}

	/**
	 * Makes a version the draft again. In one transaction, the draft as it is now becomes a version
	 * named `previousName`, and the version's plan replaces it. Returns both.
	 */
	async restore(
		version: Version,
		previousName: string,
		now = new Date()
	): Promise<{ plan: Plan; previous: Version | undefined }> {
		const tx = this.db.transaction(['drafts', 'versions'], 'readwrite');
		try {
			const stored = await tx.objectStore('drafts').get(version.planId);
			const current = stored ? readStoredPlan(stored) : undefined;
			const previous = current?.ok ? snapshot(current.plan, previousName, now) : undefined;
			const plan: Plan = {
				...plainCopy(version.plan),
				id: version.planId,
				updatedAt: now.toISOString()
			};
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
	return {
		id: newId(),
		planId: plan.id,
		name: name.trim(),
		createdAt: now.toISOString(),
		plan: plainCopy(plan)
	};
}

/** The app's versions repository, on the drafts database. */
export async function versions(): Promise<VersionsRepository> {
	return new VersionsRepository(await drafts());
}
