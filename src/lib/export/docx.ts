// The plan as a Word document: cover, table of contents, narrative chapters in the order of a
// national action plan, one chapter per pillar, the results matrix in a landscape section, budget,
// coordination and monitoring, annexes. Pure: the same code runs in the browser and in Node.
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
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type FileChild,
	type ISectionOptions,
	type ParagraphChild
} from 'docx';
import type { Anchor, CommentSection } from '../comments/comments.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { actionCurrency, actionsOf, budgetBy, budgetTotals, type BudgetGrouping } from '../plan/operations.ts';
import type { Indicator, Language, Plan } from '../plan/schema.ts';
import { fromBase64 } from '../plan/emblem.ts';
import { pillarName, planLanguage } from '../plan/text.ts';
import { scorecardAnnex } from './scorecard-annex.ts';
import { WordComments } from './comments.ts';
import { exportStrings, type Translate } from './strings.ts';
import { clean, xmlSafe } from './xml-text.ts';
import { COPY_CONTENTS, type ExportContents } from './contents.ts';
import { pageEstimator, type ParagraphLook } from './pages.ts';
import { Contents } from './toc.ts';

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
const FONT = 'Arial'; // present in every Word install; LibreOffice maps it to the metric-compatible Liberation Sans
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

/** Where comments on a plan section sit. */
const sectionAnchor = (step: CommentSection): Anchor => ({ target: 'section', targetId: step });

export function buildDocument(input: Plan, options: ExportOptions): Document {
	const plan = xmlSafe(input);
	const { language, paper = 'a4', contents = COPY_CONTENTS.working } = options;
	const t = exportStrings(language);
	// Without comments, the writer sees none to anchor.
	const w = new Writer(contents.comments ? plan : { ...plan, comments: [] }, language, t, options.onProgress, contents.internalStatus);
	const title: Text = plan.overview.title.trim() ? own(clean(plan.overview.title.trim())) : t('export.cover.subject');
	const size = PAPER[paper];

	const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: textOf(title), size: 16, color: '555555', language: isOwn(title) ? w.ownLanguage : undefined })] })] });
	// "Page {{page}} of {{pages}}" in the export language, with Word's page fields in place of the numbers.
	const pageRuns = t('export.page', { page: '\u0000', pages: '\u0001' })
		.split(/(\u0000|\u0001)/)
		.filter(Boolean)
		.map((part) => (part === '\u0000' ? PageNumber.CURRENT : part === '\u0001' ? PageNumber.TOTAL_PAGES : part));
	const footer = new Footer({
		children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: pageRuns })] })]
	});
	const section = (children: ISectionOptions['children'], landscape = false): ISectionOptions => ({
		properties: {
			type: SectionType.NEXT_PAGE,
			page: {
				size: { ...size, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
				margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
			}
		},
		headers: { default: header },
		footers: { default: footer },
		children
	});

	// The parts are written first: the contents list their headings, and comments are collected as they are written.
	const cover = w.cover(title, options.now ?? new Date(plan.updatedAt));
	const chapters = [...w.narrative(), ...w.pillars()];
	const matrix = w.resultsMatrix();
	const back = [...w.coordination(), ...w.budget(), ...w.monitoring(), ...w.annexes(), ...(contents.annex ? scorecardAnnex(plan, language, { contents: w.toc, ownLanguage: w.ownLanguage }) : [])];

	return new Document({
		creator: 'NAP Builder',
		lastModifiedBy: 'NAP Builder',
		title: textOf(title),
		subject: t('export.cover.subject'),
		keywords: t('export.cover.keywords'),
		description: clean(plan.overview.country),
		// The contents page's numbers are written with the document (contents() below): Word need not update fields.
		pageNumbers: pageEstimator(LOOKS),
		styles: {
			default: {
				document: { run: { font: FONT, size: LOOKS.Normal.size, language: { value: LANGUAGE_TAGS[language] } } },
				heading1: { run: { font: FONT, size: LOOKS.Heading1.size, bold: true, color: '1D4E89' }, paragraph: { spacing: { before: LOOKS.Heading1.before, after: LOOKS.Heading1.after } } },
				heading2: { run: { font: FONT, size: LOOKS.Heading2.size, bold: true, color: '1D4E89' }, paragraph: { spacing: { before: LOOKS.Heading2.before, after: LOOKS.Heading2.after } } },
				heading3: { run: { font: FONT, size: LOOKS.Heading3.size, bold: true }, paragraph: { spacing: { before: LOOKS.Heading3.before, after: LOOKS.Heading3.after } } },
				title: { run: { font: FONT, size: LOOKS.Title.size, bold: true, color: '1D4E89' } }
			},
			// Word's built-in "TOC Heading": looks like a chapter title but stays out of the table it heads.
			paragraphStyles: [
				{ id: 'Details', name: 'Details', basedOn: 'Normal', paragraph: { spacing: { after: LOOKS.Details.after }, indent: { left: LOOKS.Details.indent } } },
				{ id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: LOOKS.TableText.size } },
				{ id: 'TableHeader', name: 'Table Header', basedOn: 'Normal', run: { size: LOOKS.TableHeader.size, bold: true } },
				{ id: 'MatrixText', name: 'Matrix Text', basedOn: 'Normal', run: { size: LOOKS.MatrixText.size } },
				{ id: 'MatrixHeader', name: 'Matrix Header', basedOn: 'Normal', run: { size: LOOKS.MatrixHeader.size, bold: true } },
				{ id: 'Authority', name: 'Issuing Authority', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: LOOKS.Authority.size, bold: true } },
				{ id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: LOOKS.TOCHeading.size, bold: true, color: '1D4E89' }, paragraph: { spacing: { after: LOOKS.TOCHeading.after } } }
			]
		},
		sections: [section([...cover, ...w.contents(size.width - 2 * MARGIN), ...chapters]), section(matrix, true), section(back)],
		comments: { children: w.comments.written }
	});
}

// Languages of the runs -------------------------------------------------------------------
// The fixed texts (headings, labels, table headers) carry the export language, the document's default;
// the plan's own text, everything the team typed, carries the language the plan is written in, so that
// Word's spelling checker reads a plan written in English, exported with French headings, as English.

/** A text the team typed (its runs carry the plan's language), with the comments on it, if any. */
interface Own {
	own: string;
	anchor?: Anchor;
}
/** A fixed text of the export (a plain string) or the team's own. */
type Text = string | Own;
const own = (text: string, anchor?: Anchor): Own => ({ own: text, anchor });
const isOwn = (text: Text): text is Own => typeof text !== 'string';
const textOf = (text: Text): string => (isOwn(text) ? text.own : text);

/** The language of a run: the plan's for its own text, none (the document's default) for a fixed text. */
type RunLanguage = { value: string } | undefined;

/** A line of text as runs in `language`, each [[placeholder]] highlighted so that none goes out unnoticed. */
function runs(line: string, language?: RunLanguage): TextRun[] {
	if (!line.includes('[[')) return [new TextRun({ text: line, language })];
	return line
		.split(/(\[\[[^\]]+\]\])/)
		.filter(Boolean)
		.map((part) => new TextRun({ text: part, language, highlight: /^\[\[[^\]]+\]\]$/.test(part) ? 'yellow' : undefined }));
}

/** Builds the document's parts for one plan and one language. */
class Writer {
	private readonly plan: Plan;
	private readonly language: Language;
	private readonly t: Translate;
	private readonly institutions: Map<string, string>;
	private readonly onProgress: ((done: number, total: number) => void) | undefined;
	private done = 0;
	private readonly total: number;
	/** Reviewers' open comments, anchored as the parts they are on are written. */
	readonly comments: WordComments;
	/** The headings, for the contents page. */
	readonly toc = new Contents();

	/** Whether actions show their internal status and whether their funds are secured. */
	readonly internalStatus: boolean;
	/** The language tag of the team's own text. */
	readonly ownLanguage: RunLanguage;

	constructor(plan: Plan, language: Language, t: Translate, onProgress?: (done: number, total: number) => void, internalStatus = true) {
		this.plan = plan;
		this.internalStatus = internalStatus;
		this.comments = new WordComments(plan, t('comments.unnamed'), clean);
		this.language = language;
		this.t = t;
		this.onProgress = onProgress;
		this.total = 2 * [...actionsOf(plan)].length;
		this.institutions = new Map(plan.institutions.map((i) => [i.id, clean(i.name.trim())]));
		this.ownLanguage = { value: LANGUAGE_TAGS[planLanguage(plan) ?? language] };
	}

	/** Runs of a fixed text or of the team's own, in the language each carries. */
	runsOf(text: Text): TextRun[] {
		return runs(clean(textOf(text)), isOwn(text) ? this.ownLanguage : undefined);
	}

	/** Reports progress every 25 actions: often enough for a progress bar, rarely enough to cost nothing. */
	private step(): void {
		this.done++;
		if (this.onProgress && (this.done % 25 === 0 || this.done === this.total)) this.onProgress(this.done, this.total);
	}

	// Building blocks ------------------------------------------------------------------------

	/** A heading; `anchor`: the part of the plan whose comments sit on it. `lead`: text before the anchored words. */
	heading(text: Text, level: 1 | 2 | 3, anchor?: Anchor, lead = ''): Paragraph {
		const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1];
		const [runs] = this.anchored([this.runsOf(text)], anchor);
		const children = lead ? [new TextRun(clean(lead)), ...runs] : runs;
		return new Paragraph({ heading, children: this.toc.add(level, children, () => [...(lead ? [new TextRun(clean(lead))] : []), ...this.runsOf(text)]) });
	}

	/** Runs (per paragraph) with the comments on `anchor` around them. */
	anchored(paragraphs: ParagraphChild[][], anchor?: Anchor): ParagraphChild[][] {
		return anchor ? this.comments.wrap(anchor, paragraphs) : paragraphs;
	}

	/** The user's text, one paragraph per line; "to be completed" where it is empty. */
	text(value: string, anchor?: Anchor): Paragraph[] {
		const lines = clean(value).split(/\r?\n/).map((l) => l.trimEnd());
		if (lines.every((l) => l.trim() === '')) return [this.missing(anchor)];
		const kept = lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
		return this.anchored(kept.map((l) => runs(l, this.ownLanguage)), anchor).map((children) => new Paragraph({ spacing: { after: 120 }, children }));
	}

	missing(anchor?: Anchor): Paragraph {
		const [children] = this.anchored([[new TextRun({ text: this.t('export.toBeCompleted'), italics: true, color: '767676' })]], anchor);
		return new Paragraph({ children });
	}

	/** A chapter with a narrative: omitted where the plan says nothing about it. */
	chapter(title: string, value: string, level: 1 | 2 = 1, anchor?: Anchor): Paragraph[] {
		return [this.heading(title, level, anchor), ...this.text(value)];
	}

	/** A table with a header row that repeats on every page; `widths` in percent of the text width. */
	table(headers: string[], rows: Text[][], widths?: number[], textWidth = PORTRAIT_TEXT_WIDTH, style: 'Table' | 'Matrix' = 'Table'): Table | Paragraph {
		if (rows.length === 0) return this.missing();
		// Column widths go in the table grid once, not on every cell: long tables build much faster.
		const columnWidths = (widths ?? headers.map(() => 100 / headers.length)).map((w) => Math.round((w / 100) * textWidth));
		const cell = (value: Text, header = false) => {
			const anchor = isOwn(value) ? value.anchor : undefined;
			const text = clean(textOf(value));
			const lines = text ? text.split(/\r?\n/).map((line) => runs(line, isOwn(value) ? this.ownLanguage : undefined)) : [runs('–')];
			return new TableCell({
				shading: header ? { fill: 'DCE6F2', type: 'clear', color: 'auto' } : undefined,
				// Size and weight come from a paragraph style, not from properties on every run: big tables pack much faster.
				children: this.anchored(lines, anchor).map((children) => new Paragraph({ style: `${style}${header ? 'Header' : 'Text'}`, children }))
			});
		};
		return new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			columnWidths,
			rows: [
				new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, true)) }),
				...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c)) }))
			]
		});
	}

	/** Label and value pairs, one line each ("Responsible: Ministry of Defence"): reads as a document,
	 * not a data dump, and costs a tenth of a table for each of hundreds of actions. */
	details(pairs: [string, Text][]): Paragraph[] {
		return pairs.map(
			([label, value]) =>
				new Paragraph({ style: 'Details', children: [new TextRun({ text: `${label}${this.t('export.colon')}`, bold: true }), ...(clean(textOf(value)) ? this.runsOf(value) : runs('–'))] })
		);
	}

	option(area: string, value: string): string {
		return value ? this.t(`options.${area}.${value}`) : this.t('export.toBeCompleted');
	}

	/** An institution's name, the team's own text; "to be completed" where it has none. */
	institution(id: string): Text {
		const name = this.institutions.get(id);
		return name ? own(name) : this.t('export.toBeCompleted');
	}

	/** Institutions' names, joined ("Ministry of Defence; Ministry of Justice"). */
	institutionList(ids: string[]): Text {
		const names = ids.map((id) => this.institution(id));
		const text = names.map(textOf).join('; ');
		return names.some(isOwn) ? own(text) : text;
	}

	years(start: number | null, end: number | null): string {
		if (start === null && end === null) return this.t('export.toBeCompleted');
		return `${start ?? '…'}–${end ?? '…'}`;
	}

	/** A pillar's name: the team's own where they named it, else its framework's (a fixed text). */
	pillarName(id: string): Text {
		const pillar = this.plan.pillars.find((p) => p.id === id);
		if (!pillar) return this.t('export.labels.unassigned');
		const name = clean(pillarName(pillar, this.t));
		if (!name) return this.t('export.toBeCompleted');
		return pillar.name.trim() ? own(name) : name;
	}

	// Parts ------------------------------------------------------------------------------------

	/**
	 * The cover, as a government issues a plan: the emblem centred above the issuing authority, the title
	 * and what the document is; then the plan's particulars, dated by the plan (its adoption, or the
	 * version exported), not by the day of the export.
	 */
	cover(title: Text, now: Date): FileChild[] {
		const o = this.plan.overview;
		const line = (label: string, value: Text) =>
			new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `${label}${this.t('export.colon')}`, bold: true }), ...(clean(textOf(value)) ? this.runsOf(value) : this.runsOf(this.t('export.toBeCompleted')))] });
		const emblem = this.emblem();
		const authority = clean(o.issuingAuthority.trim());
		return [
			...(emblem ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 960, after: 360 }, children: [emblem] })] : []),
			...(authority ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: emblem ? 0 : 1440, after: 720 }, style: 'Authority', children: runs(authority, this.ownLanguage) })] : []),
			new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: emblem || authority ? 240 : 2400, after: 480 }, heading: HeadingLevel.TITLE, children: this.anchored([this.runsOf(title)], sectionAnchor('overview'))[0] }),
			new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 960 }, children: [new TextRun({ text: this.t('export.cover.subject'), size: 28 })] }),
			line(this.t('export.cover.country'), own(o.country)),
			line(this.t('export.cover.period'), o.periodStart === null && o.periodEnd === null ? '' : this.years(o.periodStart, o.periodEnd)),
			line(this.t('export.cover.status'), this.t(`options.status.${o.status}`)),
			line(this.t('export.cover.versionDate'), formatDate(now.toISOString().slice(0, 10), this.language)),
			line(this.t('export.cover.leadInstitution'), o.leadInstitutionId ? this.institution(o.leadInstitutionId) : ''),
			...(o.adoptionBody || o.adoptionDate
				? [line(this.t('export.cover.adoptedBy'), own([o.adoptionBody, formatDate(o.adoptionDate, this.language)].filter(Boolean).join(', ')))]
				: []),
			new Paragraph({ children: [new PageBreak()] })
		];
	}

	/** The plan's emblem, at most EMBLEM_HEIGHT pixels high and EMBLEM_WIDTH wide; none where there is none. */
	emblem(): ImageRun | undefined {
		const emblem = this.plan.overview.emblem;
		const data = emblem && fromBase64(emblem.data);
		if (!emblem || !data) return undefined;
		const scale = Math.min(EMBLEM_HEIGHT / emblem.height, EMBLEM_WIDTH / emblem.width, 1);
		const name = this.t('export.cover.emblem');
		return new ImageRun({
			type: emblem.type === 'image/png' ? 'png' : 'jpg',
			data,
			transformation: { width: Math.max(1, Math.round(emblem.width * scale)), height: Math.max(1, Math.round(emblem.height * scale)) },
			altText: { name, title: name, description: clean(this.plan.overview.issuingAuthority.trim()) || name }
		});
	}

	/**
	 * The contents page, once every heading is written: an entry for each (its text in the languages of the
	 * heading's runs), linked to a bookmark on it, with the page number the document's `pageNumbers`
	 * estimate (pages.ts) works out (toc.ts). `textWidth`: where the page numbers align, in twips.
	 */
	contents(textWidth: number): FileChild[] {
		return [
			// The field's own title is only an alias Word and LibreOffice never print: the heading is ours.
			new Paragraph({ style: 'TOCHeading', children: [new TextRun(this.t('export.contents'))] }),
			this.toc.table(this.t('export.contents'), textWidth),
			new Paragraph({ children: [new PageBreak()] })
		];
	}

	narrative(): FileChild[] {
		const { overview: o, context: c, consultation } = this.plan;
		const ch = (key: string) => this.t(`export.chapters.${key}`);
		return [
			...this.chapter(ch('foreword'), o.foreword),
			this.heading(ch('introduction'), 1),
			...this.text(c.introduction),
			this.heading(ch('resolutions'), 2),
			...(o.resolutions.length ? o.resolutions.map((r) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(this.t(`options.resolution.${r}`))] })) : [this.missing()]),
			...this.chapter(ch('legalFramework'), c.legalFramework, 2),
			...this.chapter(ch('context'), c.situationAnalysis, 1, sectionAnchor('context')),
			this.heading(ch('baselineData'), 2),
			this.table(
				[this.t('export.labels.figure'), this.t('export.labels.value'), this.t('export.labels.year'), this.t('export.labels.source')],
				c.baselineData.map((f) => [own(f.figure), own(f.value), f.year === null ? '' : String(f.year), own(f.source)]),
				[40, 15, 10, 35]
			),
			...(c.lessonsLearned.trim() ? this.chapter(ch('lessonsLearned'), c.lessonsLearned, 2) : []),
			...this.chapter(ch('consultation'), consultation.summary, 1, sectionAnchor('consultation')),
			this.heading(ch('visionGoal'), 1),
			...this.chapter(ch('vision'), o.vision, 2),
			...this.chapter(ch('goal'), o.goal, 2)
		];
	}

	pillars(): FileChild[] {
		const out: FileChild[] = [];
		const t = this.t;
		for (const [p, pillar] of this.plan.pillars.entries()) {
			const name = this.pillarName(pillar.id);
			out.push(this.heading(isOwn(name) ? own(`${p + 1}. ${name.own}`) : `${p + 1}. ${name}`, 1, { target: 'pillar', targetId: pillar.id }));
			if (pillar.description.trim()) out.push(...this.text(pillar.description));
			if (pillar.objectives.length === 0) out.push(this.missing());
			for (const [o, objective] of pillar.objectives.entries()) {
				const ref = `${p + 1}.${o + 1}`;
				out.push(this.heading(objective.title.trim() ? own(objective.title) : t('export.toBeCompleted'), 2, { target: 'objective', targetId: objective.id }, `${t('export.labels.objective', { ref })}${t('export.colon')}`));
				if (objective.expectedResults.trim()) out.push(new Paragraph({ children: [new TextRun({ text: t('export.labels.expectedResults'), bold: true })] }), ...this.text(objective.expectedResults));
				for (const [a, action] of objective.actions.entries()) {
					const actionRef = `${ref}.${a + 1}`;
					this.step();
					out.push(this.heading(t('export.labels.action', { ref: actionRef }), 3), ...this.text(action.description, { target: 'action', targetId: action.id }));
					out.push(
						...this.details([
							[t('export.labels.responsible'), action.responsibleId ? this.institution(action.responsibleId) : t('export.toBeCompleted')],
							[t('export.labels.partners'), this.institutionList(action.partnerIds)],
							[t('export.labels.timeframe'), this.years(action.startYear, action.endYear)],
							[t('export.labels.scope'), this.option('scope', action.scope)],
							...(this.internalStatus ? [[t('export.labels.status'), this.option('actionStatus', action.status)] as [string, string]] : []),
							[t('export.labels.strategy'), this.option('strategy', action.strategy)],
							[t('export.labels.budget'), this.budgetLine(action)]
						])
					);
					if (action.indicators.length) {
						out.push(new Paragraph({ spacing: { before: 120 }, keepNext: true, children: [new TextRun({ text: t('export.labels.indicators'), bold: true })] }));
						for (const [n, indicator] of action.indicators.entries()) out.push(...this.indicator(indicator, `${actionRef}.${n + 1}`));
					}
				}
			}
		}
		return out;
	}

	/**
	 * An indicator under its action: the statement (where comments on it sit), then its measures on one
	 * labelled line. The results matrix has them all in a table; a small table under each of hundreds of
	 * actions doubled the time to build the document.
	 */
	indicator(indicator: Indicator, ref: string): Paragraph[] {
		const t = this.t;
		const measures: [string, Text][] = [
			[t('export.labels.unit'), own(indicator.unit)],
			[t('export.labels.baseline'), this.valueYear(indicator.baselineValue, indicator.baselineYear)],
			[t('export.labels.target'), this.valueYear(indicator.targetValue, indicator.targetYear)],
			[t('export.labels.meansOfVerification'), own(indicator.meansOfVerification)],
			[t('export.labels.frequency'), indicator.frequency ? t(`options.frequency.${indicator.frequency}`) : ''],
			...(indicator.globalIndicator ? [[t('export.labels.globalIndicator'), own(indicator.globalIndicator)] as [string, Text]] : [])
		];
		const [statement] = this.anchored([this.runsOf(indicator.statement.trim() ? own(indicator.statement) : t('export.toBeCompleted'))], { target: 'indicator', targetId: indicator.id });
		return [
			new Paragraph({ style: 'Details', keepNext: true, children: [new TextRun({ text: `${ref} `, bold: true }), ...statement] }),
			new Paragraph({
				style: 'Details',
				indent: { left: 644 }, // under the statement, past the Details style's own indent
				spacing: { after: 120 },
				children: measures.flatMap(([label, value], i) => [new TextRun({ text: `${i ? t('export.separator') : ''}${label}${t('export.colon')}`, bold: true }), ...(clean(textOf(value)) ? this.runsOf(value) : runs('–'))])
			})
		];
	}

	/** A baseline or target: the team's value, with its year. */
	valueYear(value: string, year: number | null): Text {
		if (!value.trim() && year === null) return this.t('export.toBeCompleted');
		return own(year === null ? value : `${value} (${year})`);
	}

	budgetLine(action: Plan['pillars'][number]['objectives'][number]['actions'][number]): string {
		if (action.budget.amount === null) return this.t('export.toBeCompleted');
		const parts = [formatMoney(action.budget.amount, actionCurrency(this.plan, action), this.language)];
		if (action.budget.source) parts.push(this.t(`options.fundingSource.${action.budget.source}`));
		if (this.internalStatus) parts.push(this.t(action.budget.secured ? 'export.labels.secured' : 'export.labels.notSecured'));
		return parts.join(', ');
	}

	resultsMatrix(): FileChild[] {
		const t = this.t;
		const rows: Text[][] = [];
		// One row per action (a row per indicator repeated the action's text and doubled the cells to build);
		// its indicators are numbered lines, the same number on a line of each indicator column.
		for (const { objective, action, ref } of actionsOf(this.plan)) {
			this.step();
			// The indicators' own texts, one numbered line each.
			const numbered = (value: (indicator: Indicator) => Text) =>
				own(action.indicators.map((indicator, n) => (action.indicators.length > 1 ? `${n + 1}. ` : '') + (textOf(value(indicator)).replace(/\r?\n/g, ' ') || '–')).join('\n'));
			rows.push([
				own(`${ref.split('.').slice(0, 2).join('.')} ${objective.title}`),
				own(`${ref} ${action.description}`),
				numbered((i) => i.statement),
				numbered((i) => this.valueYear(i.baselineValue, i.baselineYear)),
				numbered((i) => this.valueYear(i.targetValue, i.targetYear)),
				action.responsibleId ? this.institution(action.responsibleId) : '',
				this.institutionList(action.partnerIds),
				this.years(action.startYear, action.endYear),
				this.budgetLine(action),
				numbered((i) => i.meansOfVerification)
			]);
		}
		return [
			// The matrix is the whole results framework at a glance: comments on the pillars section sit on its title.
			this.heading(t('export.chapters.resultsMatrix'), 1, sectionAnchor('pillars')),
			this.table(
				[t('export.labels.objective', { ref: '' }).trim(), t('export.labels.action', { ref: '' }).trim(), t('export.labels.indicator'), t('export.labels.baseline'), t('export.labels.target'), t('export.labels.responsible'), t('export.labels.partners'), t('export.labels.timeframe'), t('export.labels.budget'), t('export.labels.meansOfVerification')],
				rows,
				[11, 14, 13, 8, 8, 10, 10, 8, 9, 9],
				LANDSCAPE_TEXT_WIDTH,
				'Matrix' // ten columns: 8 pt keeps words such as "Calendario" whole
			)
		];
	}

	coordination(): FileChild[] {
		const t = this.t;
		const c = this.plan.coordination;
		return [
			...this.chapter(t('export.chapters.coordination'), c.description, 1, sectionAnchor('coordination')),
			this.heading(t('export.chapters.coordinationBodies'), 2),
			this.table(
				[t('export.labels.name'), t('export.labels.level'), t('export.labels.chair'), t('export.labels.members'), t('export.labels.meets'), t('export.labels.mandate')],
				c.bodies.map((b) => [own(b.name), b.level ? t(`options.level.${b.level}`) : '', b.chairId ? this.institution(b.chairId) : '', this.institutionList(b.memberIds), b.meetingFrequency ? t(`options.frequency.${b.meetingFrequency}`) : '', own(b.mandate)]),
				[15, 11, 14, 20, 13, 27]
			)
		];
	}

	budget(): FileChild[] {
		const t = this.t;
		const totals = budgetTotals(this.plan);
		const money = (amount: number, currency: string) => formatMoney(amount, currency, this.language);
		const label = (grouping: BudgetGrouping, key: string): Text =>
			grouping === 'pillar' ? this.pillarName(key) : grouping === 'institution' ? (key ? this.institution(key) : t('export.labels.unassigned')) : key ? t(`options.fundingSource.${key}`) : t('export.labels.unassigned');
		const summary = (grouping: BudgetGrouping, title: string): FileChild[] => [
			this.heading(t(title), 2),
			this.table(
				[t(title), t('export.labels.total'), t('export.labels.secured')],
				[
					...budgetBy(this.plan, grouping).map((row) => [label(grouping, row.key), money(row.amount, row.currency), money(row.secured, row.currency)]),
					...totals.map((row) => [t('export.labels.total'), money(row.amount, row.currency), money(row.secured, row.currency)])
				],
				[50, 25, 25]
			)
		];
		return [
			this.heading(t('export.chapters.budget'), 1, sectionAnchor('budget')),
			...(totals.length
				? [...summary('pillar', 'export.labels.byPillar'), ...summary('institution', 'export.labels.byInstitution'), ...summary('source', 'export.labels.bySource')]
				: [this.missing()]),
			...this.chapter(t('export.chapters.resourceMobilisation'), this.plan.budget.resourceMobilisation, 2)
		];
	}

	monitoring(): FileChild[] {
		const t = this.t;
		const m = this.plan.monitoring;
		return [
			...this.chapter(t('export.chapters.monitoring'), m.description),
			...this.details([
				[t('export.labels.reportingCycle'), this.option('frequency', m.reportingCycle)],
				[t('export.labels.monitoringResponsible'), m.responsibleId ? this.institution(m.responsibleId) : t('export.toBeCompleted')],
				[t('export.labels.reportsToParliament'), t(m.reportsToParliament ? 'export.labels.yes' : 'export.labels.no')],
				[t('export.labels.midTermReview'), formatDate(m.midTermReview, this.language) || t('export.toBeCompleted')],
				[t('export.labels.finalEvaluation'), formatDate(m.finalEvaluation, this.language) || t('export.toBeCompleted')]
			]),
			...this.chapter(t('export.chapters.civilSociety'), m.civilSocietyRole)
		];
	}

	annexes(): FileChild[] {
		const t = this.t;
		const events = this.plan.consultation.events;
		const participants = events.flatMap((e) =>
			e.participants.map((p) => [own(e.title || e.place), p.sector ? t(`options.sector.${p.sector}`) : '', String(p.women ?? 0), String(p.men ?? 0)])
		);
		// Every institution, by acronym, so that each name the team typed is in the document.
		const acronyms = [...this.plan.institutions].sort((a, b) => (a.acronym || a.name).localeCompare(b.acronym || b.name, this.language));
		return [
			this.heading(t('export.chapters.consultationAnnex'), 1),
			this.table(
				[t('export.labels.event'), t('export.labels.date'), t('export.labels.place'), t('export.labels.kind'), t('export.labels.outcomes')],
				events.map((e) => [own(e.title), formatDate(e.date, this.language), own(e.place), e.kind ? t(`options.eventKind.${e.kind}`) : '', own(e.outcomes)]),
				[20, 14, 14, 16, 36]
			),
			new Paragraph({ spacing: { before: 200 }, children: [] }),
			...(participants.length
				? [this.table([t('export.labels.event'), t('export.labels.sector'), t('export.labels.women'), t('export.labels.men')], participants, [40, 30, 15, 15])]
				: []),
			this.heading(t('export.chapters.acronymsAnnex'), 1),
			this.table([t('export.labels.acronym'), t('export.labels.name')], acronyms.map((i) => [own(i.acronym), own(i.name)]), [20, 80])
		];
	}
}
