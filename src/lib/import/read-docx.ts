// A Word file (.docx) as a neutral structure (structure.ts): its headings, paragraphs and tables in
// document order. The package is unpacked with fflate (unzip.ts, capped) and its XML read with
// saxes, a conforming streaming parser: malformed XML is refused, and no entity is ever expanded
// from a document type declaration. Pure: runs in a worker and in Node.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
	ImportError,
	MAX_BLOCKS,
	MAX_IMPORT_BYTES,
	MAX_TABLE_ROWS,
	type CellLines,
	type DocBlock,
	type DocStructure
} from './structure.ts';
import { isZip, unzipParts } from './unzip.ts';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';

/** What a paragraph style makes of a paragraph: a heading of a level, the title, or body text. */
type StyleRole = { heading: number } | { title: true } | null;

export function readDocx(bytes: Uint8Array): DocStructure {
	if (bytes.length === 0) throw new ImportError('empty');
	if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError('tooLarge');
	if (!isZip(bytes)) throw new ImportError('notWord');
	const parts = unzipParts(bytes, (name) => name === DOCUMENT || name === STYLES, 'notWord');
	const document = parts.get(DOCUMENT);
	if (!document) throw new ImportError('notWord');
	const styles = parts.has(STYLES) ? readStyles(decode(parts.get(STYLES)!)) : new Map();
	return { source: 'docx', blocks: readBody(decode(document), styles) };
}

function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError('malformed');
	}
}

function parser(): SaxesParser {
	const sax = new SaxesParser({ xmlns: false });
	sax.on('error', () => {
		throw new ImportError('malformed');
	});
	// A document type declaration has no place in a Word part: it is how entity bombs are made.
	sax.on('doctype', () => {
		throw new ImportError('malformed');
	});
	return sax;
}

function run(sax: SaxesParser, xml: string): void {
	try {
		sax.write(xml).close();
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError('malformed');
	}
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
	const value = tag.attributes[name];
	return typeof value === 'string' ? value : undefined;
};

/** Each paragraph style's role, following the styles it is based on. */
function readStyles(xml: string): Map<string, StyleRole> {
	interface Style {
		name: string;
		basedOn?: string;
		outline?: number;
	}
	const styles = new Map<string, Style>();
	let current: Style | null = null;
	const sax = parser();
	sax.on('opentag', (tag) => {
		const t = tag as SaxesTagPlain;
		if (t.name === 'w:style') {
			const id = attr(t, 'w:styleId');
			current = attr(t, 'w:type') === 'paragraph' && id ? { name: '' } : null;
			if (current && id) styles.set(id, current);
		} else if (current && t.name === 'w:name') current.name = attr(t, 'w:val') ?? '';
		else if (current && t.name === 'w:basedOn') current.basedOn = attr(t, 'w:val');
		else if (current && t.name === 'w:outlineLvl') current.outline = Number(attr(t, 'w:val'));
	});
	sax.on('closetag', (tag) => {
		if (tag.name === 'w:style') current = null;
	});
	run(sax, xml);
	const roles = new Map<string, StyleRole>();
	for (const id of styles.keys()) {
		let style = styles.get(id);
		let role: StyleRole = null;
		for (let depth = 0; style && depth < 10 && !role; depth++) {
			role = roleOf(style.name, style.outline);
			style = style.basedOn ? styles.get(style.basedOn) : undefined;
		}
		roles.set(id, role ?? roleOfId(id));
	}
	return roles;
}

function roleOf(name: string, outline: number | undefined): StyleRole {
	const heading = /^heading\s*([1-9])$/i.exec(name.trim());
	if (heading) return { heading: Number(heading[1]) };
	if (/^title$/i.test(name.trim())) return { title: true };
	if (outline !== undefined && Number.isInteger(outline) && outline >= 0 && outline < 9)
		return { heading: outline + 1 };
	return null;
}

/** A style known by its id only (a file without styles.xml): Word's ids in English, French and Spanish. */
function roleOfId(id: string): StyleRole {
	const heading = /^(?:heading|titre|t[ií]tulo)\s*([1-9])$/i.exec(id);
	if (heading) return { heading: Number(heading[1]) };
	if (/^(?:title|titre|t[ií]tulo)$/i.test(id)) return { title: true };
	return null;
}

interface CellState {
	lines: string[];
	span: number;
	merge: 'restart' | 'continue' | null;
}
interface TableState {
	rows: CellLines[][];
	header: number;
	headerOpen: boolean;
	row: CellLines[] | null;
	rowIsHeader: boolean;
	cell: CellState | null;
	/** Tables inside a cell of this one: their text joins the cell's. */
	nested: number;
}

/** Where no text of the document's own is: deleted revisions, drawings, field codes. */
const SKIPPED = new Set([
	'w:del',
	'w:moveFrom',
	'w:drawing',
	'w:pict',
	'w:object',
	'mc:Fallback',
	'w:instrText',
	'w:delInstrText',
	'w:footnoteReference'
]);

function readBody(xml: string, styles: Map<string, StyleRole>): DocBlock[] {
	const blocks: DocBlock[] = [];
	let headings = 0;
	let tables = 0;
	let skip = 0;
	let table: TableState | null = null;
	let paragraph: { style: string; outline: number | null; text: string } | null = null;
	let inText = false;

	const push = (block: DocBlock) => {
		if (blocks.length >= MAX_BLOCKS) throw new ImportError('tooBig');
		blocks.push(block);
	};

	const sax = parser();
	sax.on('opentag', (tag) => {
		const t = tag as SaxesTagPlain;
		const name = t.name;
		if (skip || SKIPPED.has(name)) {
			if (!t.isSelfClosing) skip++;
			return;
		}
		switch (name) {
			case 'w:tbl':
				if (table?.cell) table.nested++;
				else if (!table)
					table = {
						rows: [],
						header: 0,
						headerOpen: true,
						row: null,
						rowIsHeader: false,
						cell: null,
						nested: 0
					};
				break;
			case 'w:tr':
				if (table && !table.nested) {
					table.row = [];
					table.rowIsHeader = false;
				}
				break;
			case 'w:tblHeader':
				if (table && !table.nested && attr(t, 'w:val') !== 'false' && attr(t, 'w:val') !== '0')
					table.rowIsHeader = true;
				break;
			case 'w:tc':
				if (table && !table.nested) table.cell = { lines: [], span: 1, merge: null };
				break;
			case 'w:gridSpan':
				if (table?.cell && !table.nested)
					table.cell.span = Math.min(64, Math.max(1, Number(attr(t, 'w:val')) || 1));
				break;
			case 'w:vMerge':
				if (table?.cell && !table.nested)
					table.cell.merge = attr(t, 'w:val') === 'restart' ? 'restart' : 'continue';
				break;
			case 'w:p':
				paragraph = { style: '', outline: null, text: '' };
				break;
			case 'w:pStyle':
				if (paragraph) paragraph.style = attr(t, 'w:val') ?? '';
				break;
			case 'w:outlineLvl':
				if (paragraph) paragraph.outline = Number(attr(t, 'w:val'));
				break;
			case 'w:t':
				inText = !t.isSelfClosing;
				break;
			case 'w:tab':
				if (paragraph && !t.attributes['w:val']) paragraph.text += ' ';
				break;
			case 'w:br':
			case 'w:cr':
				if (paragraph) paragraph.text += '\n';
				break;
			case 'w:noBreakHyphen':
				if (paragraph) paragraph.text += '-';
				break;
		}
	});
	sax.on('text', (text) => {
		if (inText && !skip && paragraph) paragraph.text += text;
	});
	sax.on('closetag', (tag) => {
		const name = tag.name;
		if (skip) {
			skip--;
			return;
		}
		switch (name) {
			case 'w:t':
				inText = false;
				break;
			case 'w:p': {
				const p = paragraph;
				paragraph = null;
				if (!p) break;
				if (table?.cell) {
					table.cell.lines.push(...p.text.split('\n').map((l) => l.trim()));
					break;
				}
				const text = p.text.replace(/[ \t]+/g, ' ').trim();
				if (!text) break;
				const role =
					p.outline !== null && p.outline >= 0 && p.outline < 9
						? { heading: p.outline + 1 }
						: (styles.get(p.style) ?? roleOfId(p.style));
				if (role && 'heading' in role)
					push({ kind: 'heading', level: role.heading, text, index: headings++ });
				else if (role && 'title' in role) push({ kind: 'title', text });
				else push({ kind: 'paragraph', text });
				break;
			}
			case 'w:tc': {
				if (!table || table.nested || !table.cell || !table.row) break;
				const cell = table.cell;
				table.cell = null;
				const column = table.row.length;
				const lines = trimLines(cell.lines);
				const above = table.rows.at(-1)?.[column];
				const content = cell.merge === 'continue' && above ? [...above] : lines;
				const header = table.rowIsHeader || table.rows.length === 0;
				for (let i = 0; i < cell.span; i++)
					table.row.push(i === 0 || header || cell.merge === 'continue' ? content : []);
				break;
			}
			case 'w:tr':
				if (!table || table.nested || !table.row) break;
				if (table.rows.length >= MAX_TABLE_ROWS) throw new ImportError('tooManyRows');
				table.rows.push(table.row);
				if (table.rowIsHeader && table.headerOpen) table.header++;
				else table.headerOpen = false;
				table.row = null;
				break;
			case 'w:tbl':
				if (!table) break;
				if (table.nested) {
					table.nested--;
					break;
				}
				if (table.rows.length)
					push({
						kind: 'table',
						index: tables++,
						header: table.header || 1,
						rows: table.rows
					});
				table = null;
				break;
		}
	});
	run(sax, xml);
	return blocks;
}

/** A cell's lines without the empty ones at its start and end. */
function trimLines(lines: string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && !lines[start]) start++;
	while (end > start && !lines[end - 1]) end--;
	return lines.slice(start, end);
}
