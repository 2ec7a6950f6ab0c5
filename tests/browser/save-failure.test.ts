// A failure is said once: while the device stays full and the saves are retried, the alert, its text
// and the Retry button stay as they are (a screen reader hears the failure once; focus on Retry stays).
import { expect, test } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

interface Probe {
	__storageFull: boolean;
	__writeAttempts: number;
	__marked: { alert: Element | null; retry: Element | null; changes: number };
}

test('while saves keep failing, the one alert and the focused Retry button stay in place, unchanged, through the retries', async ({
	page
}) => {
	// The browser's IndexedDB refuses writes while __storageFull is set, as a full disk would; attempts are counted.
	await page.addInitScript(() => {
		const probe = window as unknown as Probe;
		probe.__writeAttempts = 0;
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			probe.__writeAttempts++;
			if (probe.__storageFull)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const en = strings('en');
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);

	await page.evaluate(() => ((window as unknown as Probe).__storageFull = true));
	const vision = page.getByRole('textbox', {
		name: en.get('fields.overview.vision')!,
		exact: true
	});
	await vision.fill('A vision typed while the disk is full.');
	const status = page.locator('.save-status');
	const alert = status.getByRole('alert');
	await expect(alert).toContainText(en.get('common.save.quota')!);
	const said = await alert.textContent();
	const retry = page.getByRole('button', { name: en.get('common.save.retry')! });
	await retry.focus();
	await expect(retry).toBeFocused();

	// From now on, watch the status: any element added, removed or changed in it is counted.
	await page.evaluate(() => {
		const probe = window as unknown as Probe;
		const root = document.querySelector('.save-status')!;
		probe.__marked = {
			alert: root.querySelector('[role="alert"]'),
			retry: root.querySelector('button'),
			changes: 0
		};
		new MutationObserver((records) => (probe.__marked.changes += records.length)).observe(root, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
	const unchanged = () =>
		page.evaluate(() => {
			const { alert, retry, changes } = (window as unknown as Probe).__marked;
			return {
				alertInPage: alert?.isConnected,
				retryInPage: retry?.isConnected,
				retryFocused: document.activeElement === retry,
				changes
			};
		});
	const attempts = () => page.evaluate(() => (window as unknown as Probe).__writeAttempts);

	// Three retries of the app's own (one every 5 s).
	const before = await attempts();
	await expect
		.poll(attempts, { timeout: 25_000, intervals: [500] })
		.toBeGreaterThanOrEqual(before + 3);
	expect(await unchanged()).toEqual({
		alertInPage: true,
		retryInPage: true,
		retryFocused: true,
		changes: 0
	});
	await expect(alert).toHaveText(said!);
	await expect(retry).toBeFocused();

	// The user's own retry, from the keyboard, while the disk is still full: the same again.
	const beforeKey = await attempts();
	await page.keyboard.press('Enter');
	await expect.poll(attempts).toBeGreaterThan(beforeKey);
	await expect(alert).toHaveText(said!);
	expect(await unchanged()).toEqual({
		alertInPage: true,
		retryInPage: true,
		retryFocused: true,
		changes: 0
	});

	// Space is freed: Retry saves, the alert goes, and focus moves to the status rather than to the page.
	await page.evaluate(() => ((window as unknown as Probe).__storageFull = false));
	await page.keyboard.press('Enter');
	await waitForSaved(page);
	await expect(status.getByRole('alert')).toHaveCount(0);
	await expect(status).toBeFocused();
	await expect(status).toHaveText(en.get('common.save.saved')!);
	await page.reload();
	await expect(vision).toHaveValue('A vision typed while the disk is full.');
});
