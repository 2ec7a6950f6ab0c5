// The import off the main thread: unpacking and parsing a big Word file takes a while, and the page
// must keep answering meanwhile. The worker keeps the last file's structure, so that each correction
// of the mapping sends only the mapping.
import type { Language } from '../plan/schema.ts';
import { buildFrom, readFile, type BuildOutcome, type ReadOutcome } from './read.ts';
import type { DocStructure } from './structure.ts';

export type ImportRequest =
	| { kind: 'read'; bytes: Uint8Array; name: string; fallback: Language }
	| { kind: 'build'; mapping: unknown; name: string };
export type ImportReply = ({ kind: 'read' } & ReadOutcome) | ({ kind: 'build' } & BuildOutcome);

const scope = self as unknown as {
	postMessage(message: ImportReply): void;
	onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

let structure: DocStructure | null = null;

scope.onmessage = async ({ data }) => {
	if (data.kind === 'read') {
		const outcome = await readFile(data.bytes, data.name, data.fallback);
		// A file that cannot be read leaves the last one's structure as it was: its mapping stays correctable.
		if (outcome.ok) structure = outcome.structure;
		scope.postMessage({ kind: 'read', ...outcome });
	} else {
		scope.postMessage(
			structure
				? { kind: 'build', ...buildFrom(structure, data.mapping, data.name) }
				: { kind: 'build', ok: false, error: 'nothingFound' }
		);
	}
};
