// The export's own runs and paragraphs write what docx's TextRun and Paragraph write: the same XML for
// every look the export gives them, so that Word, LibreOffice and the page estimate read the same
// document as before.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraph, textRun, type ParagraphLook, type RunLook } from './written.ts';

const LOOKS: RunLook[] = [
	{},
	{ bold: true },
	{ italics: true, color: '767676' },
	{ language: 'en-GB' },
	{ language: 'fr-FR', highlight: 'yellow' },
	{ size: 16, color: '555555' },
	{ size: 28, bold: true, language: 'es-ES' },
	{ bold: true, italics: true, color: '767676', size: 18, highlight: 'yellow', language: 'en-GB' }
];

async function bodyOf(paragraphs: Paragraph[]): Promise<string> {
	const doc = new Document({ sections: [{ children: paragraphs }] });
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
	return strFromU8(files['word/document.xml']);
}

describe('textRun', () => {
	it('writes the XML docx writes for a TextRun with the same look', async () => {
		const text = 'Ministère de l’Égalité & <partenaires>  ';
		const ours = await bodyOf(
			LOOKS.map((look) => new Paragraph({ children: [textRun(text, look), textRun('', look)] }))
		);
		const docx = await bodyOf(
			LOOKS.map(({ language, ...look }) => {
				const options = { ...look, language: language ? { value: language } : undefined };
				return new Paragraph({
					children: [new TextRun({ ...options, text }), new TextRun({ ...options, text: '' })]
				});
			})
		);
		expect(ours).toBe(docx);
		expect(ours).toContain('&lt;partenaires&gt;');
	});
});

const PARAGRAPHS: ParagraphLook[] = [
	{},
	{ style: 'Details' },
	{ style: 'Details', keepNext: true },
	{ spacing: { before: 120 }, keepNext: true },
	{ style: 'Details', indent: { left: 644 }, spacing: { after: 120 } },
	{ spacing: { before: 200, after: 100 } },
	{ spacing: undefined }
];

describe('paragraph', () => {
	it('writes the XML docx writes for a Paragraph with the same look, with runs and without', async () => {
		const runs = () => [textRun('Responsible: ', { bold: true }), textRun('Ministry of Defence')];
		const ours = await bodyOf(
			PARAGRAPHS.flatMap((look) => [paragraph(look, runs()), paragraph(look, [])])
		);
		const docx = await bodyOf(
			PARAGRAPHS.flatMap((look) => [
				new Paragraph({ ...look, children: runs() }),
				new Paragraph({ ...look, children: [] })
			])
		);
		expect(ours).toBe(docx);
		expect(ours).toContain('Ministry of Defence');
	});
});
