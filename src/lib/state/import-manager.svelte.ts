// Starting from a previous plan: the file chosen, read in the import worker, its structure and the
// proposed mapping shown, each correction rebuilding the preview, and the plan stored as a new draft.
// Nothing is stored before the user creates the draft, and no existing draft is ever touched.
import { ImportClient } from '../import/client.ts';
import type { BuildResult } from '../import/build.ts';
import type { ColumnRole, HeadingRole, Mapping } from '../import/guess.ts';
import { MAX_IMPORT_BYTES, type DocStructure, type ReadError } from '../import/structure.ts';
import type { Language, Plan } from '../plan/schema.ts';
import { importedDraft } from '../storage/new-draft.ts';

export type ImportStage = 'choose' | 'reading' | 'mapping' | 'creating';

export class ImportManager {
	stage = $state<ImportStage>('choose');
	/** Why the last file could not be read (a key of import.errors), or ''. */
	error = $state<ReadError | ''>('');
	fileName = $state('');
	structure = $state.raw<DocStructure | null>(null);
	mapping = $state<Mapping | null>(null);
	preview = $state.raw<BuildResult | null>(null);
	/** A preview is being rebuilt after a correction. */
	building = $state(false);
	#client: ImportClient | undefined;
	#request = 0;

	get #worker(): ImportClient {
		this.#client ??= new ImportClient();
		return this.#client;
	}

	/** Reads a file the user chose; `fallback`: the interface language, assumed when the file's cannot be told. */
	async choose(file: File, fallback: Language): Promise<void> {
		const request = ++this.#request;
		this.error = '';
		if (file.size > MAX_IMPORT_BYTES) {
			this.error = 'tooLarge';
			return;
		}
		const previous = this.stage;
		this.stage = 'reading';
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch {
			this.error = 'malformed';
			this.stage = previous;
			return;
		}
		const outcome = await this.#worker.read(bytes, file.name, fallback);
		if (request !== this.#request) return;
		if (!outcome.ok) {
			this.error = outcome.error;
			this.stage = previous === 'reading' ? 'choose' : previous;
			return;
		}
		this.fileName = file.name;
		this.structure = outcome.structure;
		this.mapping = outcome.mapping;
		this.preview = null;
		this.stage = 'mapping';
		await this.refresh();
	}

	/** Rebuilds the preview from the mapping as it is now (each correction calls it). */
	async refresh(): Promise<void> {
		if (!this.mapping) return;
		const request = ++this.#request;
		this.building = true;
		const outcome = await this.#worker.build($state.snapshot(this.mapping), this.fileName);
		if (request !== this.#request) return;
		this.building = false;
		if (outcome.ok) {
			this.preview = { plan: outcome.plan, unread: outcome.unread };
			this.error = '';
		} else {
			this.preview = null;
			this.error = outcome.error;
		}
	}

	setHeading(index: number, role: HeadingRole): void {
		if (!this.mapping) return;
		this.mapping.headings[index] = role;
		void this.refresh();
	}

	setColumn(index: number, role: ColumnRole): void {
		if (!this.mapping) return;
		// A role goes to one column: the column that had it gives it up.
		if (role !== 'ignore')
			this.mapping.columns = this.mapping.columns.map((r) => (r === role ? 'ignore' : r));
		this.mapping.columns[index] = role;
		void this.refresh();
	}

	/** Chooses the results matrix; its columns are proposed anew. */
	async setMatrix(index: number | null): Promise<void> {
		if (!this.mapping || !this.structure) return;
		const { guessColumns } = await import('../import/guess.ts');
		const table = this.structure.blocks.find((b) => b.kind === 'table' && b.index === index);
		this.mapping.matrix = index;
		this.mapping.columns =
			table?.kind === 'table' ? guessColumns(table, this.mapping.language) : [];
		void this.refresh();
	}

	setLanguage(language: Language): void {
		if (!this.mapping) return;
		this.mapping.language = language;
		void this.refresh();
	}

	setPrevious(change: Partial<Mapping['previous']>): void {
		if (!this.mapping) return;
		Object.assign(this.mapping.previous, change);
		void this.refresh();
	}

	/** Stores the previewed plan as a new draft; the draft, or undefined when there is none to store. */
	async create(): Promise<Plan | undefined> {
		const plan = this.preview?.plan;
		if (!plan || this.stage !== 'mapping') return undefined;
		this.stage = 'creating';
		try {
			return await importedDraft(plan);
		} finally {
			this.stage = 'mapping';
		}
	}

	close(): void {
		this.#client?.close();
		this.#client = undefined;
	}
}
