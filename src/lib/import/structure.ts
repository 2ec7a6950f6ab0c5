// What an imported file holds, in no format: its headings, paragraphs and tables in document order
// (read-docx.ts reads a Word file into it, read-sheet.ts a workbook or a CSV file). The mapping
// (guess.ts) and the plan built from it (build.ts) read only this. Pure.

/** A table cell: its lines of text (a paragraph each). */
export type CellLines = string[];

export type DocBlock =
	/** A heading of level 1 (a chapter) and below; `index`: its place among the document's headings. */
	| { kind: 'heading'; level: number; text: string; index: number }
	/** The document's title (Word's Title style). */
	| { kind: 'title'; text: string }
	| { kind: 'paragraph'; text: string }
	/** `index`: its place among the document's tables. `header`: how many of its first rows head it.
	 * Merged cells are repeated in each row and column they cover, so every row has every column. */
	| { kind: 'table'; index: number; header: number; rows: CellLines[][]; name?: string };

export type HeadingBlock = Extract<DocBlock, { kind: 'heading' }>;
export type TableBlock = Extract<DocBlock, { kind: 'table' }>;

export interface DocStructure {
	/** What the file was: a Word document, or a workbook or CSV file (tables only). */
	source: 'docx' | 'sheet';
	blocks: DocBlock[];
}

/** Why a file could not be read: a key of `import.errors` in the interface's language. */
export type ReadError =
	| 'tooLarge'
	| 'empty'
	| 'notWord'
	| 'notSheet'
	| 'unsupported'
	| 'tooBig'
	/** What was read does not make a plan the schema takes (more items than a list holds…). */
	| 'notAPlan'
	| 'malformed'
	| 'tooManyRows'
	| 'nothingFound';

export class ImportError extends Error {
	readonly key: ReadError;
	constructor(key: ReadError) {
		super(key);
		this.key = key;
	}
}

/** The extensions the import takes. */
export const IMPORT_EXTENSIONS = ['.docx', '.xlsx', '.csv'] as const;

/** The most bytes an imported file may have. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The most bytes a part of the file may unpack to (a zip bomb unpacks to gigabytes). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** The most rows one table may have: a results matrix of the most actions a plan holds, and room. */
export const MAX_TABLE_ROWS = 10_000;
/** The most blocks (paragraphs, headings, tables) a document may have. */
export const MAX_BLOCKS = 200_000;

export const headingsOf = (structure: DocStructure): HeadingBlock[] =>
	structure.blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
export const tablesOf = (structure: DocStructure): TableBlock[] =>
	structure.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** A table's column headers: the texts of its header rows, one per column, a merged header's above its own. */
export function columnHeaders(table: TableBlock): string[] {
	const width = Math.max(0, ...table.rows.map((r) => r.length));
	const rows = table.rows.slice(0, Math.max(1, table.header));
	return Array.from({ length: width }, (_, c) => {
		const parts: string[] = [];
		for (const row of rows) {
			const text = (row[c] ?? []).join(' ').trim();
			if (text && !parts.includes(text)) parts.push(text);
		}
		return parts.join(' – ');
	});
}

/** A table's rows below its header. */
export const bodyRows = (table: TableBlock): CellLines[][] =>
	table.rows.slice(Math.max(1, table.header));
