// The page's side of the import worker: one request at a time, answered in order. Where a module
// worker cannot start, the same code runs on the page itself (loaded only then).
import type { Language } from '../plan/schema.ts';
import type { ImportReply, ImportRequest } from './import.worker.ts';
import type { BuildOutcome, ReadOutcome } from './read.ts';
import type { DocStructure } from './structure.ts';

export class ImportClient {
	#worker: Worker | undefined;
	#queue: Promise<unknown> = Promise.resolve();
	/** Without a worker: the structure read on the page. */
	#structure: DocStructure | null = null;

	constructor() {
		try {
			this.#worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			this.#worker = undefined;
		}
	}

	read(bytes: Uint8Array, name: string, fallback: Language): Promise<ReadOutcome> {
		return this.#send({ kind: 'read', bytes, name, fallback }) as Promise<ReadOutcome>;
	}

	build(mapping: unknown, name: string): Promise<BuildOutcome> {
		return this.#send({ kind: 'build', mapping, name }) as Promise<BuildOutcome>;
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}

	#send(request: ImportRequest): Promise<ReadOutcome | BuildOutcome> {
		const next = this.#queue.then(() => this.#answer(request));
		this.#queue = next.catch(() => undefined);
		return next;
	}

	async #answer(request: ImportRequest): Promise<ReadOutcome | BuildOutcome> {
		const worker = this.#worker;
		if (!worker) return this.#onPage(request);
		return new Promise((resolve) => {
			worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
				const { kind: _, ...outcome } = data;
				void _;
				resolve(outcome as ReadOutcome | BuildOutcome);
			};
			worker.onerror = () => resolve({ ok: false, error: 'malformed' });
			worker.postMessage(
				request,
				request.kind === 'read' ? [request.bytes.buffer as ArrayBuffer] : []
			);
		});
	}

	async #onPage(request: ImportRequest): Promise<ReadOutcome | BuildOutcome> {
		const { readFile, buildFrom } = await import('./read.ts');
		if (request.kind === 'read') {
			const outcome = await readFile(request.bytes, request.name, request.fallback);
			if (outcome.ok) this.#structure = outcome.structure;
			return outcome;
		}
		return this.#structure
			? buildFrom(this.#structure, request.mapping, request.name)
			: { ok: false, error: 'nothingFound' };
	}
}
