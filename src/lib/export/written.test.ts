// The export's own runs and paragraphs write what docx's TextRun and Paragraph write: the same XML for
// every look the export gives them, so that Word, LibreOffice and the page estimate read the same
// document as before.
import {
	Document,
	HeightRule,
	Packer,
	Paragraph,
	ShadingType,
	Table,
	TableBorders,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type FileChild
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraph, table, textRun, type ParagraphLook, type RunLook } from './written.ts';

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
	{ spacing: undefined },
	{ spacing: { before: 80, after: 200 }, keepNext: false },
	{ style: 'TableText', alignment: 'center' },
	{ style: 'Details', keepNext: true, indent: { left: 644 }, alignment: 'right' }
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

describe('table', () => {
	const cellText = (text: string, style = 'TableText') =>
		paragraph({ style }, text ? [textRun(text)] : []);
	const docxCell = (
		text: string,
		options: { fill?: string; width?: number } = {},
		style = 'TableText'
	) =>
		new TableCell({
			shading: options.fill
				? { fill: options.fill, type: ShadingType.CLEAR, color: 'auto' }
				: undefined,
			width: options.width === undefined ? undefined : { size: options.width, type: WidthType.DXA },
			children: text ? [new Paragraph({ style, children: [new TextRun(text)] })] : []
		});

	/** The body of a document on `paper` (twips) whose section holds the tables. */
	async function sectionOf(tables: FileChild[], paper: { width: number; height: number }) {
		const doc = new Document({
			sections: [
				{
					properties: { page: { size: paper, margin: { left: 1134, right: 1134 } } },
					children: tables
				}
			]
		});
		return strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))['word/document.xml']);
	}

	it('writes the XML docx writes for a Table of the same rows, cells, widths and borders', async () => {
		for (const paper of [
			{ width: 11906, height: 16838 },
			{ width: 12240, height: 15840 },
			{ width: 16838, height: 11906 }
		]) {
			const available = paper.width - 2 * 1134;
			const columns = [3855, 1446, 964, 3373];
			const bar = (fill?: string) =>
				new Table({
					width: { size: 1639, type: WidthType.DXA },
					columnWidths: [1200, 439],
					borders: TableBorders.NONE,
					rows: [
						new TableRow({
							height: { value: 140, rule: HeightRule.EXACT },
							children: [docxCell('', { width: 1200, fill }), docxCell('', { width: 439 })]
						})
					]
				});
			const docx = await sectionOf(
				[
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						columnWidths: columns,
						rows: [
							new TableRow({
								tableHeader: true,
								cantSplit: true,
								children: ['Figure', 'Value', 'Year', 'Source'].map((h) =>
									docxCell(h, { fill: 'DCE6F2' }, 'TableHeader')
								)
							}),
							new TableRow({
								cantSplit: true,
								children: [
									docxCell('Women & <men>'),
									new TableCell({
										children: [
											new Paragraph({ style: 'TableText', children: [new TextRun('6')] }),
											bar('1D4E89'),
											new Paragraph({ children: [] })
										]
									}),
									docxCell(''),
									docxCell('Ministry', { fill: 'F4CCCC' })
								]
							}),
							new TableRow({ children: [docxCell('Total'), docxCell('12')] })
						]
					}),
					new Paragraph({}),
					bar()
				],
				paper
			);
			const ourBar = (fill?: string) =>
				table({ width: 1639, available: 1639, columns: [1200, 439], borders: 'none' }, [
					{
						look: { height: 140 },
						cells: [
							{ look: { width: 1200, fill }, children: [] },
							{ look: { width: 439 }, children: [] }
						]
					}
				]);
			const ours = await sectionOf(
				[
					table({ columns, available }, [
						{
							look: { header: true, cantSplit: true },
							cells: ['Figure', 'Value', 'Year', 'Source'].map((h) => ({
								look: { fill: 'DCE6F2' },
								children: [cellText(h, 'TableHeader')]
							}))
						},
						{
							look: { cantSplit: true },
							cells: [
								{ children: [cellText('Women & <men>')] },
								{ children: [cellText('6'), ourBar('1D4E89'), paragraph({}, [])] },
								{ children: [] },
								{ look: { fill: 'F4CCCC' }, children: [cellText('Ministry')] }
							]
						},
						{ cells: [{ children: [cellText('Total')] }, { children: [cellText('12')] }] }
					]),
					new Paragraph({}),
					ourBar()
				],
				paper
			);
			expect(ours).toBe(docx);
			expect(ours).toContain('Women &amp; &lt;men&gt;');
		}
	});
});
