// The plan as a document, in no format: chapters, headings, paragraphs, labelled values, lists and
// tables, built once (build.ts) and rendered by the Word export (export/docx.ts) and by review mode
// (components/review/PlanDocument.svelte), so that the two show the same things in the same words.
// Every text is a run that says whose words it holds: the team's (in the plan's language), the app's
// (in the document's language), a placeholder still to be filled in, or the mark of something missing.
import type { Anchor } from '../comments/comments.ts';
import type { Language } from '../plan/schema.ts';

export type Run =
	/** Text the team typed, in the plan's language. */
	| { kind: 'plan'; text: string }
	/** A `[[placeholder]]` in the team's text: a figure still to be written in. */
	| { kind: 'placeholder'; text: string }
	/** The app's own words (labels, choices, numbers and dates as formatted), in the document's language. */
	| { kind: 'fixed'; text: string; strong?: boolean }
	/** "To be completed": nothing was written here yet. */
	| { kind: 'missing'; text: string };

/** One line of text: a paragraph, a line of a table cell, a value. */
export type Line = Run[];

export interface LabelledValue {
	label: string;
	value: Line;
}

/** A table cell: its lines. */
export type Cell = Line[];

export type Block =
	/** The emblem on the cover (a coat of arms, a ministry's logo), a PNG or JPEG; `description`: who it stands for. */
	| {
			kind: 'emblem';
			type: 'image/png' | 'image/jpeg';
			data: string;
			width: number;
			height: number;
			description: string;
	  }
	/** Who issues the plan, on the cover ("Government of …, Ministry of …"). */
	| { kind: 'authority'; text: Line }
	/** The plan's title, on the cover. */
	| { kind: 'title'; text: Line; anchored?: boolean }
	/** The line under the title ("National action plan on…"). */
	| { kind: 'subtitle'; text: Line }
	/** The table of contents: every heading of levels 1 to 3. */
	| { kind: 'contents'; title: string }
	/** `id`: unique in the document (links from the contents, ids in review mode). `lead` comes before the text ("Objective 1.2: "). */
	| { kind: 'heading'; level: 1 | 2 | 3; id: string; lead?: Line; text: Line; anchored?: boolean }
	/** A text of the plan, a paragraph per line (an empty line is an empty paragraph). */
	| { kind: 'text'; lines: Line[]; anchored?: boolean }
	/** A few words that introduce what follows ("Expected results"). */
	| { kind: 'label'; text: string }
	/** A numbered entry with its text ("1.2.3.1 Share of women among…"). */
	| { kind: 'entry'; number: string; text: Line; anchored?: boolean }
	/** Labelled values: on the cover, one per line, or all on one line (an indicator's measures). */
	| { kind: 'values'; layout: 'cover' | 'lines' | 'inline'; values: LabelledValue[] }
	| { kind: 'list'; items: Line[] }
	/** `label`: what the table is, for whoever cannot see it (the heading above it). `dense`: many columns, small type.
	 * `bars`: a chart's table (the progress report's), the same shape as `rows`: under a cell's figure, a bar
	 * as long as that share (0 to 1) of the column's width; null for a cell with none. */
	| {
			kind: 'table';
			label: string;
			headers: string[];
			rows: Cell[][];
			totals?: Cell[][];
			widths: number[];
			dense?: boolean;
			bars?: (number | null)[][];
	  };

export type BlockKind = Block['kind'];

/**
 * A part of the document. Reviewers' comments on a part (`anchor`) sit on its `anchored` block: in
 * Word around that block's text, in review mode beside the whole part. A part without an anchor
 * carries no comments of its own.
 */
export interface Part {
	anchor?: Anchor;
	blocks: Block[];
}

/** Pages of one orientation: the results matrix is landscape. */
export interface Section {
	layout: 'portrait' | 'landscape';
	parts: Part[];
}

export interface PlanDocument {
	/** The language of the document's own words. */
	language: Language;
	/** The language the team's text is written in (the plan's, else the document's). */
	planLanguage: Language;
	/** The plan's title (or the subject when it has none), for the header and the file's properties. */
	title: Line;
	subject: string;
	keywords: string;
	/** The country, for the file's properties. */
	description: string;
	/** The punctuation of the document's language between a label and its value, and between inline values. */
	colon: string;
	separator: string;
	/** "Page 3 of 20", with `page` and `pages` where the numbers go. */
	pageNumbers: (string | { field: 'page' | 'pages' })[];
	sections: Section[];
}

/** The plain text of a line. */
export const textOf = (line: Line): string => line.map((run) => run.text).join('');
