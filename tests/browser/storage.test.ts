// Storage full: the user is told, keeps working, can save a copy to a file, and loses nothing typed.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

test('when the device storage is full, typing goes on, the user is told and offered the file, and nothing is lost', async ({
	page
}) => {
	// The browser's IndexedDB refuses writes while window.__storageFull is set, as a full disk would; attempts are counted.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			const probe = window as unknown as { __storageFull?: boolean; __writeAttempts?: number };
			probe.__writeAttempts = (probe.__writeAttempts ?? 0) + 1;
			if (probe.__storageFull)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const en = strings('en');
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);

	await page.evaluate(
		() => ((window as unknown as { __storageFull: boolean }).__storageFull = true)
	);
	const vision = page.locator('#overview-vision');
	await vision.fill('A vision typed while the disk is full.');
	const alert = page.locator('.save-status [role="alert"]');
	await expect(alert).toContainText(en.get('common.save.quota')!);
	await expect(alert).toContainText('save a copy to a file');

	// Typing is never blocked, and the file copy carries everything typed.
	await vision.pressSequentially(' And more.');
	await expect(vision).toHaveValue('A vision typed while the disk is full. And more.');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: en.get('file.saveCopy')! }).click();
	const copy = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
	expect(copy.overview.vision).toBe('A vision typed while the disk is full. And more.');

	// Leaving for another page would drop what is not stored: the page stays, and says why.
	await page.locator('a.brand').click();
	await expect(page.locator('.notices')).toContainText(en.get('common.save.stay')!);
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await expect(vision).toHaveValue('A vision typed while the disk is full. And more.');
	// Another step of the same draft is fine: the draft stays open in memory.
	await page.locator('a[rel="next"]').click();
	await expect(page).toHaveURL(/\/plan\/context\?id=/);
	const attempts = () =>
		page.evaluate(() => (window as unknown as { __writeAttempts: number }).__writeAttempts);
	const before = await attempts();
	await page.locator('a[rel="prev"]').click();
	// The click retries the save at once (and fails): the next retry of the app's own is seconds away,
	// so the Retry below is the user's.
	await expect.poll(attempts).toBeGreaterThan(before);
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);

	// Space is freed: the retry saves, and the text is there after a reload.
	await page.evaluate(
		() => ((window as unknown as { __storageFull: boolean }).__storageFull = false)
	);
	await page.getByRole('button', { name: en.get('common.save.retry')! }).click();
	await waitForSaved(page);
	await page.reload();
	await expect(page.locator('#overview-vision')).toHaveValue(
		'A vision typed while the disk is full. And more.'
	);
});
