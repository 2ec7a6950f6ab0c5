// The app's one IndexedDB database and what it holds: its stores, their types, how it is opened and
// upgraded, and how the browser's errors read as problems. drafts.ts and versions.ts both build on it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Repair } from '../plan/guard.ts';
import type { Plan } from '../plan/schema.ts';

/**
 * Version 1 held drafts; version 2 adds the named versions of each draft (versions.ts); version 3
 * adds `rescued`: a stored draft or version that needed repairs, kept there as it was, untouched.
 */
export const DB_VERSION = 3;

/** A named snapshot of a draft ("Validation workshop, 12 March"). */
export interface Version {
	id: string;
	/** The draft it is a version of. */
	planId: string;
	name: string;
	createdAt: string;
	plan: Plan;
	/** What was repaired in its plan when it was read (not stored): a version always opens. */
	repairs?: Repair[];
}

/** What a draft or version held before it was repaired on opening (never shown, deleted with its draft). */
export interface Rescued {
	id: string;
	planId: string;
	at: string;
	repairs: Repair[];
	/** The stored record exactly as it was read. */
	original: unknown;
}

export interface DraftsDB extends DBSchema {
	drafts: { key: string; value: Plan };
	versions: { key: string; value: Version; indexes: { planId: string } };
	rescued: { key: string; value: Rescued; indexes: { planId: string } };
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

/** The one reading of the browser's storage errors. */
export function problemOf(error: unknown): StorageProblem {
	if (error instanceof StorageError) return error.problem;
	const name = (error as { name?: string })?.name;
	if (name === 'QuotaExceededError') return 'quota';
	if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError')
		return 'refused';
	return 'unknown';
}

export async function openDatabase(name: string): Promise<IDBPDatabase<DraftsDB>> {
	try {
		return await openDB<DraftsDB>(name, DB_VERSION, {
			// Each step runs once: a device that had version 1 keeps its drafts and gains the later stores.
			upgrade(db, oldVersion) {
				if (oldVersion < 1) db.createObjectStore('drafts', { keyPath: 'id' });
				if (oldVersion < 2)
					db.createObjectStore('versions', { keyPath: 'id' }).createIndex('planId', 'planId');
				if (oldVersion < 3)
					db.createObjectStore('rescued', { keyPath: 'id' }).createIndex('planId', 'planId');
			}
		});
	} catch (error) {
		// Opening fails only when storage is off or refused (private browsing, a policy).
		throw new StorageError(problemOf(error) === 'unknown' ? 'refused' : problemOf(error), error);
	}
}

/**
 * Whether the device holds no draft (so on every first visit): opens the database as the repository
 * does (creating it the same way), counts, and closes it, without loading the repository and the plan
 * schema it reads drafts with.
 */
export async function holdsNoDraft(name = 'nap-builder'): Promise<boolean> {
	const db = await openDatabase(name);
	try {
		return (await db.count('drafts')) === 0;
	} finally {
		db.close();
	}
}
