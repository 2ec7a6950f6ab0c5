// Runs and plain paragraphs, written as docx writes them, without docx's objects for them. docx builds
// a tree of components for every run and paragraph (the run, its properties, each property, the text
// and its attributes) and then turns each into the plain object it formats as XML; a 300-action plan
// has about 19,000 runs and 10,000 paragraphs, and those components were most of the export's time and
// memory. These write the plain object at once: `textRun(text, look)` formats exactly as
// `new TextRun({ text, ...look })` does, and `paragraph(look, children)` as `new Paragraph(...)` (the
// same XML, byte for byte: written.test.ts compares them), for the few properties the export uses.
// A paragraph with anything but such runs in it (a bookmark, a comment's range) is docx's own.
import {
	BaseXmlComponent,
	Paragraph,
	type FileChild,
	type IContext,
	type Table,
	type IXmlableObject,
	type ParagraphChild,
	type TextRun
} from 'docx';

/** What a run of the export may have besides its text: Word's run properties, by docx's names. */
export interface RunLook {
	bold?: boolean;
	italics?: boolean;
	/** A hex colour, such as 767676. */
	color?: string;
	/** In half-points. */
	size?: number;
	highlight?: 'yellow';
	/** A language tag, such as en-GB: where the text's language is not the document's. */
	language?: string;
}

/** What a plain paragraph of the export may have: its style and its own spacing and indent (twips). */
export interface ParagraphLook {
	style?: string;
	keepNext?: boolean;
	spacing?: { before?: number; after?: number };
	indent?: { left: number };
	alignment?: 'center' | 'right';
}

/** A component whose XML is already worked out: docx asks it for the object, and formats that. */
class Written extends BaseXmlComponent {
	readonly #xml: IXmlableObject;
	/** The element it writes: `w:r`, `w:p`. */
	readonly element: string;

	constructor(name: string, xml: IXmlableObject) {
		super(name);
		this.element = name;
		this.#xml = xml;
	}

	prepForXml(): IXmlableObject {
		return this.#xml;
	}
}

class WrittenParagraph extends Written {
	readonly look: ParagraphLook;
	readonly children: ParagraphChild[];

	constructor(xml: IXmlableObject, look: ParagraphLook, children: ParagraphChild[]) {
		super('w:p', xml);
		this.look = look;
		this.children = children;
	}
}

/** A component whose XML is worked out each time docx writes it, from what is known by then. */
class Late extends BaseXmlComponent {
	readonly #build: () => IXmlableObject;

	constructor(name: string, build: () => IXmlableObject) {
		super(name);
		this.#build = build;
	}

	prepForXml(): IXmlableObject {
		return this.#build();
	}
}

/** A block whose XML `build` writes when docx writes it (each time: a document can be packed twice). */
export function late(build: () => IXmlableObject): Paragraph {
	return new Late('w:p', build) as unknown as Paragraph;
}

/** The XML of a run written here (textRun). */
export function xmlOf(run: TextRun): IXmlableObject {
	if (!(run instanceof Written)) throw new Error('Not a run written by textRun');
	return run.prepForXml();
}

const value = (val: string | number) => ({ _attr: { 'w:val': val } });

/** A run of text with the look given, in the properties' order docx writes (the schema's). */
export function textRun(text: string, look: RunLook = {}): TextRun {
	const properties: IXmlableObject[] = [];
	if (look.bold) properties.push({ 'w:b': {} }, { 'w:bCs': {} });
	if (look.italics) properties.push({ 'w:i': {} }, { 'w:iCs': {} });
	if (look.color) properties.push({ 'w:color': value(look.color) });
	if (look.size !== undefined)
		properties.push({ 'w:sz': value(look.size) }, { 'w:szCs': value(look.size) });
	if (look.highlight) properties.push({ 'w:highlight': value(look.highlight) });
	if (look.language) properties.push({ 'w:lang': value(look.language) });
	const t = { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] };
	// A paragraph takes any component as a child; docx's types list only its own classes.
	return new Written('w:r', {
		'w:r': properties.length ? [{ 'w:rPr': properties }, t] : [t]
	}) as unknown as TextRun;
}

/** A paragraph of runs with the look given; docx's own Paragraph when a child is not a run written here. */
export function paragraph(look: ParagraphLook, children: ParagraphChild[]): Paragraph {
	if (!children.every((child) => child instanceof Written && child.element === 'w:r'))
		return new Paragraph({ ...look, children });
	const properties: IXmlableObject[] = [];
	if (look.style) properties.push({ 'w:pStyle': value(look.style) });
	// docx writes a false one too, as `w:val="false"`.
	if (look.keepNext !== undefined)
		properties.push({ 'w:keepNext': look.keepNext ? {} : { _attr: { 'w:val': false } } });
	const { before, after } = look.spacing ?? {};
	if (before !== undefined || after !== undefined)
		properties.push({
			'w:spacing': {
				_attr: {
					...(after === undefined ? {} : { 'w:after': after }),
					...(before === undefined ? {} : { 'w:before': before })
				}
			}
		});
	if (look.indent) properties.push({ 'w:ind': { _attr: { 'w:left': look.indent.left } } });
	if (look.alignment) properties.push({ 'w:jc': value(look.alignment) });
	const content = [
		...(properties.length ? [{ 'w:pPr': properties }] : []),
		...children.map((child) => (child as unknown as Written).prepForXml())
	];
	return new WrittenParagraph(
		{ 'w:p': content.length ? content : {} },
		look,
		children
	) as unknown as Paragraph;
}

/**
 * The blocks of a section, its last one docx's own Paragraph: docx ends a section on its last
 * paragraph only when that is one of its Paragraphs, else it adds an empty one; here that empty one is
 * among the section's blocks, as the page estimate watches them (page-numbers.ts). The last section's
 * properties are the body's own, after its blocks (`last`).
 */
export function sectionEnd(blocks: FileChild[], last = false): FileChild[] {
	const end = blocks.at(-1);
	if (end instanceof WrittenParagraph)
		blocks[blocks.length - 1] = new Paragraph({ ...end.look, children: end.children });
	else if (!last && !(end instanceof Paragraph)) blocks.push(new Paragraph({}));
	return blocks;
}

/** A table cell: its paragraphs and tables, with its shading (a hex colour) and own width (twips) where it has them. */
export interface CellLook {
	fill?: string;
	width?: number;
}
export interface WrittenCell {
	look?: CellLook;
	children: FileChild[];
}
/** A table row: whether it repeats as the header on each page, cannot split across pages, its exact height (twips). */
export interface RowLook {
	header?: boolean;
	cantSplit?: boolean;
	height?: number;
}
export interface WrittenRow {
	look?: RowLook;
	cells: WrittenCell[];
}
/** A table: its grid's column widths and its width, in twips; without `width`, the whole of `available`, the text
 * width it is in (the columns are then scaled up to fill it, as docx writes the cells' widths). */
export interface TableLook {
	columns: number[];
	width?: number;
	available: number;
	/** No borders; else single lines around and between every cell. */
	borders?: 'none';
}

/** A table whose XML needs what docx works out as it writes (a child that is docx's own component). */
class LateTable extends BaseXmlComponent {
	readonly #build: (context: IContext) => IXmlableObject;

	constructor(build: (context: IContext) => IXmlableObject) {
		super('w:tbl');
		this.#build = build;
	}

	prepForXml(context: IContext): IXmlableObject {
		return this.#build(context);
	}
}

/**
 * A table, written as docx writes `new Table({ width, columnWidths, borders, rows })` of TableRows
 * (`cantSplit`, `tableHeader`, an exact `height`) of TableCells (`shading` clear on auto, `width` in
 * twips), for the properties the export uses (written.test.ts compares them). Cells end with a
 * paragraph, as Word requires; a row without cells is left out, as docx leaves it.
 */
export function table(look: TableLook, rows: WrittenRow[]): Table {
	const attr = (attributes: Record<string, string | number>) => ({ _attr: attributes });
	const line = look.borders === 'none' ? { val: 'none', sz: 0 } : { val: 'single', sz: 4 };
	const border = attr({ 'w:val': line.val, 'w:color': 'auto', 'w:sz': line.sz });
	const properties = {
		'w:tblPr': [
			{
				'w:tblW': attr(
					look.width === undefined
						? { 'w:type': 'pct', 'w:w': '5000' }
						: { 'w:type': 'dxa', 'w:w': look.width }
				)
			},
			{
				'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(
					(side) => ({ [side]: border })
				)
			}
		]
	};
	const grid = { 'w:tblGrid': look.columns.map((w) => ({ 'w:gridCol': attr({ 'w:w': w }) })) };
	const total = look.columns.reduce((sum, w) => sum + w, 0);
	const tableWidth = look.width ?? look.available;
	const scale = total > 0 && tableWidth > total ? tableWidth / total : 1;
	const late = rows.some((row) =>
		row.cells.some((cell) => cell.children.some((child) => !(child instanceof Written)))
	);
	const build = (format: (child: FileChild) => IXmlableObject | undefined): IXmlableObject => {
		const out: IXmlableObject[] = [properties, grid];
		for (const row of rows) {
			if (row.cells.length === 0) continue;
			const rowProperties: IXmlableObject[] = [];
			if (row.look?.cantSplit) rowProperties.push({ 'w:cantSplit': {} });
			if (row.look?.header) rowProperties.push({ 'w:tblHeader': {} });
			if (row.look?.height !== undefined)
				rowProperties.push({
					'w:trHeight': attr({ 'w:val': row.look.height, 'w:hRule': 'exact' })
				});
			const tr: IXmlableObject[] = rowProperties.length ? [{ 'w:trPr': rowProperties }] : [];
			row.cells.forEach((cell, column) => {
				const width =
					cell.look?.width ??
					(column < look.columns.length ? Math.round(look.columns[column] * scale) : 0);
				const cellProperties: IXmlableObject[] = [];
				if (width > 0) cellProperties.push({ 'w:tcW': attr({ 'w:type': 'dxa', 'w:w': width }) });
				if (cell.look?.fill)
					cellProperties.push({
						'w:shd': attr({ 'w:fill': cell.look.fill, 'w:color': 'auto', 'w:val': 'clear' })
					});
				const tc: IXmlableObject[] = cellProperties.length ? [{ 'w:tcPr': cellProperties }] : [];
				let last: string | undefined;
				for (const child of cell.children) {
					const xml = format(child);
					if (!xml) continue;
					tc.push(xml);
					last = Object.keys(xml)[0];
				}
				if (last !== 'w:p') tc.push({ 'w:p': {} });
				tr.push({ 'w:tc': tc });
			});
			out.push({ 'w:tr': tr });
		}
		return { 'w:tbl': out };
	};
	if (!late)
		return new Written(
			'w:tbl',
			build((child) => (child as unknown as Written).prepForXml())
		) as unknown as Table;
	return new LateTable((context) =>
		build((child) => (child instanceof Written ? child.prepForXml() : child.prepForXml(context)))
	) as unknown as Table;
}

/** Whether a block is a table, docx's or one written here. */
export const isTable = (block: FileChild | undefined): boolean =>
	(block as { rootKey?: string } | undefined)?.rootKey === 'w:tbl';
