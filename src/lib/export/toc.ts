// The contents page, written as Word writes its own once it has updated it: a TOC field whose result is
// already there, an entry for each heading (its text in the languages of the heading's own runs, a dot
// leader, and a PAGEREF to a bookmark on the heading). The page numbers are those the document's page
// estimate (pages.ts) works out; docx writes them into the PAGEREF fields and writes the fields clean,
// so every word processor shows them and Word does not ask to update fields on opening. Word's "Update
// table" still rebuilds it from the headings.
import {
	Bookmark,
	InternalHyperlink,
	LeaderType,
	PageReference,
	Paragraph,
	Tab,
	TabStopType,
	TableOfContents,
	TextRun,
	type ParagraphChild
} from 'docx';

export type ContentsLevel = 1 | 2 | 3;

interface Entry {
	bookmark: string;
	level: ContentsLevel;
	/** The entry's runs: the heading's text, as new runs (a run is written where it is placed). */
	runs: () => TextRun[];
}

/** The headings of a document, gathered as they are written, and the table of contents that lists them. */
export class Contents {
	private readonly entries: Entry[] = [];

	/** A heading's runs with a bookmark around them, and the heading listed in the contents. */
	add(level: ContentsLevel, children: ParagraphChild[], runs: () => TextRun[]): ParagraphChild[] {
		const bookmark = `_Toc${this.entries.length + 1}`;
		this.entries.push({ bookmark, level, runs });
		return [new Bookmark({ id: bookmark, children })];
	}

	/** The table of contents of every heading added so far; `textWidth`, in twips, is where the page numbers align. */
	table(alias: string, textWidth: number): TableOfContents {
		return new TableOfContents(alias, {
			hyperlink: true,
			headingStyleRange: '1-3',
			beginDirty: false,
			contentChildren: this.entries.map(
				(entry) =>
					new Paragraph({
						style: `TOC${entry.level}`,
						tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
						children: [
							new InternalHyperlink({
								anchor: entry.bookmark,
								children: [
									...entry.runs(),
									new TextRun({ children: [new Tab()] }),
									new PageReference(entry.bookmark, { hyperlink: true })
								]
							})
						]
					})
			)
		});
	}
}
