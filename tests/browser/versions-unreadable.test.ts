// A named version the app can no longer read (saved by a newer version of the app) is shown as such,
// in the user's language, instead of being skipped without a word; the others still compare and restore.
// By role and accessible name only.
import { expect, test } from '@playwright/test';
import { strings } from './helpers.ts';

/** A text of the French interface, its placeholders filled. */
function fr(key: string, params: Record<string, string | number> = {}): string {
	const template = strings('fr').get(key);
	if (template === undefined) throw new Error(`No text ${key}`);
	return template.replace(/{{(\w+)}}/g, (_, name) => String(params[name] ?? `{{${name}}}`));
}

test('a version that no longer parses is listed as one that cannot be read, in French, and offers no restore', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByRole('combobox', { name: strings('en').get('common.language') })
		.selectOption('fr');
	await page.getByRole('button', { name: fr('home.sample') }).click();
	await page.getByRole('link', { name: fr('versions.link') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr('versions.title'));

	for (const name of ['Atelier de validation', 'Version d’une application plus récente']) {
		await page.getByRole('textbox', { name: fr('versions.name') }).fill(name);
		await page.getByRole('button', { name: fr('versions.save') }).click();
		await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
	}

	// A newer app wrote the second version in a format this one does not know.
	await page.evaluate(
		(name) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('nap-builder');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const store = request.result.transaction('versions', 'readwrite').objectStore('versions');
					const all = store.getAll();
					all.onsuccess = () => {
						const version = all.result.find((v: { name: string }) => v.name === name);
						store.put({ ...version, plan: { ...version.plan, schemaVersion: 99 } });
						store.transaction.oncomplete = () => (request.result.close(), resolve());
					};
				};
			}),
		'Version d’une application plus récente'
	);
	await page.reload();

	const unreadable = page.getByRole('row', { name: /Version d’une application plus récente/ });
	await expect(unreadable).toContainText(
		fr('versions.unreadableBecause', { reason: fr('file.newerVersion', { version: 99 }) })
	);
	await expect(unreadable.getByRole('button')).toHaveCount(0);
	await expect(
		page.getByRole('option', { name: /Version d’une application plus récente/ })
	).toHaveCount(0);
	// The readable version is still there to restore and compare.
	await expect(
		page.getByRole('button', {
			name: fr('versions.restoreLabel', { name: 'Atelier de validation' })
		})
	).toBeVisible();
	await expect(page.getByRole('combobox', { name: fr('versions.compareLeft') })).toContainText(
		'Atelier de validation'
	);
});
