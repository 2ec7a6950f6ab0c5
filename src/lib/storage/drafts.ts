// The drafts repository: every draft lives in the browser's IndexedDB, on this device only.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { completeness } from '../plan/completeness.ts';
import { parsePlan } from '../plan/file.ts';
import type { Plan } from '../plan/schema.ts';
import type { Version } from './versions.ts';

/** Version 1 held drafts; version 2 adds the named versions of each draft (versions.ts). */
export const DB_VERSION = 2;

export interface DraftsDB extends DBSchema {
	drafts: { key: string; value: Plan };
	versions: { key: string; value: Version; indexes: { planId: string } };
}

export interface DraftSummary {
	id: string;
	title: string;
	country: string;
	updatedAt: string;
	/** 0 to 1. */
	completeness: number;
}

/** Why a save failed, as a text key under `common.save.`. */
export type StorageProblem = 'quota' | 'refused' | 'unknown';

export class StorageError extends Error {
	readonly problem: StorageProblem;

	constructor(problem: StorageProblem, cause?: unknown) {
		super(`Draft storage failed: ${problem}`, { cause });
		this.problem = problem;
	}
}

function problemOf(error: unknown): StorageProblem {
	const name = (error as { name?: string })?.name;
	if (name === 'QuotaExceededError') return 'quota';
	if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError') return 'refused';
	return 'unknown';
}

export function summarise(plan: Plan): DraftSummary {
	return {
		id: plan.id,
		title: plan.overview.title,
		country: plan.overview.country,
		updatedAt: plan.updatedAt,
		completeness: completeness(plan).overall.ratio
	};
}

export class DraftsRepository {
	/** Shared with the versions repository: one database, one connection. */
	readonly db: IDBPDatabase<DraftsDB>;

	private constructor(db: IDBPDatabase<DraftsDB>) {
		this.db = db;
	}

	static async open(name = 'nap-builder'): Promise<DraftsRepository> {
		try {
			const db = await openDB<DraftsDB>(name, DB_VERSION, {
				// Each step runs once: a device that had version 1 keeps its drafts and gains the versions store.
				upgrade(db, oldVersion) {
					if (oldVersion < 1) db.createObjectStore('drafts', { keyPath: 'id' });
					if (oldVersion < 2) db.createObjectStore('versions', { keyPath: 'id' }).createIndex('planId', 'planId');
				}
			});
			return new DraftsRepository(db);
		} catch (error) {
			throw new StorageError(problemOf(error) === 'unknown' ? 'refused' : problemOf(error), error);
		}
	}

	async list(): Promise<DraftSummary[]> {
		const plans = await this.db.getAll('drafts');
		return plans.map(summarise).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	}

	/** A stored draft, brought up to the current schema; undefined when there is none (or it is unreadable). */
	async get(id: string): Promise<Plan | undefined> {
		const stored = await this.db.get('drafts', id);
		const result = stored ? parsePlan(stored) : undefined;
		return result?.ok ? result.plan : undefined;
	}

	async put(plan: Plan): Promise<void> {
		try {
			await this.db.put('drafts', plan);
		} catch (error) {
			throw new StorageError(problemOf(error), error);
		}
		void requestPersistence();
	}

	/** Deletes a draft and its named versions; returns the versions, so that an undo can put them back. */
	async delete(id: string): Promise<Version[]> {
		const tx = this.db.transaction(['drafts', 'versions'], 'readwrite');
		const versions = tx.objectStore('versions');
		const removed = await versions.index('planId').getAll(id);
		await Promise.all([tx.objectStore('drafts').delete(id), ...removed.map((v) => versions.delete(v.id)), tx.done]);
		return removed;
	}
}

let persistenceAsked = false;
/** Asks once per visit that the browser keep drafts even when the device runs short of space. */
async function requestPersistence() {
	if (persistenceAsked || !navigator.storage?.persist) return;
	persistenceAsked = true;
	try {
		if (!(await navigator.storage.persisted())) await navigator.storage.persist();
	} catch {
		// Not granted: drafts are still stored, only not protected from eviction.
	}
}

let repository: Promise<DraftsRepository> | undefined;
/** The app's one repository, opened on first use. */
export function drafts(): Promise<DraftsRepository> {
	repository ??= DraftsRepository.open();
	repository.catch(() => (repository = undefined));
	return repository;
}
