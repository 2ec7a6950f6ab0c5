// Two tabs on one draft never overwrite each other: the second shows it read only and says why; taking
// over makes the first save and step back, so what was typed in either tab is kept.
import { expect, test, type Page } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const vision = (page: Page) =>
	page.getByRole('textbox', { name: en.get('fields.overview.vision')!, exact: true });
const notice = (page: Page, key: string) =>
	page.getByRole('status').filter({ hasText: en.get(`common.tabs.${key}`)! });
const takeOver = (page: Page) =>
	page.getByRole('button', { name: en.get('common.tabs.takeOver')! });

async function openSample(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	return page.url();
}

test('a second tab on a draft is read only and can take over; what both tabs typed is kept', async ({
	context
}) => {
	const first = await context.newPage();
	const address = await openSample(first);
	await vision(first).fill('Typed in the first tab.');

	const second = await context.newPage();
	await second.goto(address);
	await expect(notice(second, 'elsewhere')).toBeVisible();
	await expect(vision(second)).toBeDisabled();
	await expect(
		second.getByRole('button', { name: en.get('fields.institutions.add')! })
	).toBeDisabled();
	await expect(notice(first, 'elsewhere')).toHaveCount(0);

	// The first tab goes on typing; the second takes over at once, before any pause would save it.
	await vision(first).press('End');
	await first.keyboard.type(' And more.');
	await takeOver(second).click();
	await expect(vision(second)).toBeEnabled();
	await expect(vision(second)).toHaveValue('Typed in the first tab. And more.');
	await expect(notice(second, 'elsewhere')).toHaveCount(0);
	// Focus is not lost on the way: it goes to the step's heading, as on opening the draft.
	await expect(second.getByRole('heading', { level: 1 })).toBeFocused();

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

test('review mode in a second tab lets the reader read but not comment while the draft is edited elsewhere', async ({
	context
}) => {
	const first = await context.newPage();
	const address = await openSample(first);
	const second = await context.newPage();
	await second.goto(address.replace('/plan/overview', '/review'));
	// Review mode lays out the whole sample plan: seconds on a loaded machine.
	await expect(notice(second, 'elsewhere')).toBeVisible({ timeout: 15_000 });
	const comment = second.getByRole('button', { name: /^Comment on / }).first();
	await expect(comment).toBeDisabled();
	await takeOver(second).click();
	await expect(second.getByRole('button', { name: /^Comment on / }).first()).toBeEnabled();
	await expect(notice(first, 'taken')).toBeFocused();
	await expect(vision(first)).toBeDisabled();
});

test('a tab that does not answer loses the draft after a moment, and its late save never overwrites the tab that took over', async ({
	context
}) => {
	const first = await context.newPage();
	const address = await openSample(first);
	await vision(first).fill('Saved in the first tab.');
	await waitForSaved(first);
	const second = await context.newPage();
	await second.goto(address);
	await expect(notice(second, 'elsewhere')).toBeVisible();

	// The first tab's device refuses its writes, so what it types next stays unsaved there; then the
	// tab freezes (as a hung or suspended background tab does) and answers nothing.
	await first.evaluate(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if ((window as unknown as { __full?: boolean }).__full)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
		(window as unknown as { __full?: boolean }).__full = true;
	});
	await vision(first).press('End');
	await first.keyboard.type(' Not saved.');
	await expect(first.locator('.save-status').getByRole('alert')).toBeVisible();
	const cdp = await context.newCDPSession(first);
	await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });

	await takeOver(second).click();
	await expect(vision(second)).toBeEnabled();
	await expect(vision(second)).toHaveValue('Saved in the first tab.');
	await vision(second).press('End');
	await second.keyboard.type(' From the second tab.');
	await waitForSaved(second);

	// The first tab wakes up with its device writable again: it writes nothing over the second tab's
	// work, says its last changes are not saved, and keeps them on screen for a copy to a file.
	await cdp.send('Page.setWebLifecycleState', { state: 'active' });
	await first.evaluate(() => ((window as unknown as { __full?: boolean }).__full = false));
	await expect(notice(first, 'takenUnsaved')).toBeVisible();
	await expect(vision(first)).toHaveValue('Saved in the first tab. Not saved.');
	await expect(vision(first)).toBeDisabled();
	// Nothing to retry here: this tab no longer writes the draft.
	await expect(first.getByRole('button', { name: en.get('common.save.retry')! })).toHaveCount(0);
	await second.reload();
	await expect(vision(second)).toHaveValue('Saved in the first tab. From the second tab.');
});

test('a version restored in another tab is not overwritten by the tab editing the draft: that tab says so and keeps its text', async ({
	context
}) => {
	const first = await context.newPage();
	const address = await openSample(first);
	const second = await context.newPage();
	await second.goto(address.replace('/plan/overview', '/versions'));
	await second.getByLabel(en.get('versions.name')!).fill('Before the workshop');
	await second.getByRole('button', { name: en.get('versions.save')! }).click();
	await expect(second.getByRole('button', { name: 'Restore: Before the workshop' })).toBeVisible();

	await vision(first).fill('Typed before the restore.');
	await waitForSaved(first);
	await second.getByRole('button', { name: 'Restore: Before the workshop' }).click();
	await second.getByRole('button', { name: en.get('versions.restoreYes')! }).click();
	await expect(second.getByText('“Before the workshop” restored.')).toBeVisible();

	// The first tab types on: its save would overwrite the restored draft, so it is refused, said once,
	// and the text stays on screen for a copy to a file.
	await vision(first).press('End');
	await first.keyboard.type(' And after.');
	const alert = first.locator('.save-status').getByRole('alert');
	await expect(alert).toContainText(en.get('common.save.elsewhere')!);
	await expect(notice(first, 'takenUnsaved')).toBeVisible();
	await expect(vision(first)).toHaveValue('Typed before the restore. And after.');
	await expect(vision(first)).toBeDisabled();

	// Editing here again starts from the restored draft.
	await takeOver(first).click();
	await expect(vision(first)).toBeEnabled();
	await expect(vision(first)).not.toHaveValue(/Typed before the restore/);
	await first.reload();
	await expect(vision(first)).not.toHaveValue(/Typed before the restore/);
});
