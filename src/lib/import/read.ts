// The one entry point of the import: a file's bytes read by its kind, mapped, and built into a plan.
// The worker (import.worker.ts) runs it off the page; Node's tests and the bench call it directly.
import type { Language } from '../plan/schema.ts';
import { buildPlan, type BuildResult } from './build.ts';
import { guessMapping, mappingSchema, type Mapping } from './guess.ts';
import { readDocx } from './read-docx.ts';
import { readCsv, readXlsx } from './read-sheet.ts';
import { ImportError, type DocStructure, type ReadError } from './structure.ts';

export { IMPORT_EXTENSIONS } from './structure.ts';

export async function readStructure(bytes: Uint8Array, name: string): Promise<DocStructure> {
	const extension = name.toLowerCase().slice(name.lastIndexOf('.'));
	const structure =
		extension === '.docx'
			? readDocx(bytes)
			: extension === '.xlsx'
				? await readXlsx(bytes)
				: extension === '.csv'
					? readCsv(bytes)
					: null;
	if (!structure) throw new ImportError('unsupported');
	if (!structure.blocks.some((b) => b.kind === 'heading' || b.kind === 'table'))
		throw new ImportError('nothingFound');
	return structure;
}

export type ReadOutcome =
	{ ok: true; structure: DocStructure; mapping: Mapping } | { ok: false; error: ReadError };

/** A file read and its mapping proposed; `fallback`: the language assumed when the file's cannot be told. */
export async function readFile(
	bytes: Uint8Array,
	name: string,
	fallback: Language
): Promise<ReadOutcome> {
	try {
		const structure = await readStructure(bytes, name);
		return { ok: true, structure, mapping: guessMapping(structure, fallback) };
	} catch (error) {
		return { ok: false, error: failure(error) };
	}
}

export type BuildOutcome = ({ ok: true } & BuildResult) | { ok: false; error: ReadError };

/** The plan a structure and a mapping (checked: it crossed from the page) give. */
export function buildFrom(
	structure: DocStructure,
	mapping: unknown,
	fileName: string
): BuildOutcome {
	const checked = mappingSchema.safeParse(mapping);
	if (!checked.success) return { ok: false, error: 'malformed' };
	try {
		return { ok: true, ...buildPlan(structure, checked.data, { fileName }) };
	} catch (error) {
		return { ok: false, error: failure(error) };
	}
}

function failure(error: unknown): ReadError {
	if (error instanceof ImportError) return error.key;
	// Anything else a hostile file provokes (a stack overflow, memory) is a file that cannot be read.
	return 'malformed';
}
