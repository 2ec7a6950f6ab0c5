// Named versions: save one, change the draft, compare, restore (the draft as it was becomes a version
// of its own), delete; and drafts stored before versions existed are kept.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

const NAME = 'Validation workshop, 12 March';

test('save a version, change the draft, compare, restore, delete', async ({ page }) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	const title = page.locator('#overview-title');
	const original = await title.inputValue();
	await page.getByRole('link', { name: 'Versions' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Named versions');

	await page.getByRole('button', { name: 'Save a version' }).click();
	await expect(page.locator('#version-name-error')).toHaveText('Give the version a name.');
	await page.getByLabel('Name of the version').fill(NAME);
	await page.getByRole('button', { name: 'Save a version' }).click();
	await expect(page.locator('.toast').last()).toContainText(`Version “${NAME}” saved.`);
	await expect(page.locator('table.versions tbody tr')).toHaveCount(1);
	await expect(page.locator('.compare-count')).toHaveText('No difference: the two are the same.');

	await page.getByRole('link', { name: 'Back to the plan' }).click();
	await title.fill('Second national action plan, revised after the workshop');
	await waitForSaved(page);
	await page.getByRole('link', { name: 'Versions' }).click();

	// The version against the draft as it is now: the title changed.
	await expect(page.locator('#compare-left option:checked')).toContainText(NAME);
	await expect(page.locator('#compare-right option:checked')).toHaveText('The draft as it is now');
	await expect(page.locator('.compare-count')).toHaveText('Added: 0 · changed: 1 · removed: 0');
	const row = page.locator('ol.differences li').filter({ hasText: 'Title of the plan' });
	await expect(row.locator('td').first()).toHaveText(original);
	await expect(row.locator('td').nth(1)).toHaveText(
		'Second national action plan, revised after the workshop'
	);

	await page.getByRole('button', { name: `Restore: ${NAME}` }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'the draft again?' })).toBeVisible();
	await page.getByRole('button', { name: 'Yes, restore' }).click();
	const before = `Before restoring “${NAME}”`;
	await expect(page.locator('.toast').last()).toContainText(
		`The draft as it was is kept as “${before}”.`
	);
	await expect(page.locator('table.versions tbody th')).toHaveText([before, NAME]);
	// The automatic version holds the newer text; the draft has the old one back.
	const automatic = await page
		.locator('#compare-left option')
		.filter({ hasText: before })
		.getAttribute('value');
	await page.locator('#compare-left').selectOption(automatic!);
	await expect(page.locator('.compare-count')).toHaveText('Added: 0 · changed: 1 · removed: 0');
	await expect(row.locator('td').first()).toHaveText(
		'Second national action plan, revised after the workshop'
	);
	await expect(row.locator('td').nth(1)).toHaveText(original);
	await page.getByRole('link', { name: 'Back to the plan' }).click();
	await expect(title).toHaveValue(original);

	await page.getByRole('link', { name: 'Versions' }).click();
	await page.getByRole('button', { name: `Delete: ${NAME}` }).click();
	await page.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(page.locator('table.versions tbody th')).toHaveText([before]);
	await page.reload();
	await expect(page.locator('table.versions tbody th')).toHaveText([before]);
});

test('a draft stored before versions existed is kept, and gets versions', async ({ page }) => {
	const plan = JSON.parse(readFileSync('templates/sample/en.nap.json', 'utf8'));
	await page.goto('/favicon.svg'); // the app's origin, before the app opens its database
	await page.evaluate(
		(stored) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('nap-builder', 1);
				request.onupgradeneeded = () =>
					request.result.createObjectStore('drafts', { keyPath: 'id' });
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const tx = request.result.transaction('drafts', 'readwrite');
					tx.objectStore('drafts').put(stored);
					tx.oncomplete = () => (request.result.close(), resolve());
				};
			}),
		{ ...plan, id: 'old-draft' }
	);
	await page.goto('/');
	await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
	await page.goto('/versions?id=old-draft');
	await page.getByLabel('Name of the version').fill('First version');
	await page.getByRole('button', { name: 'Save a version' }).click();
	await expect(page.locator('table.versions tbody th')).toHaveText(['First version']);

	// Deleting the draft deletes its versions; undo brings both back.
	await page.goto('/');
	await page.getByRole('button', { name: /^Delete: / }).click();
	await page.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(page.locator('table.drafts')).toHaveCount(0);
	const versionsLeft = () =>
		page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const request = indexedDB.open('nap-builder');
					request.onsuccess = () => {
						const count = request.result.transaction('versions').objectStore('versions').count();
						count.onsuccess = () => (request.result.close(), resolve(count.result));
					};
				})
		);
	expect(await versionsLeft()).toBe(0);
	await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
	expect(await versionsLeft()).toBe(1);
});

test('what was reported on the plan is compared too, under the monitoring of implementation', async ({
	page
}) => {
	const en = strings('en');
	const s = (key: string) => en.get(key)!;
	await page.goto('/');
	await page.getByRole('button', { name: s('home.sample') }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/versions?id=${id}`);
	await page.getByLabel('Name of the version').fill('Before the 2027 report');
	await page.getByRole('button', { name: 'Save a version' }).click();
	await expect(page.locator('table.versions tbody tr')).toHaveCount(1);

	// The sample reported action 1.1.1 as on track in 2027; the ministry now says it is completed.
	await page.goto(`/progress?id=${id}&period=2027`);
	const status = page.getByRole('combobox', {
		name: new RegExp(`^${s('fields.actionProgress.status')} – Action 1\\.1\\.1:`)
	});
	await expect(status).toHaveValue('on-track', { timeout: 15_000 });
	await status.selectOption({ label: s('options.progressStatus.completed') });
	await waitForSaved(page);

	await page.goto(`/versions?id=${id}`);
	await expect(page.getByRole('status').filter({ hasText: 'Added: 0' })).toHaveText(
		'Added: 0 · changed: 1 · removed: 0'
	);
	await expect(page.getByRole('heading', { level: 3 })).toHaveText([s('fields.progress.title')]);
	const item = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			level: 4,
			name: /^Changed Progress on an action 1\.1\.1 2027: Adopt and implement a strategy/
		})
	});
	const row = item.getByRole('row', { name: new RegExp(`^${s('fields.actionProgress.status')}`) });
	await expect(row.getByRole('cell')).toHaveText([
		s('options.progressStatus.on-track'),
		s('options.progressStatus.completed')
	]);
});
