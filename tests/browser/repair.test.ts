// Nothing the app stored is ever out of reach: a stored draft the schema refuses opens, repaired, and
// says what was repaired; a file whose items share ids opens and every page shows it; the copy the
// app writes of a large draft opens again.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generatedPlan } from '../../scripts/generated-plan.ts';
import { migrate } from '../../src/lib/plan/migrations.ts';
import { SCHEMA_VERSION, type Plan } from '../../src/lib/plan/schema.ts';
import { strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const sample = () => JSON.parse(readFileSync('templates/sample/en.nap.json', 'utf8'));
/** The sample plan as the current app stores it (the file is of an older schema). */
const stored = () => migrate(sample()) as unknown as Plan;

/** Puts a record straight into the app's drafts store, as a bug in an earlier version might have. */
async function storeRaw(page: Page, record: unknown) {
	await page.evaluate(
		(value) =>
			new Promise<void>((done, fail) => {
				const request = indexedDB.open('nap-builder');
				request.onsuccess = () => {
					const tx = request.result.transaction('drafts', 'readwrite');
					tx.objectStore('drafts').put(value);
					tx.oncomplete = () => (request.result.close(), done());
					tx.onerror = () => fail(tx.error);
				};
				request.onerror = () => fail(request.error);
			}),
		record
	);
}

/** "Open a file" on the home page, as a user does it: the button, then the file chooser. */
async function openFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: en.get('home.open')!, exact: true }).click();
	await (await chooser).setFiles(file);
}

test('a stored draft with a date and a year the schema refuses opens, says what was repaired, and keeps the rest', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The home page has opened (and upgraded) the drafts database; put a broken draft in it.
	// Stored as the current version of the app stores drafts (an older version's record is migrated first).
	const broken = { ...stored(), id: 'brokendraft', schemaVersion: SCHEMA_VERSION };
	broken.overview.adoptionDate = '0270-01-01';
	broken.overview.periodEnd = 99999;
	await storeRaw(page, broken);
	await page.reload();

	const row = page.getByRole('row', { name: new RegExp(broken.overview.title.slice(0, 30)) });
	await expect(row).toBeVisible();
	await page.goto('/plan/overview?id=brokendraft');
	await expect(page.getByLabel(en.get('fields.overview.title')!, { exact: true })).toHaveValue(
		broken.overview.title
	);
	const notice = page.getByText(/values the app could not read/);
	// Both values are named in one notice (2 values: the plural form).
	await expect(notice).toBeVisible();
	await expect(notice).toContainText(
		`${en.get('wizard.steps.overview.title')}: ${en.get('fields.overview.adoptionDate')}`
	);
	await expect(notice).toContainText('“0270-01-01”');
	await expect(notice).toContainText('99999');
	await waitForSaved(page);

	// Repaired once, stored repaired: the next opening has nothing to say.
	await page.reload();
	await expect(page.getByLabel(en.get('fields.overview.title')!, { exact: true })).toHaveValue(
		broken.overview.title
	);
	await expect(page.getByText(/values the app could not read/)).toHaveCount(0);
});

test('a file whose institutions and actions share ids opens, and the steps and review mode show every item', async ({
	page
}) => {
	const file = sample();
	file.institutions[1].id = file.institutions[0].id;
	const actions = file.pillars[0].objectives[0].actions;
	actions[1].id = actions[0].id;
	await page.goto('/');
	await openFile(page, {
		name: 'shared-ids.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await expect(page.getByText(/was opened from the file/)).toBeVisible();
	await page.getByRole('link', { name: file.overview.title }).first().click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	const id = new URL(page.url()).searchParams.get('id');

	await page.goto(`/plan/overview?id=${id}`);
	const values = () =>
		page
			.locator('input, textarea')
			.evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));
	await expect
		.poll(values)
		.toEqual(expect.arrayContaining(file.institutions.map((i: { name: string }) => i.name)));
	await page.goto(`/plan/actions?id=${id}`);
	// The actions step of the sample (20 actions) takes seconds to show on a loaded machine, as gotoStep allows.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
	await expect
		.poll(values)
		.toEqual(expect.arrayContaining([actions[0].description, actions[1].description]));
	await page.goto(`/review?id=${id}`);
	await expect(page.getByText(actions[0].description.slice(0, 40)).first()).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByText(actions[1].description.slice(0, 40)).first()).toBeVisible();
});

test('the copy the app writes of a large draft (close to 10 MB as an earlier version wrote it) opens again', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	// Close to 10 MB as an earlier version wrote it (indented): 3,000 actions with long descriptions.
	const plan = generatedPlan(3_000);
	for (const pillar of plan.pillars)
		for (const objective of pillar.objectives)
			for (const action of objective.actions)
				action.description += ' Report each year.'.repeat(100);
	const original = JSON.stringify(plan, null, 1);
	expect(original.length).toBeGreaterThan(9_500_000);
	await page.goto('/');
	await openFile(page, {
		name: 'large.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from(original)
	});
	await expect(page.getByText(/was opened from the file/)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('link', { name: plan.overview.title }).first().click();
	await expect(page.getByLabel(en.get('fields.overview.title')!, { exact: true })).toHaveValue(
		plan.overview.title,
		{ timeout: 60_000 }
	);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: en.get('file.saveCopy')! }).click();
	const copy = readFileSync(await (await downloading).path());

	// Another device (a browser profile of its own) opens the copy as a new draft.
	const elsewhere = await browser.newContext();
	const other = await elsewhere.newPage();
	await other.goto('/');
	await openFile(other, { name: 'copy.nap.json', mimeType: 'application/json', buffer: copy });
	await expect(other.getByText(/was opened from the file/)).toBeVisible({ timeout: 60_000 });
	await expect(other.getByRole('row', { name: new RegExp(plan.overview.title) })).toHaveCount(1);
	await elsewhere.close();
});
