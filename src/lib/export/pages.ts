// Page numbers for the table of contents, worked out from the document as it is written, so that the
// contents page shows them in any word processor and Word does not ask to update fields on opening.
//
// docx asks a document's `pageNumbers` estimator which page each bookmark (each heading's) starts on.
// docx/layout's own estimator lays pages out as Word does, but weighs about 1 MB and takes seconds on big
// tables; this one is a few kilobytes and knows only what this export writes: Arial text in the styles of
// docx.ts, page breaks, sections (each starts a page), tables whose rows do not split and whose header
// row repeats, and inline images. Lines are counted by breaking each paragraph's words at the width of its
// column, with Arial's (Helvetica's) character widths. It is an estimate: tests/unit/libreoffice.test.ts
// measures how many entries match the pages LibreOffice lays out.
import type { IXmlableObject, PageNumberEstimator } from 'docx';

/** How a paragraph style looks, in Word's units: size in half-points, spacing and indent in twips. */
export interface ParagraphLook {
	size?: number;
	bold?: boolean;
	before?: number;
	after?: number;
	indent?: number;
}

/** Helvetica's (and so Arial's and Liberation Sans's) advance widths, per 1,000 em, for ASCII 32 to 126. */
const WIDTHS = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
	556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
	611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
	667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
	222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];
/** Bold Arial is wider: on average by this much. */
const BOLD = 1.07;
/** A line of Arial is 1.15 times its size (ascent, descent and line gap). */
const LINE = 1.15;
/** Word's and LibreOffice's default left and right cell margins, in twips. */
const CELL_MARGIN = 108;
const EMU_PER_TWIP = 635;

function charWidth(char: string): number {
	const code = char.charCodeAt(0);
	if (code >= 32 && code <= 126) return WIDTHS[code - 32];
	const base = char.normalize('NFD').charCodeAt(0); // é is e's width, ñ n's
	if (base >= 32 && base <= 126) return WIDTHS[base - 32];
	if (char === '\u00a0' || char === '\u202f') return 278;
	if (char === '–') return 556;
	if (char === '—') return 1000;
	if (char === '«' || char === '»') return 556;
	if (char === '’' || char === '‘') return 222;
	if (char === '“' || char === '”') return 333;
	return 556;
}

/** The widths of the characters past ASCII met so far, by UTF-16 code unit. */
const otherUnits = new Map<number, number>();

/** The width in thousandths of an em of the character at `i` of a text; one of a surrogate pair counts for the pair. */
function unitsAt(text: string, i: number, code: number): number {
	if (code >= 32 && code <= 126) return WIDTHS[code - 32];
	if (code >= 0xd800 && code <= 0xdfff) return 556; // a character past the BMP: no width of its own here
	let units = otherUnits.get(code);
	if (units === undefined) otherUnits.set(code, (units = charWidth(text[i])));
	return units;
}

/** A width in thousandths of an em, in twips at `size` half-points. */
const twips = (units: number, size: number, bold: boolean) =>
	(units / 1000) * (size * 10) * (bold ? BOLD : 1); // size/2 points = size*10 twips

// The formatted XML docx writes: an element is an object with one key, its name, holding its children
// (objects, strings) and an object of attributes under `_attr`.
type Element = Record<string, unknown>;
const nameOf = (element: unknown): string | undefined => {
	if (!element || typeof element !== 'object' || Array.isArray(element)) return undefined;
	// The first key, without building the array of all of them: this runs for every element of the body.
	for (const name in element) return name === '_attr' ? undefined : name;
	return undefined;
};
const childrenOf = (element: Element): unknown[] => {
	const content = element[nameOf(element)!];
	return Array.isArray(content) ? content : content && typeof content === 'object' ? [content] : [];
};
const attr = (element: Element, name: string): string | undefined => {
	for (const child of childrenOf(element)) {
		const attrs = (child as { _attr?: Record<string, unknown> } | null)?._attr;
		if (attrs && name in attrs) return String(attrs[name]);
	}
	return undefined;
};
// Loops rather than find and filter: these run for every element of the body.
const child = (element: Element, name: string): Element | undefined => {
	for (const c of childrenOf(element)) if (nameOf(c) === name) return c as Element;
	return undefined;
};
const elements = (element: Element, name: string): Element[] => {
	const out: Element[] = [];
	for (const c of childrenOf(element)) if (nameOf(c) === name) out.push(c as Element);
	return out;
};
/** The text of a w:t: its strings. */
const textOf = (element: Element): string => {
	let text = '';
	for (const c of childrenOf(element)) if (typeof c === 'string') text += c;
	return text;
};
const num = (value: string | undefined, fallback: number) =>
	value === undefined || Number.isNaN(Number(value)) ? fallback : Number(value);

interface Page {
	width: number; // text width
	height: number; // text height
}

function pageOf(sectPr: Element | undefined): Page {
	const size = sectPr && child(sectPr, 'w:pgSz');
	const margin = sectPr && child(sectPr, 'w:pgMar');
	const w = num(size && attr(size, 'w:w'), 11906);
	const h = num(size && attr(size, 'w:h'), 16838);
	const m = (side: string) => num(margin && attr(margin, `w:${side}`), 1440);
	return { width: w - m('left') - m('right'), height: h - m('top') - m('bottom') };
}

/** A run of text with its look, or a forced break. */
type Piece =
	| { text: string; size: number; bold: boolean }
	| { pageBreak: true }
	| { lineBreak: true }
	| { image: number };

/** A paragraph as the layout needs it: its style's look with its own properties, and its text. */
type Look = Required<ParagraphLook> & {
	bookmarks: string[];
	pieces: Piece[];
	keepNext: boolean;
	pageBreakBefore: boolean;
	/** Its lines at the last width they were broken at. */
	broken?: { width: number; lines: Line[] };
};
type Line = { height: number } | 'page';
type Row = { height: number; header: boolean };

/** Lays out the body, page by page. */
class Layout {
	page = 1;
	used = 0;
	readonly bookmarks = new Map<string, number>();
	readonly sectionPages: number[] = [];
	private sectionStart = 1;
	current: Page;
	private readonly looks: Record<string, ParagraphLook>;

	constructor(looks: Record<string, ParagraphLook>, first: Page) {
		this.looks = looks;
		this.current = first;
	}

	/** Whether the page was begun by a page break or a section, not by text flowing onto it. */
	private broken = true;
	/** The space after the last paragraph, not yet added. */
	private after = 0;

	newPage(broken = false): void {
		this.page++;
		this.used = 0;
		this.broken = broken;
	}

	endSection(next: Page | undefined): void {
		this.sectionPages.push(this.page - this.sectionStart + 1);
		if (!next) return;
		this.newPage(true);
		this.sectionStart = this.page;
		this.current = next;
	}

	/** Each paragraph's look and each table's rows, once: a paragraph kept with the next looks ahead at what follows. */
	private readonly seen = new WeakMap<Element, Look>();
	private readonly tables = new WeakMap<Element, { width: number; rows: Row[] }>();

	/** Each paragraph style's look, over Normal's. */
	private readonly styles = new Map<string | undefined, ParagraphLook>();

	private styleOf(id: string | undefined): ParagraphLook {
		let style = this.styles.get(id);
		if (!style)
			this.styles.set(id, (style = { ...this.looks.Normal, ...(id ? this.looks[id] : {}) }));
		return style;
	}

	look(p: Element): Look {
		let look = this.seen.get(p);
		if (!look) this.seen.set(p, (look = this.readLook(p)));
		return look;
	}

	private readLook(p: Element): Look {
		const pPr = child(p, 'w:pPr');
		const styleId = pPr && child(pPr, 'w:pStyle') && attr(child(pPr, 'w:pStyle')!, 'w:val');
		const style = this.styleOf(styleId);
		const spacing = pPr && child(pPr, 'w:spacing');
		const ind = pPr && child(pPr, 'w:ind');
		const list = pPr && child(pPr, 'w:numPr');
		const look = {
			size: style.size ?? 22,
			bold: style.bold ?? false,
			before: num(spacing && attr(spacing, 'w:before'), style.before ?? 0),
			after: num(spacing && attr(spacing, 'w:after'), style.after ?? 0),
			indent: num(ind && attr(ind, 'w:left'), list ? 720 : (style.indent ?? 0)),
			bookmarks: [] as string[],
			pieces: [] as Piece[],
			keepNext: !!(pPr && child(pPr, 'w:keepNext')),
			pageBreakBefore: !!(pPr && child(pPr, 'w:pageBreakBefore'))
		};
		const visit = (node: Element) => {
			for (const c of childrenOf(node)) {
				const name = nameOf(c);
				if (!name) continue;
				const el = c as Element;
				if (name === 'w:bookmarkStart') {
					const bookmark = attr(el, 'w:name');
					if (bookmark) look.bookmarks.push(bookmark);
				} else if (name === 'w:r') this.run(el, look);
				else if (
					name === 'w:hyperlink' ||
					name === 'w:ins' ||
					name === 'w:smartTag' ||
					name === 'w:fldSimple'
				)
					visit(el);
			}
		};
		visit(p);
		return look;
	}

	run(r: Element, look: { size: number; bold: boolean; pieces: Piece[] }): void {
		const content = childrenOf(r);
		let size = look.size;
		let bold = look.bold;
		const rPr = child(r, 'w:rPr');
		if (rPr)
			for (const property of childrenOf(rPr)) {
				const name = nameOf(property);
				if (name === 'w:b') bold = true;
				else if (name === 'w:sz') size = num(attr(property as Element, 'w:val'), look.size);
			}
		let inField = false;
		for (const c of content) {
			const name = nameOf(c);
			const el = c as Element;
			if (name === 'w:fldChar') {
				const type = attr(el, 'w:fldCharType');
				inField = type === 'begin';
			} else if (name === 'w:instrText' || inField) continue;
			else if (name === 'w:t') look.pieces.push({ text: textOf(el), size, bold });
			else if (name === 'w:tab') look.pieces.push({ text: '    ', size, bold });
			else if (name === 'w:br')
				look.pieces.push(attr(el, 'w:type') === 'page' ? { pageBreak: true } : { lineBreak: true });
			else if (name === 'w:drawing') {
				const extent = JSON.stringify(el).match(/"cy":"?(\d+)/);
				if (extent) look.pieces.push({ image: Number(extent[1]) / EMU_PER_TWIP });
			}
		}
	}

	/** The lines of a paragraph in a column `width` wide, each line's height, and where it breaks the page. */
	lines(look: Look, width: number): Line[] {
		if (look.broken?.width !== width) look.broken = { width, lines: this.breakLines(look, width) };
		return look.broken.lines;
	}

	private breakLines(look: Look, width: number): Line[] {
		const out: Line[] = [];
		const available = Math.max(width - look.indent, 500);
		let x = 0;
		let lineSize = 0;
		let lineImage = 0;
		let empty = true;
		const endLine = () => {
			out.push({ height: Math.max((lineSize || look.size) * 10 * LINE, lineImage) });
			x = 0;
			lineSize = 0;
			lineImage = 0;
			empty = true;
		};
		for (const piece of look.pieces) {
			if ('pageBreak' in piece) {
				if (!empty) endLine();
				out.push('page');
				continue;
			}
			if ('lineBreak' in piece) {
				endLine();
				continue;
			}
			if ('image' in piece) {
				lineImage = Math.max(lineImage, piece.image);
				empty = false;
				continue;
			}
			// Words with the space or hyphen after them: a line breaks after either, as word processors do.
			// Each word's width is worked out as its characters are read, without cutting it out of the text.
			const { text, size, bold } = piece;
			const space = twips(WIDTHS[0], size, bold);
			for (let end = 0; end < text.length;) {
				let units = 0;
				let code = 0;
				while (end < text.length) {
					code = text.charCodeAt(end);
					units += unitsAt(text, end, code);
					// A surrogate pair is one character.
					const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(end + 1) : 0;
					end += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
					if (code === 32 || code === 45) break;
				}
				const w = twips(units, size, bold);
				const visible = code === 32 ? w - space : w;
				if (!empty && x + visible > available) endLine();
				x += w;
				lineSize = Math.max(lineSize, piece.size);
				empty = false;
				// A word longer than the line runs on over as many lines as it needs.
				if (visible > available && x === w) {
					for (let over = Math.floor(visible / available); over > 0; over--) endLine();
					x = visible % available;
					lineSize = piece.size;
					empty = false;
				}
			}
		}
		// An empty paragraph still takes a line; one that ends with a page break takes none on the next page
		// (LibreOffice, like Word's own layout of such a break, starts the next page with what follows).
		if (!empty || out.length === 0) endLine();
		return out;
	}

	/** The height of a paragraph in a table cell (never split). */
	cellHeight(paragraphs: Element[], width: number): number {
		let height = 0;
		let after = 0;
		for (const [i, p] of paragraphs.entries()) {
			const look = this.look(p);
			height +=
				(i === 0 ? look.before : Math.max(after, look.before)) +
				this.lines(look, width).reduce((h, l) => h + (l === 'page' ? 0 : l.height), 0);
			after = look.after;
		}
		return height + after;
	}

	/** The height a paragraph kept with the next needs on its page: itself whole, and the start of what follows. */
	kept(look: Look, lines: Line[], rest: unknown[], depth = 0): number {
		const own = lines.reduce((h, l) => h + (l === 'page' ? 0 : l.height), look.before) + look.after;
		const next = rest[0];
		if (!look.keepNext || !next || depth > 4) return own;
		if (nameOf(next) === 'w:tbl')
			return (
				own +
				this.rows(next as Element)
					.slice(0, 2)
					.reduce((h, r) => h + r.height, 0)
			);
		if (nameOf(next) !== 'w:p') return own;
		const nextLook = this.look(next as Element);
		const nextLines = this.lines(nextLook, this.current.width);
		if (nextLook.keepNext) return own + this.kept(nextLook, nextLines, rest.slice(1), depth + 1);
		const first = nextLines.find((l) => l !== 'page');
		return own + nextLook.before + (first ? first.height : 0);
	}

	/** Lays out a paragraph; `rest`: the blocks after it, for a paragraph kept with the next. */
	paragraph(p: Element, rest: unknown[] = []): void {
		const look = this.look(p);
		const lines = this.lines(look, this.current.width);
		if (look.pageBreakBefore && this.used > 0) this.newPage(true);
		// The space between two paragraphs is the larger of the first's space after and the second's space
		// before (LibreOffice's layout of these files); dropped at the top of a page the text flowed onto,
		// kept after a page break.
		const gap =
			this.used === 0 ? (this.broken ? look.before : 0) : Math.max(this.after, look.before);
		const needs = look.keepNext
			? this.kept(look, lines, rest) - look.before + gap
			: gap + (lines[0] === 'page' ? 0 : lines[0].height);
		if (
			lines[0] !== 'page' &&
			this.used > 0 &&
			this.used + needs > this.current.height &&
			needs <= this.current.height
		) {
			this.newPage();
		} else this.used += gap;
		// The paragraph's bookmarks are on the page its first line is on.
		const mark = () => {
			for (const bookmark of look.bookmarks)
				if (!this.bookmarks.has(bookmark)) this.bookmarks.set(bookmark, this.page);
		};
		// Runs of lines between page breaks, each laid out with widow and orphan control (LibreOffice's
		// default): a page never ends with a paragraph's first line alone, nor starts with its last alone.
		let run: number[] = [];
		const place = () => {
			let left = run;
			while (left.length) {
				let fit = 0;
				for (let h = this.used; fit < left.length && h + left[fit] <= this.current.height; fit++)
					h += left[fit];
				if (fit >= left.length) {
					mark();
					this.used += left.reduce((a, b) => a + b, 0);
					break;
				}
				if (left.length - fit < 2) fit = left.length - 2;
				if (fit < 2 && this.used > 0) fit = 0;
				if (fit === 0 && this.used === 0)
					fit = Math.max(1, Math.min(left.length, Math.floor(left.length / 2))); // taller than a page
				if (fit > 0) mark();
				this.used += left.slice(0, fit).reduce((a, b) => a + b, 0);
				left = left.slice(fit);
				this.newPage();
			}
			run = [];
		};
		for (const line of lines) {
			if (line === 'page') {
				place();
				this.newPage(true);
			} else run.push(line.height);
		}
		place();
		mark(); // a paragraph that only breaks the page
		this.after = look.after;
	}

	/** The rows of a table, each with its height, and whether it is a header row that repeats. */
	rows(tbl: Element): Row[] {
		const known = this.tables.get(tbl);
		if (known?.width === this.current.width) return known.rows;
		const rows = this.readRows(tbl);
		this.tables.set(tbl, { width: this.current.width, rows });
		return rows;
	}

	private readRows(tbl: Element): Row[] {
		const grid = child(tbl, 'w:tblGrid');
		const columns = grid ? elements(grid, 'w:gridCol').map((c) => num(attr(c, 'w:w'), 0)) : [];
		const total = columns.reduce((a, b) => a + b, 0) || 1;
		// A table of 100 % width is fitted to the text width of the section it is in.
		const scale = this.current.width / total;
		return elements(tbl, 'w:tr').map((tr) => {
			const trPr = child(tr, 'w:trPr');
			let column = 0;
			let height = 0;
			for (const tc of elements(tr, 'w:tc')) {
				const tcPr = child(tc, 'w:tcPr');
				const span = num(
					tcPr && child(tcPr, 'w:gridSpan') && attr(child(tcPr, 'w:gridSpan')!, 'w:val'),
					1
				);
				const width =
					columns.slice(column, column + span).reduce((a, b) => a + b, 0) * scale - 2 * CELL_MARGIN;
				column += span;
				const content = this.cellHeight(elements(tc, 'w:p'), width);
				height = Math.max(height, content);
			}
			return { height: height + 10, header: !!(trPr && child(trPr, 'w:tblHeader')) };
		});
	}

	table(tbl: Element): void {
		const rows = this.rows(tbl);
		const header = rows.filter((r) => r.header).reduce((h, r) => h + r.height, 0);
		this.used += this.after;
		this.after = 0;
		for (const row of rows) {
			if (this.used > 0 && this.used + row.height > this.current.height) {
				this.newPage();
				if (!row.header) this.used += header;
			}
			this.used += row.height;
		}
	}

	/** Lays out a section's blocks, paragraphs and tables (those of a content control, such as the contents, in its place). */
	blocks(nodes: unknown[]): void {
		const flat = nodes.flatMap((node) => {
			const content = nameOf(node) === 'w:sdt' ? child(node as Element, 'w:sdtContent') : undefined;
			return content ? childrenOf(content).filter((c) => nameOf(c)) : [node];
		});
		flat.forEach((node, i) => {
			const name = nameOf(node);
			if (name === 'w:p') this.paragraph(node as Element, flat.slice(i + 1, i + 6));
			else if (name === 'w:tbl') this.table(node as Element);
		});
	}
}

/** The section properties each block of the body ends, in order, with the blocks of each section. */
function sections(body: Element): { blocks: unknown[]; sectPr: Element | undefined }[] {
	const out: { blocks: unknown[]; sectPr: Element | undefined }[] = [];
	let blocks: unknown[] = [];
	for (const c of childrenOf(body)) {
		const name = nameOf(c);
		if (name === 'w:sectPr') {
			out.push({ blocks, sectPr: c as Element });
			blocks = [];
			continue;
		}
		if (!name) continue;
		blocks.push(c);
		const pPr = name === 'w:p' ? child(c as Element, 'w:pPr') : undefined;
		const sectPr = pPr && child(pPr, 'w:sectPr');
		if (sectPr) {
			out.push({ blocks, sectPr });
			blocks = [];
		}
	}
	if (blocks.length) out.push({ blocks, sectPr: undefined });
	return out;
}

/** An estimator of the pages of a document written with these paragraph styles (by style id; `Normal` for the rest). */
export function pageEstimator(looks: Record<string, ParagraphLook>): PageNumberEstimator {
	return (body: IXmlableObject) => {
		const root = (nameOf(body) === 'w:body' ? body : { 'w:body': [] }) as Element;
		const parts = sections(root);
		const layout = new Layout(looks, pageOf(parts[0]?.sectPr));
		parts.forEach((part, i) => {
			layout.blocks(part.blocks);
			layout.endSection(i + 1 < parts.length ? pageOf(parts[i + 1].sectPr) : undefined);
		});
		return {
			bookmarks: new Map([...layout.bookmarks].map(([name, page]) => [name, String(page)])),
			bookmarkPageNumbers: layout.bookmarks,
			pageCount: layout.page,
			sectionPageCounts: layout.sectionPages
		};
	};
}
