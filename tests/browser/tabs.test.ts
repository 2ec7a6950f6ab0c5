// Two tabs on one draft never overwrite each other: the second shows it read only and says why; taking
// over makes the first save and step back, so what was typed in either tab is kept.
import { expect, test, type Page } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const vision = (page: Page) => page.getByRole('textbox', { name: en.get('fields.overview.vision')!, exact: true });
const notice = (page: Page, key: string) => page.getByRole('status').filter({ hasText: en.get(`common.tabs.${key}`)! });
const takeOver = (page: Page) => page.getByRole('button', { name: en.get('common.tabs.takeOver')! });

async function openSample(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	return page.url();
}

test('a second tab on a draft is read only and can take over; what both tabs typed is kept', async ({ context }) => {
	const first = await context.newPage();
	const address = await openSample(first);
	await vision(first).fill('Typed in the first tab.');

	const second = await context.newPage();
	await second.goto(address);
	await expect(notice(second, 'elsewhere')).toBeVisible();
	await expect(vision(second)).toBeDisabled();
	await expect(second.getByRole('button', { name: en.get('fields.institutions.add')! })).toBeDisabled();
	await expect(notice(first, 'elsewhere')).toHaveCount(0);

	// The first tab goes on typing; the second takes over at once, before any pause would save it.
	await vision(first).press('End');
	await first.keyboard.type(' And more.');
	await takeOver(second).click();
	await expect(vision(second)).toBeEnabled();
	await expect(vision(second)).toHaveValue('Typed in the first tab. And more.');
	await expect(notice(second, 'elsewhere')).toHaveCount(0);

	// The first tab says why it stepped back, with focus on that notice, and writes no more.
	await expect(notice(first, 'taken')).toBeFocused();
	await expect(vision(first)).toBeDisabled();

	await vision(second).press('End');
	await second.keyboard.type(' From the second tab.');
	// And back: the first tab takes over again and gets what the second typed.
	await takeOver(first).click();
	await expect(vision(first)).toHaveValue('Typed in the first tab. And more. From the second tab.');
	await expect(vision(first)).toBeEnabled();
	await expect(notice(second, 'taken')).toBeVisible();
	await vision(first).press('End');
	await first.keyboard.type(' Last words.');
	await waitForSaved(first);

	// Every edit of both tabs is stored; the second tab, reloaded, is still read only.
	const everything = 'Typed in the first tab. And more. From the second tab. Last words.';
	await second.reload();
	await expect(vision(second)).toHaveValue(everything);
	await expect(notice(second, 'elsewhere')).toBeVisible();
	await expect(vision(second)).toBeDisabled();

	// Once the first tab is closed, the second can edit without waiting.
	await first.close();
	await takeOver(second).click();
	await expect(vision(second)).toBeEnabled();
	await expect(vision(second)).toHaveValue(everything);
});

test('review mode in a second tab lets the reader read but not comment while the draft is edited elsewhere', async ({ context }) => {
	const first = await context.newPage();
	const address = await openSample(first);
	const second = await context.newPage();
	await second.goto(address.replace('/plan/overview', '/review'));
	await expect(notice(second, 'elsewhere')).toBeVisible();
	const comment = second.getByRole('button', { name: /^Comment on / }).first();
	await expect(comment).toBeDisabled();
	await takeOver(second).click();
	await expect(second.getByRole('button', { name: /^Comment on / }).first()).toBeEnabled();
	await expect(notice(first, 'taken')).toBeFocused();
	await expect(vision(first)).toBeDisabled();
});
