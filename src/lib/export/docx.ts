// The plan as a Word document: the document model of the plan (document/build.ts: cover, contents,
// narrative chapters, one chapter per pillar, the results matrix in a landscape section, coordination,
// budget, monitoring, annexes) rendered in Word's own styles, then the scorecard annex. The team's own
// text carries the plan's language and the fixed texts the export's, so that Word's spelling checker
// reads each in its language; the contents page is written with its page numbers (toc.ts, pages.ts).
// Pure: the same code runs in the browser and in Node.
import {
	AlignmentType,
	Document,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	PageBreak,
	PageNumber,
	PageOrientation,
	Paragraph,
	SectionType,
	Table,
	TextRun,
	type FileChild,
	type ISectionOptions,
	type ParagraphChild
} from 'docx';
import { buildPlanDocument } from '../document/build.ts';
import { buildReportDocument, reportDate } from '../document/report.ts';
import type { Block, Cell, Line, Part, PlanDocument, Run, Section } from '../document/model.ts';
import type { Language, Plan } from '../plan/schema.ts';
import type { Anchor } from '../comments/comments.ts';
import { fromBase64 } from '../plan/emblem.ts';
import { barBelow, scorecardAnnex, type AnnexContext } from './scorecard-annex.ts';
import { WordComments } from './comments.ts';
import { exportStrings } from './strings.ts';
import { xmlSafe } from './xml-text.ts';
import { COPY_CONTENTS, type ExportContents } from './contents.ts';
import type { ParagraphLook } from './pages.ts';
import { PageNumbers } from './page-numbers.ts';
import { Contents } from './toc.ts';
import {
	isTable,
	paragraph,
	sectionEnd,
	table,
	textRun,
	type RunLook,
	type WrittenCell,
	type WrittenRow
} from './written.ts';

export { COPY_CONTENTS, type CopyKind, type ExportContents } from './contents.ts';

export type Paper = 'a4' | 'letter';

export interface ExportOptions {
	language: Language;
	paper?: Paper;
	/** Defaults to a working copy's: everything. */
	contents?: ExportContents;
	/** The version date on the cover; defaults to the plan's last change (the version exported), not the machine's date. */
	now?: Date;
	/** Called as the actions are written (each twice: its chapter, then the results matrix). */
	onProgress?: (done: number, total: number) => void;
}

/** The emblem's largest size on the cover, in pixels (96 to the inch): about 3 cm high, 7 cm wide. */
const EMBLEM_HEIGHT = 113;
const EMBLEM_WIDTH = 265;

const PAPER: Record<Paper, { width: number; height: number }> = {
	a4: { width: 11906, height: 16838 }, // twentieths of a point
	letter: { width: 12240, height: 15840 }
};
const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };
const MARGIN = 1134; // 2 cm
// Text widths of A4 less the margins; on US Letter Word fits the grid to the page.
const PORTRAIT_TEXT_WIDTH = PAPER.a4.width - 2 * MARGIN;
const LANDSCAPE_TEXT_WIDTH = PAPER.a4.height - 2 * MARGIN;
/** The bars of a chart's table: the plan's blue, as the review step's first series. */
const BAR_COLOUR = '1D4E89';
const FONT = 'Arial'; // present in every Word install; LibreOffice maps it to the metric-compatible Liberation Sans
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
/** The paragraph styles' sizes (half-points), spacing and indents (twips): the styles below are written from
 * them, and the page estimate that numbers the contents page reads them. TOC1 to TOC3 are docx's own. */
const LOOKS = {
	Normal: { size: 22 },
	Title: { size: 48, bold: true },
	Heading1: { size: 32, bold: true, before: 360, after: 160 },
	Heading2: { size: 26, bold: true, before: 240, after: 120 },
	Heading3: { size: 23, bold: true, before: 200, after: 80 },
	Details: { after: 40, indent: 284 },
	TableText: { size: 18 },
	TableHeader: { size: 18, bold: true },
	MatrixText: { size: 16 },
	MatrixHeader: { size: 16, bold: true },
	TOCHeading: { size: 32, bold: true, after: 240 },
	Authority: { size: 28, bold: true },
	TOC1: { after: 100 },
	TOC2: { after: 100, indent: 220 },
	TOC3: { after: 100, indent: 440 }
} as const satisfies Record<string, ParagraphLook>;

export function buildDocument(input: Plan, options: ExportOptions): Document {
	const plan = xmlSafe(input);
	const { language, contents = COPY_CONTENTS.working } = options;
	const model = buildPlanDocument(plan, {
		language,
		t: exportStrings(language),
		contents,
		now: options.now ?? new Date(plan.updatedAt)
	});
	return renderDocument(plan, model, options, {
		comments: contents.comments,
		annex: contents.annex ? (context) => scorecardAnnex(plan, language, context) : undefined
	});
}

export interface ReportExportOptions extends ExportOptions {
	/** The reporting period's key (plan/periods.ts): '2027'. */
	period: string;
}

/** The progress report of a period (document/report.ts), in Word. The date on its cover defaults to the
 * period's last update. Throws UnknownPeriodError for a period the plan does not have. */
export function buildReport(input: Plan, options: ReportExportOptions): Document {
	const plan = xmlSafe(input);
	const { language, contents = COPY_CONTENTS.working } = options;
	const model = buildReportDocument(plan, {
		language,
		t: exportStrings(language),
		contents,
		period: options.period,
		now: options.now ?? reportDate(plan, options.period)
	});
	return renderDocument(plan, model, options, { comments: false });
}

/** A document model (the plan's or a progress report's) as a Word document; `annex`: what goes after
 * its last section (the scorecard annex), `comments`: whether reviewers' comments become Word comments. */
function renderDocument(
	plan: Plan,
	model: PlanDocument,
	options: ExportOptions,
	extra: { comments: boolean; annex?: (context: AnnexContext) => FileChild[] }
): Document {
	const { language, paper = 'a4' } = options;
	const t = exportStrings(language);
	// Without comments, the renderer sees none to anchor.
	const comments = new WordComments(
		extra.comments ? plan : { ...plan, comments: [] },
		t('comments.unnamed')
	);
	const size = PAPER[paper];
	// The team's text carries its own language tag only where it is not the document's: a plan exported
	// in its own language needs none on any run, and its runs can join.
	const w = new Renderer(
		model,
		comments,
		model.planLanguage === language ? undefined : { value: LANGUAGE_TAGS[model.planLanguage] },
		size,
		options.onProgress
	);
	const title = model.title.map((run) => run.text).join('');

	const header = new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				children: w.runs(model.title, { size: 16, color: '555555' })
			})
		]
	});
	// "Page {{page}} of {{pages}}" in the export language, with Word's page fields in place of the numbers.
	const pageRuns = model.pageNumbers.map((part) =>
		typeof part === 'string'
			? part
			: part.field === 'page'
				? PageNumber.CURRENT
				: PageNumber.TOTAL_PAGES
	);
	const numbers = new PageNumbers(LOOKS);
	const footer = new Footer({
		children: [
			numbers.counted(
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ size: 18, children: pageRuns })]
				})
			)
		]
	});
	const section = (children: FileChild[], part: Section): ISectionOptions => ({
		properties: {
			type: SectionType.NEXT_PAGE,
			page: {
				size: {
					...size,
					orientation:
						part.layout === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
				},
				margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
			}
		},
		headers: { default: header },
		footers: { default: footer },
		children
	});
	// The parts are written first: the contents list their headings, and comments are collected as they are written.
	const last = model.sections.length - 1;
	const written = model.sections.map((part) => w.section(part));
	if (extra.annex)
		written[last].push(
			...extra.annex({
				contents: w.toc,
				ownLanguage: w.ownLanguage,
				textWidth: size.width - 2 * MARGIN
			})
		);
	w.writeContents();
	const blocks = written.map((blocks, i) => sectionEnd(blocks, i === last));
	// The contents page's numbers and the footers' page count are written with the document (toc.ts,
	// page-numbers.ts): Word need not update fields.
	const lastPage =
		model.sections[last].layout === 'landscape' ? { width: size.height, height: size.width } : size;
	numbers.watch(blocks.flat(), { ...lastPage, margin: MARGIN }, (pages) => w.toc.fill(pages));

	return new Document({
		creator: 'NAP Builder',
		lastModifiedBy: 'NAP Builder',
		title,
		subject: model.subject,
		keywords: model.keywords,
		description: model.description,
		styles: {
			default: {
				document: {
					run: { font: FONT, size: LOOKS.Normal.size, language: { value: LANGUAGE_TAGS[language] } }
				},
				heading1: {
					run: { font: FONT, size: LOOKS.Heading1.size, bold: true, color: '1D4E89' },
					paragraph: { spacing: { before: LOOKS.Heading1.before, after: LOOKS.Heading1.after } }
				},
				heading2: {
					run: { font: FONT, size: LOOKS.Heading2.size, bold: true, color: '1D4E89' },
					paragraph: { spacing: { before: LOOKS.Heading2.before, after: LOOKS.Heading2.after } }
				},
				heading3: {
					run: { font: FONT, size: LOOKS.Heading3.size, bold: true },
					paragraph: { spacing: { before: LOOKS.Heading3.before, after: LOOKS.Heading3.after } }
				},
				title: { run: { font: FONT, size: LOOKS.Title.size, bold: true, color: '1D4E89' } }
			},
			// Word's built-in "TOC Heading": looks like a chapter title but stays out of the table it heads.
			paragraphStyles: [
				{
					id: 'Details',
					name: 'Details',
					basedOn: 'Normal',
					paragraph: {
						spacing: { after: LOOKS.Details.after },
						indent: { left: LOOKS.Details.indent }
					}
				},
				{
					id: 'TableText',
					name: 'Table Text',
					basedOn: 'Normal',
					run: { size: LOOKS.TableText.size }
				},
				{
					id: 'TableHeader',
					name: 'Table Header',
					basedOn: 'Normal',
					run: { size: LOOKS.TableHeader.size, bold: true }
				},
				{
					id: 'MatrixText',
					name: 'Matrix Text',
					basedOn: 'Normal',
					run: { size: LOOKS.MatrixText.size }
				},
				{
					id: 'MatrixHeader',
					name: 'Matrix Header',
					basedOn: 'Normal',
					run: { size: LOOKS.MatrixHeader.size, bold: true }
				},
				{
					id: 'Authority',
					name: 'Issuing Authority',
					basedOn: 'Normal',
					next: 'Normal',
					run: { font: FONT, size: LOOKS.Authority.size, bold: true }
				},
				{
					id: 'TOCHeading',
					name: 'TOC Heading',
					basedOn: 'Normal',
					next: 'Normal',
					run: { font: FONT, size: LOOKS.TOCHeading.size, bold: true, color: '1D4E89' },
					paragraph: { spacing: { after: LOOKS.TOCHeading.after } }
				}
			]
		},
		// Comments are collected while the sections are written: this property comes after them.
		sections: model.sections.map((part, i) => section(blocks[i], part)),
		comments: { children: comments.written }
	});
}

/** The language tag of a run: the plan's for the team's own text, none (the document's default) for a fixed text. */
type RunLanguage = { value: string } | undefined;
/** What every run of a line has besides its own look. */
type Extra = Pick<RunLook, 'size' | 'color' | 'bold'>;

/** Writes the document model as Word paragraphs and tables. */
class Renderer {
	readonly #model: PlanDocument;
	readonly #comments: WordComments;
	readonly #onProgress: ((done: number, total: number) => void) | undefined;
	#done = 0;
	readonly #total: number;
	#textWidth = PORTRAIT_TEXT_WIDTH;
	/** The text width of the section being written, on the paper exported to: what a table's 100% is. */
	#availableWidth = PORTRAIT_TEXT_WIDTH;
	readonly #paper: { width: number; height: number };
	/** Where the page numbers of the contents align, in twips. */
	readonly #contentsWidth: number;
	/** The contents page, once written: each place it goes, and its title. */
	readonly #contents: { at: FileChild[]; index: number; title: string }[] = [];
	/** The headings, for the contents page. */
	readonly toc = new Contents();
	/** The language tag of the team's own text. */
	readonly ownLanguage: RunLanguage;

	constructor(
		model: PlanDocument,
		comments: WordComments,
		ownLanguage: RunLanguage,
		paper: { width: number; height: number },
		onProgress?: (done: number, total: number) => void
	) {
		this.#model = model;
		this.#comments = comments;
		this.ownLanguage = ownLanguage;
		this.#paper = paper;
		this.#contentsWidth = paper.width - 2 * MARGIN;
		this.#onProgress = onProgress;
		// Each action is written twice: its part of its pillar's chapter, and its row of the results matrix.
		const parts = model.sections.flatMap((s) => s.parts);
		this.#total =
			parts.filter((p) => p.anchor?.target === 'action').length +
			parts
				.flatMap((p) => p.blocks)
				.reduce((n, b) => n + (b.kind === 'table' && b.dense ? b.rows.length : 0), 0);
	}

	/** Reports progress every 25 actions: often enough for a progress bar, rarely enough to cost nothing. */
	#step(): void {
		this.#done++;
		if (this.#onProgress && (this.#done % 25 === 0 || this.#done === this.#total))
			this.#onProgress(this.#done, this.#total);
	}

	section(section: Section): FileChild[] {
		const landscape = section.layout === 'landscape';
		this.#textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
		this.#availableWidth = (landscape ? this.#paper.height : this.#paper.width) - 2 * MARGIN;
		const out: FileChild[] = [];
		for (const part of section.parts) {
			if (part.anchor?.target === 'action') this.#step();
			// The cover: the title stands lower on the page when no emblem or issuing authority is above it.
			const crowned = part.blocks.some((b) => b.kind === 'emblem' || b.kind === 'authority');
			for (const block of part.blocks) {
				// Two tables in a row would run together into one.
				if (block.kind === 'table' && isTable(out.at(-1)))
					out.push(paragraph({ spacing: { before: 200 } }, []));
				if (block.kind === 'contents') {
					// Written once every heading is (writeContents).
					this.#contents.push({ at: out, index: out.length, title: block.title });
					continue;
				}
				out.push(...this.block(block, part, crowned));
			}
		}
		return out;
	}

	/** The contents page in each place it goes: an entry for each heading written, linked to its bookmark, with the page number the estimate works out (toc.ts, pages.ts). */
	writeContents(): void {
		for (const { at, index, title } of this.#contents.reverse())
			at.splice(
				index,
				0,
				new Paragraph({ children: [new PageBreak()] }),
				// The field's own title is only an alias Word and LibreOffice never print: the heading is ours.
				new Paragraph({ style: 'TOCHeading', children: [new TextRun(title)] }),
				this.toc.table(title, this.#contentsWidth),
				new Paragraph({ children: [new PageBreak()] })
			);
	}

	/**
	 * Runs of a line of the model, each in its language; `extra`: what every run of it has besides (a size,
	 * a colour). Runs that would be written alike are written as one: a plan exported in its own language
	 * writes "1.2 " and the objective's text as one run, not two with the same properties.
	 */
	runs(line: Line, extra: Extra = {}): TextRun[] {
		const out: TextRun[] = [];
		let options: RunLook | undefined;
		let look = '';
		let text = '';
		for (const run of line) {
			const [own, runLook] = this.#look(run, extra);
			if (options && runLook === look) {
				text += run.text;
				continue;
			}
			if (options) out.push(textRun(text, options));
			options = own;
			look = runLook;
			text = run.text;
		}
		if (options) out.push(textRun(text, options));
		return out;
	}

	/** A run's properties, and a key that is the same for two runs exactly when their properties are. */
	#look(run: Run, extra: Extra): [RunLook, string] {
		const language = this.ownLanguage?.value;
		const lang = language ? 'lang' : '';
		switch (run.kind) {
			case 'plan':
				return [{ ...extra, language }, `${lang}${extra.bold ? ' b' : ''}`];
			case 'placeholder':
				// Highlighted, so that no figure still to be written in goes out unnoticed.
				return [{ ...extra, language, highlight: 'yellow' }, `${lang} h${extra.bold ? ' b' : ''}`];
			case 'fixed': {
				const bold = run.strong || extra.bold;
				return [{ ...extra, bold }, bold ? ' b' : ''];
			}
			case 'missing':
				return [{ ...extra, italics: true, color: '767676' }, ` i${extra.bold ? ' b' : ''}`];
		}
	}

	/** The runs of each paragraph, with the comments on the part around them when the block is the part's anchored one. */
	anchored(
		paragraphs: ParagraphChild[][],
		part: Part,
		anchored: boolean | undefined
	): ParagraphChild[][] {
		return anchored && part.anchor
			? this.#comments.wrap(part.anchor as Anchor, paragraphs)
			: paragraphs;
	}

	label(text: string): TextRun {
		return textRun(`${text}${this.#model.colon}`, { bold: true });
	}

	block(block: Block, part: Part, crowned = false): FileChild[] {
		switch (block.kind) {
			case 'emblem':
				return [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { before: 960, after: 360 },
						children: this.emblem(block)
					})
				];
			case 'authority':
				return [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { before: part.blocks[0] === block ? 1440 : 0, after: 720 },
						style: 'Authority',
						children: this.runs(block.text)
					})
				];
			case 'title':
				return [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { before: crowned ? 240 : 2400, after: 480 },
						heading: HeadingLevel.TITLE,
						children: this.anchored([this.runs(block.text)], part, block.anchored)[0]
					})
				];
			case 'subtitle':
				return [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { after: 960 },
						children: this.runs(block.text, { size: 28 })
					})
				];
			case 'contents':
				return []; // written by writeContents
			case 'heading': {
				// The lead and the text as one line, unless comments sit on the text alone.
				const line = () => this.runs([...(block.lead ?? []), ...block.text]);
				const commented =
					block.anchored && part.anchor && this.#comments.has(part.anchor as Anchor);
				const children = commented
					? [
							...this.runs(block.lead ?? []),
							...this.anchored([this.runs(block.text)], part, block.anchored)[0]
						]
					: line();
				return [
					new Paragraph({
						heading: HEADINGS[block.level - 1],
						children: this.toc.add(block.level, children, line)
					})
				];
			}
			case 'text': {
				const missing =
					block.lines.length === 1 && block.lines[0].every((run) => run.kind === 'missing');
				return this.anchored(
					block.lines.map((line) => this.runs(line)),
					part,
					block.anchored
				).map((children) => paragraph({ spacing: missing ? undefined : { after: 120 } }, children));
			}
			case 'label':
				return [
					paragraph({ spacing: { before: 120 }, keepNext: true }, [
						textRun(block.text, { bold: true })
					])
				];
			case 'entry': {
				const [text] = this.anchored([this.runs(block.text)], part, block.anchored);
				return [
					paragraph({ style: 'Details', keepNext: true }, [
						textRun(`${block.number} `, { bold: true }),
						...text
					])
				];
			}
			case 'values':
				if (block.layout === 'inline')
					return [
						paragraph(
							// Under the entry, past the Details style's own indent.
							{ style: 'Details', indent: { left: 644 }, spacing: { after: 120 } },
							block.values.flatMap(({ label, value }, i) => [
								textRun(`${i ? this.#model.separator : ''}${label}${this.#model.colon}`, {
									bold: true
								}),
								...this.runs(value)
							])
						)
					];
				return block.values.map(({ label, value }) =>
					paragraph(block.layout === 'cover' ? { spacing: { after: 120 } } : { style: 'Details' }, [
						this.label(label),
						...this.runs(value)
					])
				);
			case 'list':
				return block.items.map(
					(item) => new Paragraph({ bullet: { level: 0 }, children: this.runs(item) })
				);
			case 'table':
				return [this.table(block)];
		}
	}

	/** The emblem, at most EMBLEM_HEIGHT pixels high and EMBLEM_WIDTH wide; nothing where its bytes cannot be read. */
	emblem(block: Extract<Block, { kind: 'emblem' }>): ImageRun[] {
		const data = fromBase64(block.data);
		if (!data) return [];
		const scale = Math.min(EMBLEM_HEIGHT / block.height, EMBLEM_WIDTH / block.width, 1);
		const description = block.description;
		return [
			new ImageRun({
				type: block.type === 'image/png' ? 'png' : 'jpg',
				data,
				transformation: {
					width: Math.max(1, Math.round(block.width * scale)),
					height: Math.max(1, Math.round(block.height * scale))
				},
				altText: { name: description, title: description, description }
			})
		];
	}

	/** A table with a header row that repeats on every page; widths in percent of the text width. */
	table(block: Extract<Block, { kind: 'table' }>): Table {
		const style = block.dense ? 'Matrix' : 'Table';
		// Column widths go in the table grid once, not on every cell: long tables build much faster.
		const columnWidths = block.widths.map((w) => Math.round((w / 100) * this.#textWidth));
		const cell = (
			lines: Cell,
			header = false,
			bar?: { share: number; width: number }
		): WrittenCell => ({
			look: header ? { fill: 'DCE6F2' } : undefined,
			// Size and weight come from a paragraph style, not from properties on every run: big tables pack much faster.
			children: [
				...lines.map((line) =>
					paragraph({ style: `${style}${header ? 'Header' : 'Text'}` }, this.runs(line))
				),
				// A chart's bar under the figure, drawn as the scorecard annex draws its bars.
				...(bar ? barBelow(bar.share, BAR_COLOUR, bar.width) : [])
			]
		});
		const row = (cells: Cell[], r: number): WrittenRow => {
			if (block.dense) this.#step();
			const bars = block.bars?.[r];
			return {
				look: { cantSplit: true },
				cells: cells.map((c, i) => {
					const share = bars?.[i];
					return cell(
						c,
						false,
						share === null || share === undefined ? undefined : { share, width: columnWidths[i] }
					);
				})
			};
		};
		return table({ columns: columnWidths, available: this.#availableWidth }, [
			{
				look: { header: true, cantSplit: true },
				cells: block.headers.map((h) => cell([[{ kind: 'fixed', text: h }]], true))
			},
			...block.rows.map(row),
			...(block.totals ?? []).map((cells) => ({
				look: { cantSplit: true },
				cells: cells.map((c) => cell(c))
			}))
		]);
	}
}
