// Reading a Word file's XML in tests: the text of its character data, and the texts of its runs.

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
