// The checks a workbook passes before ExcelJS reads it. An .xlsx file is a zip of XML parts, and a file
// from outside may be anything: not a zip, an old or password-protected workbook, a zip bomb (parts that
// unpack to gigabytes), or parts ExcelJS would expand cell by cell (a drop-down list, a merge or a
// defined name over a whole sheet: a billion cells from one line of XML). So the parts' declared sizes
// are read from the zip's directory first (fflate, nothing unpacked) and capped; the parts are unpacked
// no larger than they declare; rows and cells are counted in the sheets' XML; what the import does not
// read and ExcelJS would expand is dropped; and ExcelJS gets a zip of the parts so checked, stored
// without compression, so it unpacks nothing itself.
//
// Pure: no Svelte, no DOM.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

import {
	MAX_CELLS,
	MAX_PARTS,
	MAX_ROWS,
	MAX_UNPACKED_BYTES,
	MAX_WORKBOOK_BYTES
} from './limits.ts';

export { MAX_CELLS, MAX_PARTS, MAX_ROWS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES };

export interface Problem {
	/** A key under `workbook.problem.`. */
	key:
		| 'tooLarge'
		| 'notWorkbook'
		| 'oldFormat'
		| 'tooBigUnpacked'
		| 'tooManyParts'
		| 'tooManyRows'
		| 'tooManyCells'
		| 'unreadable'
		| 'wrongColumns'
		| 'noRows'
		| 'otherPlan'
		| 'unknownPeriod'
		| 'failed';
	params?: Record<string, string | number>;
}

export type Unpacked = { ok: true; zip: Uint8Array } | { ok: false; problem: Problem };

const MB = 1024 * 1024;
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** The Compound File header: an .xls workbook, or an .xlsx encrypted with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Elements ExcelJS expands over every cell of their range, and which the import does not read. */
const EXPANDING =
	/<((?:\w+:)?(?:dataValidations|mergeCells|conditionalFormatting|hyperlinks|extLst|definedNames))\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;

const count = (text: string, pattern: RegExp) => {
	let n = 0;
	pattern.lastIndex = 0;
	while (pattern.exec(text)) n++;
	return n;
};
const ROW = /<(?:\w+:)?row[\s>/]/g;
const CELL = /<(?:\w+:)?c[\s>/]/g;

export function unpackWorkbook(bytes: Uint8Array): Unpacked {
	const fail = (key: Problem['key'], params?: Problem['params']): Unpacked => ({
		ok: false,
		problem: { key, params }
	});
	if (bytes.length > MAX_WORKBOOK_BYTES) return fail('tooLarge', { max: MAX_WORKBOOK_BYTES / MB });
	if (startsWith(bytes, COMPOUND_FILE)) return fail('oldFormat');
	if (!startsWith(bytes, ZIP)) return fail('notWorkbook');

	// The zip's directory first: what each part declares it unpacks to, nothing unpacked yet.
	let declared = 0;
	let parts = 0;
	let tooBig = false;
	try {
		unzipSync(bytes, {
			filter: (file) => {
				parts++;
				declared += file.originalSize;
				if (declared > MAX_UNPACKED_BYTES || parts > MAX_PARTS) tooBig = true;
				return false;
			}
		});
	} catch {
		return fail('notWorkbook');
	}
	if (parts > MAX_PARTS) return fail('tooManyParts', { max: MAX_PARTS });
	if (tooBig) return fail('tooBigUnpacked', { max: MAX_UNPACKED_BYTES / MB });

	let files: Unzipped;
	try {
		// fflate unpacks each part into a buffer of its declared size: a part that lies is cut there.
		files = unzipSync(bytes);
	} catch {
		return fail('unreadable');
	}
	if (!files['xl/workbook.xml'] || !files['[Content_Types].xml']) return fail('notWorkbook');

	let rows = 0;
	let cells = 0;
	for (const [name, data] of Object.entries(files)) {
		const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
		if (!isSheet && name !== 'xl/workbook.xml') continue;
		let xml: string;
		try {
			xml = strFromU8(data);
		} catch {
			return fail('unreadable');
		}
		if (isSheet) {
			rows += count(xml, ROW);
			cells += count(xml, CELL);
			if (rows > MAX_ROWS + 100) return fail('tooManyRows', { max: MAX_ROWS });
			if (cells > MAX_CELLS) return fail('tooManyCells', { max: MAX_CELLS });
		}
		files[name] = strToU8(xml.replace(EXPANDING, ''));
	}
	return { ok: true, zip: zipSync(files, { level: 0 }) };
}
