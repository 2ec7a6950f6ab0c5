// The drafts on the device: the sample plan, files in and out, rename, duplicate, delete with undo,
// and editing lists with the keyboard.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	chooseLanguage,
	expectNoEnglish,
	focusedId,
	gotoStep,
	newBlankPlan,
	strings,
	waitForSaved
} from './helpers.ts';

const rows = (page: import('@playwright/test').Page) => page.locator('table.drafts tbody tr');

for (const language of ['en', 'fr', 'es'] as const) {
	test(`the sample plan opens in ${language} with content in every step`, async ({ page }) => {
		const sample = JSON.parse(readFileSync(`templates/sample/${language}.nap.json`, 'utf8'));
		const text = strings(language);
		await page.goto('/');
		await chooseLanguage(page, language);
		await page.locator('#sample-plan').click();
		await expect(page.locator('#overview-title')).toHaveValue(sample.overview.title);
		await expect(page.locator('nav.progress')).toContainText(
			text.get('wizard.steps.review.title')!
		);

		await gotoStep(page, 'context');
		await expect(page.locator('#context-situationAnalysis')).toHaveValue(
			sample.context.situationAnalysis
		);
		await gotoStep(page, 'consultation');
		await expect(page.locator('ol.items > li.item')).toHaveCount(sample.consultation.events.length);
		await gotoStep(page, 'pillars');
		await expect(page.locator('li.pillar')).toHaveCount(sample.pillars.length);
		await gotoStep(page, 'actions');
		const firstAction = sample.pillars[0].objectives[0].actions[0];
		await expect(page.locator('li.action')).toHaveCount(20);
		await expect(page.locator(`#action-${firstAction.id}-description`)).toHaveValue(
			firstAction.description
		);
		await gotoStep(page, 'coordination');
		await expect(page.locator('#monitoring-civilSocietyRole')).toHaveValue(
			sample.monitoring.civilSocietyRole
		);
		await gotoStep(page, 'budget');
		await expect(page.locator('.budget-tables table')).toHaveCount(3);
		await gotoStep(page, 'review');
		await expect(page.getByText(text.get('wizard.review.noGaps')!)).toBeVisible();
		if (language !== 'en') await expectNoEnglish(page, language);
	});
}

test('save a copy to a file, open it again (once the draft has changed) as a new draft; a broken file changes nothing', async ({
	page
}) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await page.locator('#overview-country').fill('Lumeria «copy» & <test>');
	await waitForSaved(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save a copy to a file' }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('nap-lumeria-copy-test.nap.json');
	const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
	expect(saved.overview.country).toBe('Lumeria «copy» & <test>');

	await page.goto('/');
	await expect(rows(page)).toHaveCount(1);
	// The draft on this device is the file's plan, unchanged: it is said so, and not added twice.
	await page.locator('#open-file').setInputFiles(await file.path());
	await expect(page.locator('.toast')).toContainText('already on this device, unchanged');
	await expect(rows(page)).toHaveCount(1);
	// Once the draft has changed, the file (its earlier state) opens as a new draft beside it.
	await page.getByRole('button', { name: /^Rename: / }).click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Renamed since');
	await page.keyboard.press('Enter');
	await expect(rows(page)).toContainText('Renamed since');
	await page.locator('#open-file').setInputFiles(await file.path());
	await expect(page.locator('.toast').last()).toContainText('was opened from the file');
	await expect(rows(page)).toHaveCount(2);

	// A broken file: a translated message, and the drafts stay as they were.
	await chooseLanguage(page, 'fr');
	const before = await rows(page).allInnerTexts();
	await page.locator('#open-file').setInputFiles({
		name: 'broken.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "nap-builder.plan", "schemaVersion": 1, "id": ')
	});
	await expect(page.locator('.toast.error')).toContainText(strings('fr').get('file.notJson')!);
	await expect(page.locator('.toast.error')).toContainText('broken.nap.json');
	await page.locator('#open-file').setInputFiles({
		name: 'other.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"hello": "world"}')
	});
	await expect(page.locator('.toast.error').last()).toContainText(
		strings('fr').get('file.notDraft')!
	);
	expect(await rows(page).allInnerTexts()).toEqual(before);
});

test('rename, duplicate and delete drafts, with undo', async ({ page }) => {
	await page.goto('/');
	await newBlankPlan(page);
	await page.locator('#overview-title').fill('First plan');
	await waitForSaved(page);
	await page.goto('/');

	await page.getByRole('button', { name: 'Rename: First plan' }).click();
	await expect(page.getByLabel('New title for “First plan”')).toBeFocused();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Joint plan');
	await page.keyboard.press('Enter');
	await expect(rows(page)).toContainText('Joint plan');

	await page.getByRole('button', { name: 'Duplicate: Joint plan' }).click();
	await expect(rows(page)).toHaveCount(2);
	await expect(page.locator('table.drafts')).toContainText('Copy of Joint plan');

	await page.getByRole('button', { name: 'Delete: Copy of Joint plan' }).click();
	await page.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(rows(page)).toHaveCount(1);
	await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
	await expect(rows(page)).toHaveCount(2);
	await page.reload();
	await expect(rows(page)).toHaveCount(2);
});

test('lists are edited from the keyboard: add, reorder, duplicate, delete and undo', async ({
	page
}) => {
	await page.goto('/');
	await newBlankPlan(page);
	const names = ['Defence', 'Justice', 'Interior'];
	for (const name of names) {
		await page.locator('#institutions-add').focus();
		await page.keyboard.press('Enter');
		await page.keyboard.type(name); // the cursor is already in the new item's name
	}
	const order = () =>
		page
			.locator('[id^="institution-"][id$="-name"]')
			.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
	await expect.poll(order).toEqual(names);

	// Move "Interior" up twice with the same key press; focus stays on the button.
	await page.getByRole('button', { name: 'Move up: Institution 3' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Move up: Institution 2' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect.poll(order).toEqual(['Interior', 'Defence', 'Justice']);
	await expect(page.locator('.toast').last()).toContainText('moved to position 1 of 3');

	await page.getByRole('button', { name: 'Duplicate: Institution 2' }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(order).toEqual(['Interior', 'Defence', 'Defence', 'Justice']);
	expect(await focusedId(page), 'focus moves to the copy').toMatch(/-item$/);

	await page.getByRole('button', { name: 'Delete: Institution 1' }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(order).toEqual(['Defence', 'Defence', 'Justice']);
	await expect(page.locator('#institutions-add')).toBeFocused();
	await page.locator('.toast').last().getByRole('button', { name: 'Undo' }).click();
	await expect.poll(order).toEqual(['Interior', 'Defence', 'Defence', 'Justice']);

	await waitForSaved(page);
	await page.reload();
	await expect.poll(order).toEqual(['Interior', 'Defence', 'Defence', 'Justice']);
});
