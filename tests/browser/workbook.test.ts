// The results matrix workbook on the monitoring page: export a period's workbook, change a value in it
// as a focal point would in Excel and spoil a row, import it, see the change proposed and the bad row
// listed, accept, and find the value in the plan after a reload (in the next export).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { chooseLanguage, expectNoEnglish } from './helpers.ts';

const sample = JSON.parse(readFileSync('templates/sample/en.nap.json', 'utf8'));
const action = sample.pillars[0].objectives[0].actions[0];
const first = action.indicators[0];
const second = action.indicators[1] ?? sample.pillars[0].objectives[0].actions[1].indicators[0];

async function exported(page: Page): Promise<ExcelJS.Worksheet> {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: /^Export the workbook of / }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
	return workbook.worksheets[0];
}

/** Chooses a file as a user does: the button opens the file chooser. */
async function choose(page: Page, button: string, file: string) {
	const choosing = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: button }).click();
	await (await choosing).setFiles(file);
}

/** The sheet's heading row and a column by its heading. */
function columnOf(sheet: ExcelJS.Worksheet, heading: string): number {
	for (let r = 1; r <= 10; r++) {
		const values = sheet.getRow(r).values as unknown[];
		const at = values.indexOf(heading);
		if (at > 0) return at;
	}
	throw new Error(`No column ${heading}`);
}

function rowOfIndicator(sheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
	const col = columnOf(sheet, 'Indicator id (do not change)');
	for (let r = 1; r <= sheet.rowCount; r++)
		if (sheet.getRow(r).getCell(col).value === id) return sheet.getRow(r);
	throw new Error(`No row for indicator ${id}`);
}

test('export the workbook, import it with a changed value and a bad row, accept, and the plan holds the value', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Try a sample plan' }).click();
	await expect(page).toHaveURL(/id=/, { timeout: 15_000 });
	const id = new URL(page.url()).searchParams.get('id');
	await page.goto(`/progress?id=${id}`);
	await expect(page.getByRole('heading', { name: 'Results matrix workbook' })).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByLabel('Language of the workbook')).toHaveValue('en');

	const sheet = await exported(page);
	const valueColumn = columnOf(sheet, 'Value measured');
	const ratingColumn = columnOf(sheet, 'Rating');
	const edited = rowOfIndicator(sheet, first.id);
	edited.getCell(valueColumn).value = '41.7';
	const spoiled = rowOfIndicator(sheet, second.id);
	spoiled.getCell(ratingColumn).value = 'Maybe';
	const file = join(mkdtempSync(join(tmpdir(), 'nap-workbook-')), 'from-the-ministry.xlsx');
	writeFileSync(file, new Uint8Array((await sheet.workbook.xlsx.writeBuffer()) as ArrayBuffer));

	await choose(page, 'Import a filled-in workbook', file);
	const status = page.locator('#workbook-import-status');
	await expect(status).toContainText('from-the-ministry.xlsx reports on', { timeout: 15_000 });
	await expect(status).toContainText('1 change proposed, 1 row refused');
	const table = page.getByRole('table', { name: /Changes proposed by from-the-ministry\.xlsx/ });
	await expect(table).toContainText('41.7');
	await expect(page.getByRole('listitem').filter({ hasText: `Row ${spoiled.number}:` })).toHaveText(
		`Row ${spoiled.number}: “Maybe” is not a rating: choose one from the list of “Rating”`
	);
	const { violations } = await new AxeBuilder({ page })
		.include('section.workbook')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	// Nothing is applied before the user accepts: the box starts unticked.
	const accept = page.getByRole('checkbox', {
		name: 'Accept the change to indicator 1.1.1.1: Value measured'
	});
	await expect(accept).not.toBeChecked();
	await accept.check();
	await page.getByRole('button', { name: 'Apply the selected changes' }).click();
	await expect(status).toHaveText(/^1 change applied to \d{4}/);
	await expect(page.getByRole('button', { name: 'Import a filled-in workbook' })).toBeFocused();
	await expect(table).toHaveCount(0);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Results matrix workbook' })).toBeVisible({
		timeout: 15_000
	});
	const again = await exported(page);
	expect(rowOfIndicator(again, first.id).getCell(valueColumn).value).toBe('41.7');
	expect(rowOfIndicator(again, second.id).getCell(ratingColumn).value).not.toBe('Maybe');
});

test('in French, a file that is not a workbook gets one clear message in French and changes nothing', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Try a sample plan' }).click();
	await expect(page).toHaveURL(/id=/, { timeout: 15_000 });
	const id = new URL(page.url()).searchParams.get('id');
	await page.goto(`/progress?id=${id}`);
	await chooseLanguage(page, 'fr');
	await expect(
		page.getByRole('heading', { name: 'Classeur de la matrice des résultats' })
	).toBeVisible({
		timeout: 15_000
	});
	const file = join(mkdtempSync(join(tmpdir(), 'nap-workbook-')), 'plan.xlsx');
	writeFileSync(file, 'not a zip at all');
	await choose(page, 'Importer un classeur rempli', file);
	await expect(page.locator('#workbook-import-status')).toHaveText(
		'Ce fichier n’est pas un classeur Excel (.xlsx).',
		{ timeout: 15_000 }
	);
	await expect(page.getByRole('table')).toHaveCount(0);
	await expectNoEnglish(page, 'fr');
});
