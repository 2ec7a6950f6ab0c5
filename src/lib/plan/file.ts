// The draft file (.nap.json): what "Save a copy to a file" writes, "Open a file" reads, and the
// command line exports. Reading never throws: it returns the plan or a message key with parameters.
import { repairPlan, uniqueIds, type Repair } from './guard.ts';
import { migrate } from './migrations.ts';
import { FILE_FORMAT, planSchema, SCHEMA_VERSION, type Plan } from './schema.ts';
import { FILE_EXTENSION } from './constants.ts';

export { FILE_EXTENSION };

/**
 * Larger files are refused before parsing (a real plan of 3,000 actions is about 4 MB). The copy the
 * app writes is held to the same limit (`fitsInFile`), so every file the app writes, the app reads.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadResult =
	| { ok: true; plan: Plan }
	| { ok: false; error: { key: string; params: Record<string, string | number> } };

const fail = (key: string, params: Record<string, string | number> = {}): ReadResult => ({
	ok: false,
	error: { key, params }
});

/** The file's text: compact JSON (an indented copy of a large draft was 45 % larger than its data). */
export function writeDraftFile(plan: Plan): string {
	return JSON.stringify(plan);
}

/** Whether the app can open again a file it wrote with this text. */
export function fitsInFile(text: string): boolean {
	return byteLength(text) <= MAX_FILE_BYTES;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * A draft file's bytes as text. Editors on other systems save JSON as UTF-8 with or without a byte
 * order mark, or as UTF-16: the app and the command line read all of them, by this one function.
 */
export function decodeDraftBytes(bytes: Uint8Array): string {
	const [a, b] = bytes;
	let encoding = 'utf-8';
	if (a === 0xff && b === 0xfe) encoding = 'utf-16le';
	else if (a === 0xfe && b === 0xff) encoding = 'utf-16be';
	// No mark, but JSON's first character is ASCII: a zero byte beside it tells UTF-16 and its order.
	else if (bytes.length >= 2 && a !== 0 && b === 0) encoding = 'utf-16le';
	else if (bytes.length >= 2 && a === 0 && b !== 0) encoding = 'utf-16be';
	// TextDecoder drops the byte order mark of its own encoding, and never throws (bad bytes become U+FFFD).
	return new TextDecoder(encoding).decode(bytes);
}

/** Reads a draft file's text. Message keys are under `file.` in the locale files. */
export function readDraftFile(text: string, size = byteLength(text)): ReadResult {
	if (size > MAX_FILE_BYTES) return fail('tooLarge', { max: MAX_FILE_BYTES / 1024 / 1024 });
	if (text.trim() === '') return fail('empty');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return fail('notJson');
	}
	return parsePlan(raw);
}

/** Checks a parsed object (from a file or from storage), brings it up to the current schema and validates it. */
export function parsePlan(raw: unknown): ReadResult {
	if (
		!raw ||
		typeof raw !== 'object' ||
		Array.isArray(raw) ||
		(raw as { format?: unknown }).format !== FILE_FORMAT
	)
		return fail('notDraft');
	const version = (raw as { schemaVersion?: unknown }).schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return fail('notDraft');
	if (version > SCHEMA_VERSION) return fail('newerVersion', { version });
	let migrated: unknown;
	try {
		migrated = migrate(raw as { schemaVersion: number });
	} catch {
		return fail('invalid', { path: 'schemaVersion' });
	}
	const parsed = planSchema.safeParse(migrated);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return fail('invalid', { path: issue.path.map(String).join(' › ') || '—' });
	}
	// Two items with one id would break every keyed list: a colliding item gets an id of its own.
	uniqueIds(parsed.data);
	return { ok: true, plan: parsed.data };
}

export type StoredRead =
	{ ok: true; plan: Plan; repairs: Repair[] } | Extract<ReadResult, { ok: false }>;

/**
 * Reads a draft the app stored (a draft or a version). Unlike a file from outside, it is never
 * refused for a value the schema no longer accepts: that value is repaired and the repair reported.
 * Only a draft written by a newer version of the app is left as it is, to be opened by that version.
 */
export function readStoredPlan(raw: unknown): StoredRead {
	const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
	if (typeof version === 'number' && version > SCHEMA_VERSION)
		return fail('newerVersion', { version }) as StoredRead;
	let migrated: unknown = raw;
	if (typeof version === 'number' && Number.isInteger(version) && version >= 1) {
		try {
			migrated = migrate(raw as { schemaVersion: number });
		} catch {
			migrated = raw; // a step that cannot read it: the repair below keeps what the schema accepts
		}
	}
	const parsed = planSchema.safeParse(migrated);
	if (parsed.success) {
		const reissued = uniqueIds(parsed.data);
		return { ok: true, plan: parsed.data, repairs: reissued };
	}
	return { ok: true, ...repairPlan(migrated) };
}

/** Whether two drafts hold the same plan, whatever their ids and dates on the device: the same file
 * opened twice, or a file of a draft that has not changed since. */
export function sameContent(a: Plan, b: Plan): boolean {
	const content = (plan: Plan) => JSON.stringify({ ...plan, id: '', createdAt: '', updatedAt: '' });
	return content(a) === content(b);
}

/** A file name for the plan: nap-<country or title>.nap.json, in plain letters. */
export function draftFileName(plan: Plan, suffix = ''): string {
	const base = (plan.overview.country || plan.overview.title || 'draft')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `nap-${base || 'draft'}${suffix}${FILE_EXTENSION}`;
}
