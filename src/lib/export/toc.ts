// The contents page, written as Word writes its own once it has updated it: a TOC field whose result is
// already there, an entry for each heading (its text in the languages of the heading's own runs, a dot
// leader, and a PAGEREF to a bookmark on the heading). The page numbers are those the document's page
// estimate (pages.ts) works out, written into the PAGEREF fields once the body is formatted
// (page-numbers.ts: `fill`), with the fields clean, so every word processor shows them and Word does
// not ask to update fields on opening. Word's "Update table" still rebuilds it from the headings. The
// entries are written as docx writes a Paragraph of an InternalHyperlink with the runs, a Tab and a
// PageReference (the same XML), without its components.
import {
	Bookmark,
	TableOfContents,
	type IXmlableObject,
	type ParagraphChild,
	type TextRun
} from 'docx';
import { late, xmlOf } from './written.ts';

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

	/** The PAGEREF runs of each table of contents as last written, by bookmark, for `fill`. */
	private readonly pageReferences: { bookmark: string; run: unknown[] }[][] = [];

	/** The table of contents of every heading added so far; `textWidth`, in twips, is where the page numbers align. */
	table(alias: string, textWidth: number): TableOfContents {
		const references: { bookmark: string; run: unknown[] }[] = [];
		this.pageReferences.push(references);
		const attr = (attributes: Record<string, string | number>) => ({ _attr: attributes });
		const entry = ({ bookmark, level, runs }: Entry) => {
			const written = runs().map(xmlOf);
			return (): IXmlableObject => {
				const reference: unknown[] = [
					{ 'w:fldChar': attr({ 'w:fldCharType': 'begin' }) },
					{ 'w:instrText': [attr({ 'xml:space': 'preserve' }), `PAGEREF ${bookmark} \\h`] },
					{ 'w:fldChar': attr({ 'w:fldCharType': 'separate' }) },
					{ 'w:fldChar': attr({ 'w:fldCharType': 'end' }) }
				];
				references.push({ bookmark, run: reference });
				return {
					'w:p': [
						{
							'w:pPr': [
								{ 'w:pStyle': attr({ 'w:val': `TOC${level}` }) },
								{
									'w:tabs': [
										{
											'w:tab': attr({ 'w:val': 'right', 'w:pos': textWidth, 'w:leader': 'dot' })
										}
									]
								}
							]
						},
						{
							'w:hyperlink': [
								attr({ 'w:history': 1, 'w:anchor': bookmark }),
								...written,
								{ 'w:r': [{ 'w:tab': {} }] },
								{ 'w:r': reference }
							]
						}
					]
				};
			};
		};
		const entries = this.entries.map(entry);
		return new TableOfContents(alias, {
			hyperlink: true,
			headingStyleRange: '1-3',
			beginDirty: false,
			contentChildren: entries.map((write, i) =>
				late(() => {
					if (i === 0) references.length = 0; // written again
					return write();
				})
			)
		});
	}

	/** Writes each entry's page number, by its heading's bookmark, into its PAGEREF field. */
	fill(pages: ReadonlyMap<string, string>): void {
		for (const { bookmark, run } of this.pageReferences.flat()) {
			const page = pages.get(bookmark);
			if (page !== undefined)
				run.splice(3, 0, { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, page] });
		}
	}
}
