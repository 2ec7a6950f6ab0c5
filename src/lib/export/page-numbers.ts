// The page numbers of the contents page and of the footers' "of {{pages}}", written without docx's
// walks over the body. Given a `pageNumbers` estimator, docx walks the whole formatted body twice more
// once the estimator is done (for SEQ fields, then for every field), about a fifth of its packing time
// on a big plan; this export has no SEQ fields and knows where its page fields are: the contents'
// PAGEREFs (toc.ts) and the footer's NUMPAGES. So the body's blocks are watched as docx formats them,
// the estimate (pages.ts) runs on them once the last is formatted, before docx writes the body's XML,
// and the numbers go straight into those fields, written as docx writes them (the same XML).
import type { FileChild, IXmlableObject, Paragraph } from 'docx';
import type { ParagraphLook } from './pages.ts';
import { pageEstimator } from './pages.ts';

/** A section's page, in twips: what the estimate needs of the last section's properties. */
export interface PageBox {
	width: number;
	height: number;
	margin: number;
}

const textElement = (text: string) => ({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] });

/** The estimate of the pages of a document as docx writes its body, and the fields that show it. */
export class PageNumbers {
	readonly #estimate: ReturnType<typeof pageEstimator>;
	#pageCount: number | undefined;

	constructor(looks: Record<string, ParagraphLook>) {
		this.#estimate = pageEstimator(looks);
	}

	/**
	 * Watches the body's blocks (every one, in order) as docx formats them; once the last is formatted,
	 * estimates the pages (the last section's page is `last`, as docx writes it on the body) and gives
	 * `fill` each bookmark's page, while the formatted blocks can still be changed.
	 */
	watch(
		blocks: FileChild[],
		last: PageBox,
		fill: (bookmarks: ReadonlyMap<string, string>) => void
	) {
		const formatted: (IXmlableObject | undefined)[] = [];
		const sectPr = {
			'w:sectPr': [
				{ 'w:pgSz': { _attr: { 'w:w': last.width, 'w:h': last.height } } },
				{
					'w:pgMar': {
						_attr: {
							'w:top': last.margin,
							'w:right': last.margin,
							'w:bottom': last.margin,
							'w:left': last.margin
						}
					}
				}
			]
		};
		// Once for each block, though one were in the body twice; counted by the calls, in docx's order.
		// Written again from the start (packed again, or after a pack that failed part way).
		const first = blocks.lastIndexOf(blocks[0]) === 0 ? blocks[0] : undefined;
		for (const block of new Set(blocks)) {
			const format = block.prepForXml.bind(block);
			block.prepForXml = (context) => {
				if (formatted.length === blocks.length || block === first) formatted.length = 0;
				const xml = format(context);
				formatted.push(xml);
				if (formatted.length === blocks.length) {
					const body = { 'w:body': [...formatted.filter((x) => x !== undefined), sectPr] };
					const estimate = this.#estimate(body, context);
					this.#pageCount = estimate.pageCount;
					fill(estimate.bookmarks);
				}
				return xml;
			};
		}
	}

	/** The paragraph, with the page count in its NUMPAGES field (it is formatted after the body). */
	counted(paragraph: Paragraph): Paragraph {
		const format = paragraph.prepForXml.bind(paragraph);
		paragraph.prepForXml = (context) => {
			const xml = format(context);
			if (xml && this.#pageCount !== undefined)
				writeResult(xml, 'NUMPAGES', String(this.#pageCount));
			return xml;
		};
		return paragraph;
	}
}

type Element = Record<string, unknown>;
const nameOf = (element: unknown): string | undefined => {
	if (!element || typeof element !== 'object' || Array.isArray(element)) return undefined;
	for (const name in element) return name === '_attr' ? undefined : name;
	return undefined;
};
const contentOf = (element: Element): unknown[] => {
	const content = element[nameOf(element)!];
	return Array.isArray(content) ? content : [];
};

/** Writes `result` after the separator of each field of the instruction in a formatted paragraph, as docx does. */
function writeResult(paragraph: IXmlableObject, instruction: string, result: string): void {
	let field = '';
	let begun = false;
	for (const run of contentOf(paragraph as Element)) {
		if (nameOf(run) !== 'w:r') continue;
		const content = contentOf(run as Element);
		for (let i = 0; i < content.length; i++) {
			const name = nameOf(content[i]);
			if (name === 'w:fldChar') {
				const type = (content[i] as { 'w:fldChar': { _attr: Record<string, unknown> } })[
					'w:fldChar'
				]._attr?.['w:fldCharType'];
				if (type === 'begin') {
					begun = true;
					field = '';
				} else if (type === 'separate' && begun) {
					begun = false;
					if (field.trim() === instruction) content.splice(++i, 0, textElement(result));
				}
			} else if (name === 'w:instrText' && begun)
				field += contentOf(content[i] as Element)
					.filter((part) => typeof part === 'string')
					.join('');
		}
	}
}
