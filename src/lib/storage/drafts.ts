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

/**
 * Why a save failed, as a text key under `common.save.`. `elsewhere`: the stored draft was changed by
 * another tab (or page) since this one read or wrote it, and writing would overwrite that.
 */
export type StorageProblem = 'quota' | 'refused' | 'elsewhere' | 'unknown';

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

	/**
	 * Stores a draft. With `base` (the `updatedAt` of the draft as this page last read or wrote it), only
	 * if the stored draft is still that one: read and write are one transaction, so a change another tab
	 * made in between is never overwritten silently (the write fails with `elsewhere` instead).
	 */
	async put(plan: Plan, base?: string): Promise<void> {
		try {
			if (base === undefined) await this.db.put('drafts', plan);
			else {
				const tx = this.db.transaction('drafts', 'readwrite');
				const stored = await tx.store.get(plan.id);
				if (stored && stored.updatedAt !== base) {
					tx.abort();
					await tx.done.catch(() => {});
					throw new StorageError('elsewhere');
				}
				await Promise.all([tx.store.put(plan), tx.done]);
			}
		} catch (error) {
			throw error instanceof StorageError ? error : new StorageError(problemOf(error), error);
		}
		void requestPersistence();
	}

	/**
	 * Reads a draft to edit it after taking it from a tab that did not answer: marks it as read now, in
	 * the same transaction, so that a late write from that tab (based on the draft before) is refused.
	 */
	async claim(id: string): Promise<Plan | undefined> {
		const tx = this.db.transaction('drafts', 'readwrite');
		const stored = await tx.store.get(id);
		// Strictly later than the stored time, even within the same millisecond.
		if (stored) await tx.store.put({ ...stored, updatedAt: new Date(Math.max(Date.now(), Date.parse(stored.updatedAt) + 1)).toISOString() });
		await tx.done;
		return stored ? this.get(id) : undefined;
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
