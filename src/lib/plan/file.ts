// The draft file (.nap.json): what "Save a copy to a file" writes, "Open a file" reads, and the
// command line exports. Reading never throws: it returns the plan or a message key with parameters.
import { migrate } from './migrations.ts';
import { FILE_FORMAT, planSchema, SCHEMA_VERSION, type Plan } from './schema.ts';

/** Larger files are refused before parsing: a real plan of 1,000 actions is well under 5 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_EXTENSION = '.nap.json';

export type ReadResult =
	| { ok: true; plan: Plan }
	| { ok: false; error: { key: string; params: Record<string, string | number> } };

const fail = (key: string, params: Record<string, string | number> = {}): ReadResult => ({
	ok: false,
	error: { key, params }
});

export function writeDraftFile(plan: Plan): string {
	return JSON.stringify(plan, null, 1);
}

/** Reads a draft file's text. Message keys are under `file.` in the locale files. */
export function readDraftFile(text: string, size = text.length): ReadResult {
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
	if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== FILE_FORMAT)
		return fail('notDraft');
	const version = (raw as { schemaVersion?: unknown }).schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('notDraft');
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
	return { ok: true, plan: parsed.data };
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
