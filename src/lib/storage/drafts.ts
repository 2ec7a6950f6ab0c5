// The drafts repository: every draft lives in the browser's IndexedDB, on this device only.
import type { IDBPDatabase } from 'idb';
import { completeness } from '../plan/completeness.ts';
import { readStoredPlan } from '../plan/file.ts';
import type { Repair } from '../plan/guard.ts';
import { SCHEMA_VERSION, type Plan } from '../plan/schema.ts';
import {
	openDatabase,
	problemOf,
	StorageError,
	type DraftsDB,
	type Rescued,
	type Version
} from './database.ts';

import { reportRepairs } from './repaired.ts';

export { problemOf, StorageError, type StorageProblem } from './database.ts';
export { onRepaired, reportRepairs } from './repaired.ts';

/** A draft as it opens: the plan, and what was repaired in it on the way (usually nothing). */
export interface OpenedDraft {
	plan: Plan;
	repairs: Repair[];
}

export interface DraftSummary {
	id: string;
	title: string;
	country: string;
	updatedAt: string;
	/** 0 to 1. */
	completeness: number;
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
		return new DraftsRepository(await openDatabase(name));
	}

	/**
	 * Every draft on the device (each one opens: `open` repairs what needs it). A draft of the current
	 * schema is summarised as it is, without validating it (that took up to 700 ms a 3,000-action draft);
	 * an older or broken one is read as `open` reads it.
	 */
	async list(): Promise<DraftSummary[]> {
		const stored = await this.db.getAll('drafts');
		return stored
			.map((raw) => quickSummary(raw) ?? fullSummary(raw))
			.filter((summary): summary is DraftSummary => summary !== undefined)
			.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	}

	/**
	 * A stored draft, brought up to the current schema; undefined only when there is none. `known` is
	 * the plan as this page stored it a moment ago: still the stored one (the same `updatedAt`), it is
	 * taken as it is, not read and checked again (300 actions took 50 ms to check).
	 */
	async get(id: string, known?: Plan): Promise<Plan | undefined> {
		if (known?.id === id) {
			const stored = await this.db.get('drafts', id);
			if (stored?.updatedAt === known.updatedAt) return known;
		}
		return (await this.open(id))?.plan;
	}

	/**
	 * Opens a stored draft. A value the schema refuses is repaired, the draft as it was is kept in
	 * `rescued`, and the repaired draft replaces it, so it opens the same way next time. Undefined
	 * only when there is no such draft (or it was written by a newer version of the app).
	 */
	async open(id: string): Promise<OpenedDraft | undefined> {
		const stored = await this.db.get('drafts', id);
		if (stored === undefined) return undefined;
		const read = readStoredPlan(stored);
		if (!read.ok) return undefined;
		const plan = { ...read.plan, id };
		if (read.repairs.length > 0) await this.rescue(id, stored, read.repairs, { drafts: plan });
		reportRepairs(read.repairs);
		return { plan, repairs: read.repairs };
	}

	/**
	 * Keeps what was stored before a repair in `rescued`, and puts the repaired record in its place, in
	 * one transaction. A refused write leaves both as they were: the repaired plan is open in memory,
	 * and the next save stores it.
	 */
	async rescue(
		planId: string,
		original: unknown,
		repairs: Repair[],
		replacement: { drafts: Plan } | { versions: Version }
	): Promise<void> {
		const at = new Date().toISOString();
		const rescued: Rescued = {
			id: `${planId}:${at}:${Math.random().toString(36).slice(2, 8)}`,
			planId,
			at,
			repairs,
			original
		};
		try {
			const tx = this.db.transaction(['rescued', 'drafts', 'versions'], 'readwrite');
			const put =
				'drafts' in replacement
					? tx.objectStore('drafts').put(replacement.drafts)
					: tx.objectStore('versions').put(replacement.versions);
			await Promise.all([tx.objectStore('rescued').put(rescued), put, tx.done]);
		} catch {
			// See above: nothing is lost, the repair is simply made again on the next opening.
		}
	}

	/**
	 * Stores a draft. With `base` (the `updatedAt` of the draft as this page last read or wrote it), only
	 * if the stored draft is still that one: read and write are one transaction, so a change another tab
	 * made in between is never overwritten silently (the write fails with `elsewhere` instead).
	 * It is not validated here: a 3,000-action plan takes some 200 ms to validate, too long for every
	 * autosave. The doors keep the plan valid instead (fields, list limits, merge, the library, files),
	 * and `open` repairs whatever slipped past them.
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
		if (stored)
			await tx.store.put({
				...stored,
				updatedAt: new Date(Math.max(Date.now(), Date.parse(stored.updatedAt) + 1)).toISOString()
			});
		await tx.done;
		return stored ? this.get(id) : undefined;
	}

	/** Deletes a draft and its named versions; returns the versions, so that an undo can put them back. */
	async delete(id: string): Promise<Version[]> {
		const tx = this.db.transaction(['drafts', 'versions', 'rescued'], 'readwrite');
		const versions = tx.objectStore('versions');
		const rescued = tx.objectStore('rescued');
		const [removed, rescuedKeys] = await Promise.all([
			versions.index('planId').getAll(id),
			rescued.index('planId').getAllKeys(id)
		]);
		await Promise.all([
			tx.objectStore('drafts').delete(id),
			...removed.map((v) => versions.delete(v.id)),
			...rescuedKeys.map((k) => rescued.delete(k)),
			tx.done
		]);
		return removed;
	}
}

function quickSummary(raw: unknown): DraftSummary | undefined {
	const plan = raw as Plan;
	if (
		plan?.schemaVersion !== SCHEMA_VERSION ||
		typeof plan.id !== 'string' ||
		typeof plan.updatedAt !== 'string'
	)
		return undefined;
	try {
		const summary = summarise(plan);
		const texts = [summary.title, summary.country].every((text) => typeof text === 'string');
		return texts && Number.isFinite(summary.completeness) ? summary : undefined;
	} catch {
		return undefined; // a shape the checks cannot walk: read it in full
	}
}

function fullSummary(raw: unknown): DraftSummary | undefined {
	const read = readStoredPlan(raw);
	return read.ok ? { ...summarise(read.plan), id: String((raw as Plan).id) } : undefined;
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
