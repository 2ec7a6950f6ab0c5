// A results matrix kept in a spreadsheet, as the neutral structure (structure.ts): one table per
// worksheet of an Excel workbook (.xlsx, read with ExcelJS, loaded only now), or the one table of a
// CSV file. A workbook is a zip package: its parts are first unpacked under the cap (unzip.ts), so
// that a zip bomb never reaches ExcelJS. Pure: runs in a worker and in Node.
import {
	ImportError,
	MAX_IMPORT_BYTES,
	MAX_TABLE_ROWS,
	type CellLines,
	type DocBlock,
	type DocStructure
} from './structure.ts';
import { isZip, unzipParts } from './unzip.ts';

const lines = (text: string): CellLines =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

export async function readXlsx(bytes: Uint8Array): Promise<DocStructure> {
	if (bytes.length === 0) throw new ImportError('empty');
	if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError('tooLarge');
	if (!isZip(bytes)) throw new ImportError('notSheet');
	// Every part, counted against the cap: ExcelJS unpacks them all.
	const parts = unzipParts(bytes, () => true, 'notSheet');
	if (![...parts.keys()].some((name) => name.startsWith('xl/worksheets/')))
		throw new ImportError('notSheet');
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer
		);
	} catch {
		throw new ImportError('notSheet');
	}
	const blocks: DocBlock[] = [];
	for (const sheet of workbook.worksheets) {
		if (sheet.rowCount > MAX_TABLE_ROWS) throw new ImportError('tooManyRows');
		const width = sheet.columnCount;
		const rows: CellLines[][] = [];
		let mergedHeader = false;
		for (let r = 1; r <= sheet.rowCount; r++) {
			const row = sheet.getRow(r);
			const cells: CellLines[] = [];
			for (let c = 1; c <= width; c++) {
				const cell = row.getCell(c);
				if (r === 1 && cell.isMerged && cell.master.address !== cell.address) mergedHeader = true;
				// A merged cell reads as its master's text in each row and column it covers.
				cells.push(lines(cell.isMerged ? cell.master.text : cell.text));
			}
			rows.push(cells);
		}
		while (rows.length && rows.at(-1)!.every((c) => c.length === 0)) rows.pop();
		if (rows.length)
			blocks.push({
				kind: 'table',
				index: blocks.length,
				header: mergedHeader ? 2 : 1,
				rows,
				name: sheet.name
			});
	}
	return { source: 'sheet', blocks };
}

/** A CSV file: UTF-8 (with or without a byte order mark), UTF-16, or a Windows code page as older
 * spreadsheets save; separated by commas, semicolons (French and Spanish spreadsheets) or tabs. */
export function readCsv(bytes: Uint8Array): DocStructure {
	if (bytes.length === 0) throw new ImportError('empty');
	if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError('tooLarge');
	if (isZip(bytes) || (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)))
		throw new ImportError('notSheet');
	const text = decodeText(bytes);
	const delimiter = delimiterOf(text);
	const rows: CellLines[][] = [];
	let row: CellLines[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(lines(field));
		field = '';
	};
	const endRow = () => {
		endField();
		if (row.some((c) => c.length)) {
			if (rows.length >= MAX_TABLE_ROWS) throw new ImportError('tooManyRows');
			rows.push(row);
		}
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field.trim() === '') {
			field = '';
			quoted = true;
		} else if (ch === delimiter) endField();
		else if (ch === '\n') endRow();
		else if (ch !== '\r') field += ch;
	}
	if (field || row.length) endRow();
	if (!rows.length) throw new ImportError('nothingFound');
	const width = Math.max(...rows.map((r) => r.length));
	for (const r of rows) while (r.length < width) r.push([]);
	return { source: 'sheet', blocks: [{ kind: 'table', index: 0, header: 1, rows }] };
}

function decodeText(bytes: Uint8Array): string {
	const [a, b] = bytes;
	if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The separator the first line uses most, outside quotes. */
function delimiterOf(text: string): string {
	const first = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
	const outside = first.replace(/"[^"]*"/g, '');
	const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
	return counts.sort((x, y) => y[1] - x[1])[0][1] > 0 ? counts[0][0] : ',';
}
