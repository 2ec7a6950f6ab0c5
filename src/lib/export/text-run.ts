// A run of text, written as docx writes a TextRun, without docx's objects for it. docx builds a tree of
// components for every run (the run, its properties, each property, the text and its attributes) and
// then turns each into the plain object it formats as XML; a 300-action plan has about 19,000 runs,
// and those components were most of the export's time and memory. This writes the plain object at
// once: `textRun(text, look)` formats exactly as `new TextRun({ text, ...look })` does (the same XML,
// byte for byte: text-run.test.ts compares them), for the few properties the export gives a run.
import { BaseXmlComponent, type IXmlableObject, type TextRun } from 'docx';

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

/** A component whose XML is already worked out: docx asks it for the object, and formats that. */
class WrittenRun extends BaseXmlComponent {
	readonly #xml: IXmlableObject;

	constructor(xml: IXmlableObject) {
		super('w:r');
		this.#xml = xml;
	}

	prepForXml(): IXmlableObject {
		return this.#xml;
	}
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
	return new WrittenRun({
		'w:r': properties.length ? [{ 'w:rPr': properties }, t] : [t]
	}) as unknown as TextRun;
}
