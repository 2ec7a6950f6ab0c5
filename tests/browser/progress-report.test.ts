// The progress report from the monitoring area, in French: the period, the language and the kind of
// copy chosen on the page (an accessible panel, in French throughout), the Word file built in the
// export worker, then read back.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { chooseLanguage, expectNoEnglish } from './helpers.ts';

test('export the progress report of 2028 in French from the monitoring area', async ({ page }) => {
	const sample = JSON.parse(readFileSync('templates/sample/fr.nap.json', 'utf8'));
	const report = JSON.parse(readFileSync('locales/fr/report.json', 'utf8'));
	const home = JSON.parse(readFileSync('locales/fr/home.json', 'utf8'));
	const progress = JSON.parse(readFileSync('locales/fr/progress.json', 'utf8'));
	await page.goto('/');
	await chooseLanguage(page, 'fr');
	await page.getByRole('button', { name: home.sample }).click();
	await page.waitForURL(/\/plan\/overview\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/progress?id=${encodeURIComponent(id)}`);
	const panel = page.getByRole('region', { name: report.panel.title });
	await expect(panel).toBeVisible({ timeout: 15_000 });
	await expectNoEnglish(page, 'fr');
	const { violations } = await new AxeBuilder({ page })
		.include('section.export')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// The report covers the period the monitoring area shows.
	await page.getByRole('combobox', { name: progress.period.label }).selectOption('2028');
	await expect(panel).toContainText(report.panel.covers.replace('{{period}}', '2028'));
	await expect(page.getByLabel('Langue du document')).toHaveValue('fr');
	await panel.getByRole('radio', { name: /Copie officielle/ }).check();
	const downloading = page.waitForEvent('download');
	await panel.getByRole('button', { name: report.panel.button }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('nap-republique-de-lumerie-progress-2028-fr.docx');
	await expect(panel.getByRole('status')).toContainText(file.suggestedFilename());

	const document = strFromU8(
		unzipSync(new Uint8Array(readFileSync(await file.path())))['word/document.xml']
	);
	const xml = (text: string) => text.replace(/'/g, '&apos;');
	expect(document).toContain(xml(report.title));
	expect(document).toContain(xml(report.chapters.summary));
	const summary = sample.progress.periods.find((p: { period: string }) => p.period === '2028');
	expect(document).toContain(xml(summary.summary));
	const narrative = sample.progress.actions.find(
		(a: { period: string; actionId: string }) => a.period === '2028' && a.actionId === 'a-2-1-1'
	);
	expect(document).toContain(xml(narrative.narrative));
	// An official copy: who reported each entry stays out.
	expect(document).not.toContain('Communiqué par');
});
