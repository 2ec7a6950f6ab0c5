// Export to Word from the review step, in a language other than the interface's.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { gotoStep } from './helpers.ts';

test('export the sample plan to Word in French from an English interface', async ({ page }) => {
	const sample = JSON.parse(readFileSync('templates/sample/en.nap.json', 'utf8'));
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await gotoStep(page, 'review');
	await page.getByLabel('Language of the document').selectOption('fr');
	await page.getByLabel('Paper size').selectOption('letter');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('nap-republic-of-lumeria-fr.docx');
	await expect(page.locator('#export-status')).toContainText('nap-republic-of-lumeria-fr.docx');

	const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
	const document = strFromU8(files['word/document.xml']);
	const fr = JSON.parse(readFileSync('locales/fr/export.json', 'utf8'));
	expect(document).toContain(fr.chapters.resultsMatrix);
	expect(document).toContain('w:w="12240"'); // US Letter
	// The plan's own words stay in English: the export language changes only the document's fixed texts.
	expect(document).toContain(
		sample.context.situationAnalysis.split('\n')[0].replace(/'/g, '&apos;').slice(0, 60)
	);
	expect(strFromU8(files['word/styles.xml'])).toContain('w:val="fr-FR"');
});
