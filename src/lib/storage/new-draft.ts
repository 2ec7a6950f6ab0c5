// Ways a draft comes into the repository: blank, the sample plan, a file, a copy. Each gets an id of
// its own, so none can overwrite a draft already on the device.
import {
	decodeDraftBytes,
	MAX_FILE_BYTES,
	readDraftFile,
	sameContent,
	type ReadResult
} from '../plan/file.ts';
import { createPlan, newId } from '../plan/operations.ts';
import type { Language, Plan } from '../plan/schema.ts';
import type { StartChoice } from '../templates/apply.ts';
import { drafts } from './drafts.ts';

const samples = import.meta.glob<string>('/templates/sample/*.nap.json', {
	query: '?raw',
	import: 'default'
});

async function store(plan: Plan): Promise<Plan> {
	const now = new Date().toISOString();
	const stored = { ...plan, id: newId(), createdAt: now, updatedAt: now };
	await (await drafts()).put(stored);
	return stored;
}

export async function newDraft(language: Language): Promise<Plan> {
	return store(createPlan({ language }));
}

/** A plan started from policy dialogue templates, in the interface language. The library is loaded only now. */
export async function templateDraft(choice: StartChoice): Promise<Plan> {
	const [{ bundledLibrary }, { planFromTemplates }] = await Promise.all([
		import('../templates/bundled.ts'),
		import('../templates/apply.ts')
	]);
	return store(planFromTemplates(bundledLibrary(), choice));
}

/** The sample plan of a fictional country, in the interface language. */
export async function sampleDraft(language: Language): Promise<Plan> {
	const load = samples[`/templates/sample/${language}.nap.json`];
	const result = readDraftFile(await load());
	if (!result.ok)
		throw new Error(`The ${language} sample plan does not match the schema: ${result.error.key}`);
	return store(result.plan);
}

/** Reads a draft file the user chose, storing nothing. */
export async function readChosenFile(file: File): Promise<ReadResult> {
	let text: string;
	try {
		// Refuse an oversized file before reading it into memory.
		text =
			file.size > 0 && file.size <= MAX_FILE_BYTES
				? decodeDraftBytes(new Uint8Array(await file.arrayBuffer()))
				: '';
	} catch {
		return { ok: false, error: { key: 'unreadable', params: {} } };
	}
	return readDraftFile(text, file.size);
}

/** Reads a file the user chose; on success the draft is stored as a new one, unless a draft on the
 * device already holds exactly that plan (the same file opened twice): then that draft is the result,
 * marked `existing`, and nothing is added. */
export async function draftFromFile(file: File): Promise<ReadResult & { existing?: boolean }> {
	const result = await readChosenFile(file);
	if (!result.ok) return result;
	const repo = await drafts();
	for (const summary of await repo.list()) {
		const stored = await repo.get(summary.id);
		if (stored && sameContent(stored, result.plan))
			return { ok: true, plan: stored, existing: true };
	}
	return { ok: true, plan: await store(result.plan) };
}

export async function duplicateDraft(
	id: string,
	title: (original: string) => string
): Promise<Plan | undefined> {
	const original = await (await drafts()).get(id);
	if (!original) return undefined;
	return store({
		...original,
		overview: { ...original.overview, title: title(original.overview.title) }
	});
}

/** A plan imported from a previous plan's file (import/build.ts), stored as a new draft of its own. */
export async function importedDraft(plan: Plan): Promise<Plan> {
	return store(plan);
}
