// The results matrix workbook: exported, edited with ExcelJS as a focal point would in Excel, and read
// back; and workbooks that are not what they claim, each refused with its own message.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import type { Plan } from '../plan/schema.ts';
import { walk } from '../plan/walk.ts';
import {
	actionEntry,
	indicatorEntry,
	setActionProgress,
	setIndicatorProgress
} from '../progress/entries.ts';
import { COLUMNS, headingIndex, normalise } from './columns.ts';
import { HEADING_ROW, workbookFile } from './export.ts';
import { applyChanges } from './apply.ts';
import { readWorkbook, type Reading } from './import.ts';
import { exportStrings } from '../export/strings.ts';
import { MAX_ROWS, MAX_WORKBOOK_BYTES, unpackWorkbook } from './unpack.ts';

const PERIOD = '2027';
const copy = (plan: Plan): Plan => structuredClone(plan);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}
const save = async (workbook: ExcelJS.Workbook) =>
	new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

/** The column number of a heading in the export's sheet. */
const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;

/** The sheet's row of an indicator (by its number), or of an action's first row. */
function rowOf(
	sheet: ExcelJS.Worksheet,
	key: 'indicatorRef' | 'actionRef',
	ref: string
): ExcelJS.Row {
	for (let r = HEADING_ROW + 1; r <= sheet.rowCount; r++)
		if (sheet.getRow(r).getCell(col(key)).value === ref) return sheet.getRow(r);
	throw new Error(`No row for ${ref}`);
}

function firstIndicator(plan: Plan) {
	for (const place of walk(plan)) if (place.kind === 'indicator') return place;
	throw new Error('No indicator');
}

/** The plan without its monitoring entries: what no import may change. */
const withoutProgress = (plan: Plan) => ({
	...plan,
	progress: { ...plan.progress, actions: [], indicators: [] }
});

/** Values unlike the plan's own for the period, whatever monitoring data the sample carries. */
const unlike = <T>(values: readonly T[], current: unknown): T[] =>
	values.filter((v) => v !== current);
const STATUSES = ['delayed', 'completed', 'cancelled', 'on-track', 'not-started'] as const;
const RATINGS = ['at-risk', 'off-track', 'on-track'] as const;

/** The sample plan, and the sample plan with an entry for every action and indicator in the period. */
function fixtures(language: 'en' | 'fr') {
	const reported = samplePlan(language);
	for (const place of walk(reported))
		if (place.kind === 'action')
			setActionProgress(reported, place.action.id, PERIOD, {
				status: 'on-track',
				narrative: 'Work went on as planned.',
				spent: 500
			});
		else if (place.kind === 'indicator')
			setIndicatorProgress(reported, place.indicator.id, PERIOD, {
				value: '10',
				source: 'Survey',
				rating: 'on-track'
			});
	return [
		['the sample plan', samplePlan(language)],
		['the sample plan with monitoring data', reported]
	] as const;
}

const ok = (reading: Reading) => {
	if (!reading.ok) throw new Error(`Refused: ${reading.problem.key}`);
	return reading;
};

describe('workbook export', () => {
	it('has a row per indicator, headings in the export language, numbers as numbers, hidden ids and lists', async () => {
		const plan = samplePlan('en');
		const { bytes, name } = await workbookFile(plan, { language: 'fr', period: PERIOD });
		expect(name).toMatch(/-2027\.xlsx$/);
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0];
		expect(sheet.name).toBe('Suivi 2027');
		const t = exportStrings('fr');
		const headings = sheet.getRow(HEADING_ROW).values as unknown[];
		expect(headings.slice(1)).toEqual(COLUMNS.map((c) => t(c.label)));
		expect(headings).toContain('Valeur mesurée');
		const indicators = [...walk(plan)].filter((p) => p.kind === 'indicator').length;
		const bare = [...walk(plan)].filter(
			(p) => p.kind === 'action' && !p.action.indicators.length
		).length;
		expect(sheet.rowCount - HEADING_ROW).toBe(indicators + bare);
		const place = firstIndicator(plan);
		const row = rowOf(sheet, 'indicatorRef', place.ref);
		expect(row.getCell(col('indicatorId')).value).toBe(place.indicator.id);
		expect(row.getCell(col('actionId')).value).toBe(place.action.id);
		expect(sheet.getColumn(col('actionId')).hidden).toBe(true);
		expect(sheet.getColumn(col('value')).hidden).toBe(false);
		if (place.action.budget.amount !== null)
			expect(row.getCell(col('budget')).value).toBe(place.action.budget.amount);
		expect(typeof row.getCell(col('startYear')).value).toBe('number');
		const status = row.getCell(col('status')).dataValidation;
		expect(status.type).toBe('list');
		expect(status.formulae[0]).toContain('Listes');
		const lists = workbook.getWorksheet('Listes')!;
		expect(lists.state).toBe('hidden');
		expect(lists.getColumn(1).values.slice(1)).toContain('En retard');
	});
});

describe.each(fixtures('en'))('workbook round trip, %s', (_, fixture) => {
	it('brings back the values edited in the file, and changes nothing else', async () => {
		const plan = copy(fixture);
		const { bytes } = await workbookFile(plan, { language: 'en', period: PERIOD });
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0];
		const place = firstIndicator(plan);
		const row = rowOf(sheet, 'indicatorRef', place.ref);
		const status = unlike(STATUSES, actionEntry(plan, place.action.id, PERIOD)?.status)[0];
		const rating = unlike(RATINGS, indicatorEntry(plan, place.indicator.id, PERIOD)?.rating)[0];
		const t = exportStrings('en');
		row.getCell(col('value')).value = 4217;
		row.getCell(col('date')).value = '2027-06';
		row.getCell(col('source')).value = 'Ministry records';
		row.getCell(col('rating')).value = t(`options.rating.${rating}`);
		row.getCell(col('status')).value = t(`options.progressStatus.${status}`);
		row.getCell(col('narrative')).value = 'Two trainings held;\nthe third moved to 2028.';
		row.getCell(col('spent')).value = 12500.5;
		const before = copy(plan);
		const reading = ok(await readWorkbook(await save(workbook), plan, '2030'));
		expect(reading.period).toBe(PERIOD);
		expect(reading.refused).toEqual([]);
		expect(reading.items.map((i) => [i.kind, i.ref])).toEqual([
			['action', place.actionRef],
			['indicator', place.ref]
		]);
		const changes = reading.items.flatMap((i) => i.changes.map((c) => [i.kind, c.field, c.after]));
		expect(changes).toEqual([
			['action', 'status', status],
			['action', 'narrative', 'Two trainings held;\nthe third moved to 2028.'],
			['action', 'spent', 12500.5],
			['indicator', 'value', '4217'],
			['indicator', 'date', '2027-06'],
			['indicator', 'source', 'Ministry records'],
			['indicator', 'rating', rating]
		]);
		expect(reading.reporter).toBe(place.action.responsibleId);
		// Nothing is applied by reading.
		expect(plan).toEqual(before);

		const accepted = reading.items.flatMap((i) =>
			i.changes.map((c) => ({ kind: i.kind, id: i.id, field: c.field, after: c.after }))
		);
		const now = new Date('2027-12-01T10:00:00Z');
		expect(applyChanges(plan, reading.period, accepted, reading.reporter, now)).toBe(7);
		expect(withoutProgress(plan)).toEqual(withoutProgress(before));
		const others = (p: Plan) => ({
			actions: p.progress.actions.filter(
				(e) => !(e.actionId === place.action.id && e.period === PERIOD)
			),
			indicators: p.progress.indicators.filter(
				(e) => !(e.indicatorId === place.indicator.id && e.period === PERIOD)
			)
		});
		expect(others(plan)).toEqual(others(before));
		expect(actionEntry(plan, place.action.id, PERIOD)).toMatchObject({
			status,
			narrative: 'Two trainings held;\nthe third moved to 2028.',
			spent: 12500.5,
			reportedBy: place.action.responsibleId,
			updatedAt: now.toISOString()
		});
		expect(indicatorEntry(plan, place.indicator.id, PERIOD)).toMatchObject({
			value: '4217',
			date: '2027-06',
			source: 'Ministry records',
			rating,
			reportedBy: place.action.responsibleId
		});

		// Exported again, the workbook proposes nothing.
		const again = await workbookFile(plan, { language: 'es', period: PERIOD });
		const second = ok(await readWorkbook(again.bytes, plan, PERIOD));
		expect(second.items).toEqual([]);
		expect(second.refused).toEqual([]);
	});

	it('reads a workbook with the same columns in another order and language, found by their numbers', async () => {
		const plan = copy(fixture);
		const place = firstIndicator(plan);
		const t = exportStrings('es');
		const status = unlike(STATUSES, actionEntry(plan, place.action.id, PERIOD)?.status)[0];
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Datos');
		const keys = ['note', 'indicatorRef', 'value', 'actionRef', 'status'];
		sheet.addRow(['Informe de la institución']);
		sheet.addRow(keys.map((k) => t(COLUMNS.find((c) => c.key === k)!.label).toUpperCase()));
		sheet.addRow([
			'Buen avance',
			place.ref,
			'12,5',
			place.actionRef,
			t(`options.progressStatus.${status}`)
		]);
		const reading = ok(await readWorkbook(await save(workbook), plan, PERIOD));
		expect(reading.language).toBe('es');
		expect(reading.items.flatMap((i) => i.changes.map((c) => [i.ref, c.field, c.after]))).toEqual([
			[place.actionRef, 'status', status],
			[place.ref, 'value', '12,5'],
			[place.ref, 'note', 'Buen avance']
		]);
	});

	it('refuses the bad rows with their reason and keeps the good ones', async () => {
		const plan = copy(fixture);
		const { bytes } = await workbookFile(plan, { language: 'en', period: PERIOD });
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0];
		const rows = [...walk(plan)].filter((p) => p.kind === 'indicator');
		const cell = (i: number, key: string) =>
			rowOf(sheet, 'indicatorRef', rows[i].ref).getCell(col(key));
		cell(0, 'value').value = '5531';
		cell(1, 'spent').value = 'a lot';
		cell(2, 'rating').value = 'Perhaps';
		cell(3, 'value').value = { formula: 'A1*2', result: 7 } as ExcelJS.CellFormulaValue;
		cell(4, 'date').value = '31/02/2027';
		const stranger = rowOf(sheet, 'indicatorRef', rows[5].ref);
		stranger.getCell(col('indicatorId')).value = 'no-such-id';
		stranger.getCell(col('indicatorRef')).value = '9.9.9.9';
		stranger.getCell(col('actionId')).value = 'no-such-action';
		stranger.getCell(col('actionRef')).value = '9.9.9';
		// An indicator the plan does not have, under an action it has.
		const orphan = rowOf(sheet, 'indicatorRef', rows[6].ref);
		orphan.getCell(col('indicatorId')).value = 'gone';
		orphan.getCell(col('indicatorRef')).value = `${rows[6].actionRef}.99`;
		orphan.getCell(col('value')).value = '12';
		const reading = ok(await readWorkbook(await save(workbook), plan, PERIOD));
		const reasons = reading.refused.map((r) => [r.row, r.reason]);
		const at = (i: number) =>
			rowOf(sheet, 'indicatorRef', i === 5 ? '9.9.9.9' : rows[i].ref).number;
		expect(reasons).toEqual(
			[
				[at(1), 'number'],
				[at(2), 'rating'],
				[at(3), 'formula'],
				[at(4), 'date'],
				[at(5), 'unknownItem'],
				[orphan.number, 'unknownItem']
			].sort((a, b) => (a[0] as number) - (b[0] as number))
		);
		expect(reading.refused.find((r) => r.reason === 'number')!.params).toMatchObject({
			column: 'Spent in the period',
			value: 'a lot'
		});
		expect(reading.items.flatMap((i) => i.changes.map((c) => [i.ref, c.after]))).toEqual([
			[rows[0].ref, '5531']
		]);
	});

	it('takes an action’s change from any of its rows, and refuses rows that disagree', async () => {
		const plan = copy(fixture);
		const found = [...walk(plan)].find(
			(p) => p.kind === 'action' && p.action.indicators.length >= 2
		);
		if (!found || found.kind !== 'action')
			throw new Error('The sample has no action with two indicators');
		const { bytes } = await workbookFile(plan, { language: 'en', period: PERIOD });
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0];
		const row = (i: number) => rowOf(sheet, 'indicatorRef', `${found.ref}.${i + 1}`);
		const [one, other] = unlike(STATUSES, actionEntry(plan, found.action.id, PERIOD)?.status);
		const t = exportStrings('en');
		row(0).getCell(col('status')).value = t(`options.progressStatus.${one}`);
		row(1).getCell(col('status')).value = t(`options.progressStatus.${other}`);
		const reading = ok(await readWorkbook(await save(workbook), plan, PERIOD));
		expect(reading.items.flatMap((i) => i.changes.map((c) => [i.ref, c.field, c.after]))).toEqual([
			[found.ref, 'status', one]
		]);
		expect(reading.refused).toEqual([
			{
				row: row(1).number,
				reason: 'conflict',
				params: { column: 'Status in the period', ref: found.ref, other: row(0).number }
			}
		]);
	});
});

describe('workbook headings', () => {
	it('are told apart in every language: no text names two columns', () => {
		for (const language of ['en', 'fr', 'es'] as const) {
			const t = exportStrings(language);
			const texts = COLUMNS.map((c) => normalise(t(c.label)));
			expect(new Set(texts).size).toBe(COLUMNS.length);
			for (const [i, text] of texts.entries())
				expect(headingIndex().get(text)!.column).toBe(COLUMNS[i]);
		}
	});
});

/** A zip whose central directory says its first part unpacks to `size` bytes. */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
	const bytes = zip.slice();
	const view = new DataView(bytes.buffer);
	for (let i = bytes.length - 22; i >= 0; i--)
		if (view.getUint32(i, true) === 0x06054b50) {
			const directory = view.getUint32(i + 16, true);
			view.setUint32(directory + 24, size, true);
			return bytes;
		}
	throw new Error('No central directory');
}

const minimalParts = (sheet: string, workbookXml?: string) => ({
	'[Content_Types].xml': strToU8(
		'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
	),
	'_rels/.rels': strToU8(
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
	),
	'xl/workbook.xml': strToU8(
		workbookXml ??
			'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
	),
	'xl/_rels/workbook.xml.rels': strToU8(
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
	),
	'xl/worksheets/sheet1.xml': strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</worksheet>`
	)
});

/** A sheet with the headings "Indicator number" and "Value measured", and one row for `ref`. */
const oneRowSheet = (ref: string, extra = '') =>
	`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Indicator number</t></is></c><c r="B1" t="inlineStr"><is><t>Value measured</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${ref}</t></is></c><c r="B2" t="inlineStr"><is><t>77</t></is></c></row></sheetData>${extra}`;

describe('hostile workbooks', () => {
	const plan = samplePlan('en');
	const problem = async (bytes: Uint8Array) => {
		const before = copy(plan);
		const reading = await readWorkbook(bytes, plan, PERIOD);
		expect(plan).toEqual(before);
		return reading.ok ? 'read' : reading.problem.key;
	};

	it('refuses a file that is not a workbook, an old or locked one, and one too large', async () => {
		expect(await problem(strToU8('{"format":"nap-builder.plan"}'))).toBe('notWorkbook');
		expect(await problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('notWorkbook');
		expect(
			await problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
		).toBe('oldFormat');
		expect(await problem(new Uint8Array(MAX_WORKBOOK_BYTES + 1))).toBe('tooLarge');
		expect(await problem(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toBe(
			'notWorkbook'
		);
	});

	it('refuses a zip bomb by the sizes its directory declares, before unpacking anything', async () => {
		const zip = zipSync(minimalParts(oneRowSheet('1.1.1.1')));
		expect(await problem(withDeclaredSize(zip, 0xfffffff0))).toBe('tooBigUnpacked');
		const many = Object.fromEntries(
			Array.from({ length: 2_100 }, (_, i) => [`xl/media/part${i}.bin`, new Uint8Array(1)])
		);
		expect(await problem(zipSync({ ...minimalParts(''), ...many }))).toBe('tooManyParts');
	});

	it('refuses a sheet of too many rows or cells', async () => {
		const rows = Array.from({ length: MAX_ROWS + 200 }, (_, i) => `<row r="${i + 1}"/>`).join('');
		expect(await problem(zipSync(minimalParts(`<sheetData>${rows}</sheetData>`)))).toBe(
			'tooManyRows'
		);
		const cells = Array.from({ length: 1_000_001 }, () => '<c/>').join('');
		expect(
			await problem(zipSync(minimalParts(`<sheetData><row r="1">${cells}</row></sheetData>`)))
		).toBe('tooManyCells');
	});

	it('refuses a damaged workbook, wrong columns, no rows, another plan’s rows and an unknown period', async () => {
		expect(await problem(zipSync(minimalParts('<sheetData><row r="1"><c r="A1"')))).toBe(
			'unreadable'
		);
		const other = new ExcelJS.Workbook();
		other.addWorksheet('Budget').addRow(['Item', 'Cost']);
		other.worksheets[0].addRow(['Chairs', 12]);
		expect(await problem(await save(other))).toBe('wrongColumns');
		const empty = new ExcelJS.Workbook();
		empty.addWorksheet('S').addRow(['Indicator number', 'Value measured']);
		expect(await problem(await save(empty))).toBe('noRows');
		expect(await problem(zipSync(minimalParts(oneRowSheet('8.8.8.8'))))).toBe('otherPlan');
		const { bytes } = await workbookFile(plan, { language: 'en', period: PERIOD });
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0];
		for (let r = HEADING_ROW + 1; r <= sheet.rowCount; r++)
			sheet.getRow(r).getCell(col('period')).value = '1999';
		expect(await problem(await save(workbook))).toBe('unknownPeriod');
	});

	it('reads a sheet whose lists, merges and names span the whole sheet without expanding them', async () => {
		const ref = firstIndicator(plan).ref;
		const whole = 'A1:XFD1048576';
		const sheet = oneRowSheet(
			ref,
			`<mergeCells count="1"><mergeCell ref="C3:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`
		);
		const names = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames></workbook>`;
		const reading = ok(await readWorkbook(zipSync(minimalParts(sheet, names)), plan, PERIOD));
		expect(reading.items.flatMap((i) => i.changes.map((c) => [i.ref, c.after]))).toEqual([
			[ref, '77']
		]);
	}, 20_000);

	it('hands ExcelJS only parts unpacked to their declared size, stored without compression', () => {
		const unpacked = unpackWorkbook(zipSync(minimalParts(oneRowSheet('1.1.1.1')), { level: 9 }));
		expect(unpacked.ok).toBe(true);
	});
});
