// The results matrix workbook opens in a real spreadsheet: LibreOffice Calc saves the exported workbook
// (a value edited in it first) as its own .xlsx, and the import reads that file back: the same columns
// found by their headings, the edited value proposed, nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { walk } from '../../src/lib/plan/walk.ts';
import { COLUMNS } from '../../src/lib/workbook/columns.ts';
import { HEADING_ROW, workbookFile } from '../../src/lib/workbook/export.ts';
import { readWorkbook } from '../../src/lib/workbook/import.ts';
import { samplePlan } from './sample-plan.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
const dir = mkdtempSync(join(tmpdir(), 'nap-calc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workbook as LibreOffice Calc saves it. */
function throughCalc(bytes: Uint8Array, name: string): Uint8Array {
	const source = join(dir, `${name}.xlsx`);
	writeFileSync(source, bytes);
	const out = join(dir, 'out');
	execFileSync(
		SOFFICE,
		[
			`-env:UserInstallation=file://${dir}/profile`,
			'--headless',
			'--convert-to',
			'xlsx:Calc MS Excel 2007 XML',
			'--outdir',
			out,
			source
		],
		{ stdio: 'pipe', timeout: 120_000 }
	);
	return new Uint8Array(readFileSync(join(out, `${name}.xlsx`)));
}

describe('the workbook in LibreOffice Calc', () => {
	it('reads back after Calc saved it, with the value edited and nothing else', async () => {
		const plan = samplePlan('en');
		const indicator = [...walk(plan)].find((p) => p.kind === 'indicator')!;
		if (indicator.kind !== 'indicator') throw new Error('No indicator');
		const { bytes } = await workbookFile(plan, { language: 'fr', period: '2027' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
		for (let r = HEADING_ROW + 1; r <= sheet.rowCount; r++)
			if (sheet.getRow(r).getCell(col('indicatorId')).value === indicator.indicator.id)
				sheet.getRow(r).getCell(col('value')).value = 'Calc 731';
		const edited = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

		const reading = await readWorkbook(throughCalc(edited, 'edited'), plan, '2031');
		if (!reading.ok) throw new Error(reading.problem.key);
		expect(reading.language).toBe('fr');
		expect(reading.period).toBe('2027');
		expect(reading.refused).toEqual([]);
		expect(reading.items.flatMap((i) => i.changes.map((c) => [i.ref, c.field, c.after]))).toEqual([
			[indicator.ref, 'value', 'Calc 731']
		]);
	}, 180_000);
});
