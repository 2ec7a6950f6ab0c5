// Keyboard only: create a plan, fill a step, reorder a list and export, without the mouse. Focus
// goes to the new step's heading, and validation messages sit in live regions that announce them.
import { expect, test, type Page } from '@playwright/test';
import { focusedId, strings } from './helpers.ts';

/** Presses Tab (or Shift+Tab) until the element matching `selector` has focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string, backwards = false, max = 300) {
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`${selector} never got focus by ${backwards ? 'Shift+' : ''}Tab`);
}

test('create a plan, fill a step, reorder a list and export with the keyboard alone', async ({
	page
}) => {
	const en = strings('en');
	await page.goto('/');
	await tabTo(page, '#new-plan');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/new$/);
	await tabTo(page, 'input[name="ministries"][value="justice"]');
	await page.keyboard.press('Space');
	await tabTo(page, '#create-plan');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await expect(page.locator('#step-title')).toBeFocused();

	// Fill the step: title, country, and a period whose years contradict each other.
	await tabTo(page, '#overview-title');
	await page.keyboard.type('National action plan typed from the keyboard');
	await tabTo(page, '#overview-country');
	await page.keyboard.type('Lumeria');
	await tabTo(page, '#overview-periodStart');
	await page.keyboard.type('2031');
	await tabTo(page, '#overview-periodEnd');
	await page.keyboard.type('2027');
	const error = page.locator('#overview-periodEnd-error');
	await expect(error).toHaveText(en.get('gaps.periodOrder')!);
	await expect(error).toHaveAttribute('aria-live', 'polite');
	await expect(page.locator('#overview-periodEnd')).toHaveAttribute(
		'aria-describedby',
		/overview-periodEnd-error/
	);

	// Reorder the institutions: add one after the justice ministry, then move it up.
	await tabTo(page, '#institutions-add');
	await page.keyboard.press('Enter');
	const added = await focusedId(page);
	expect(added).toMatch(/^institution-.+-name$/);
	await page.keyboard.type('Ministry of Women');
	const itemId = added.slice('institution-'.length, -'-name'.length);
	await tabTo(page, `[id="${itemId}-up"]`);
	await page.keyboard.press('Enter');
	await expect(page.locator('input[id^="institution-"][id$="-name"]').first()).toHaveValue(
		'Ministry of Women'
	);
	expect(await focusedId(page)).toBe(`${itemId}-up`);

	// To the review step through the steps list, then export.
	await tabTo(page, 'nav.progress a[href*="/plan/review?"]', true);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/plan\/review\?id=/);
	await expect(page.locator('#step-title')).toBeFocused();
	await tabTo(page, '#export-button');
	const downloading = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	expect((await downloading).suggestedFilename()).toBe('nap-lumeria-en.docx');
	await expect(page.locator('#export-status')).toContainText('nap-lumeria-en.docx');
});
