// Reading a Word file's XML in tests: the text of its character data, and the texts of its runs.
import { SaxesParser } from 'saxes';

/** XML character data as text: the five entities XML predefines and numeric character references. */
export function decodeXml(xml: string): string {
	return xml
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&');
}

/** The texts of a part's `w:t` elements, in document order, as text. */
export function wordTexts(xml: string): string[] {
	return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]));
}

/** What a missing value turns into when code writes it as text: never in a document. */
export const LEAKED_VALUE = /\b(undefined|null|NaN)\b|\[object Object\]/;

/** Every run of the document body: its text and the language it carries (its own tag, else the document's). */
export function runLanguages(
	documentXml: string,
	stylesXml: string
): { text: string; lang: string; style: string }[] {
	const fallback = stylesXml.match(/<w:rPrDefault>.*?<w:lang w:val="([^"]+)"/s)?.[1] ?? '';
	const out: { text: string; lang: string; style: string }[] = [];
	const parser = new SaxesParser();
	let run: { text: string; lang: string } | null = null;
	let style = '';
	let inText = false;
	parser.on('opentag', (tag) => {
		if (tag.name === 'w:p') style = '';
		else if (tag.name === 'w:pStyle') style = String(tag.attributes['w:val']);
		else if (tag.name === 'w:r') run = { text: '', lang: fallback };
		else if (tag.name === 'w:lang' && run) run.lang = String(tag.attributes['w:val']);
		else if (tag.name === 'w:t') inText = true;
	});
	parser.on('text', (text) => {
		if (inText && run) run.text += text;
	});
	parser.on('closetag', (tag) => {
		if (tag.name === 'w:t') inText = false;
		else if (tag.name === 'w:r' && run) {
			if (run.text) out.push({ ...run, style });
			run = null;
		}
	});
	parser.write(documentXml).close();
	return out;
}
