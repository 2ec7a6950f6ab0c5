// Starting from a previous plan: a Word file made by another tool, read with the mapping the app
// proposes and the user's corrections, becomes a new draft; drafts already on the device stay as
// they were, and a file that cannot be read gets a message and changes nothing.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { otherWordFile } from '../unit/import-files.ts';
import { chooseLanguage, expectNoEnglish, gotoStep, strings } from './helpers.ts';

const en = strings('en');
const text = (key: string, params: Record<string, string | number> = {}) =>
	en.get(key)!.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
const drafts = (page: Page) => page.locator('table.drafts tbody tr');

async function withSample(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: text('home.sample') }).click();
	const title = page.getByLabel(text('fields.overview.title'), { exact: true });
	await expect(title).not.toHaveValue('', { timeout: 15_000 });
	const value = await title.inputValue();
	await page.goto('/');
	await expect(drafts(page)).toHaveCount(1);
	return value;
}

test('a Word file made another way becomes a new draft, with the user’s corrections', async ({
	page
}) => {
	const sampleTitle = await withSample(page);
	await page.getByRole('link', { name: text('import.start') }).click();
	await expect(page.getByRole('heading', { name: text('import.title'), level: 1 })).toBeVisible();

	await expect(page.getByRole('button', { name: text('import.choose') })).toBeVisible();
	await page.locator('#import-file').setInputFiles({
		name: 'pan-2019-2023.docx',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		buffer: Buffer.from(await otherWordFile())
	});
	const mappingTitle = page.getByRole('heading', { name: /pan-2019-2023\.docx/, level: 2 });
	await expect(mappingTitle).toBeFocused({ timeout: 15_000 });

	// The structure: the outline of headings and each table's first rows.
	await expect(page.getByText('Dispositif de pilotage', { exact: true })).toBeVisible();
	await expect(
		page.getByRole('table', { name: text('import.structure.table', { n: 1, rows: 5 }) })
	).toContainText('Former 200 candidates aux élections locales');
	// What the app proposed from the French words, before any correction.
	const counts = page.getByRole('status').filter({ hasText: /pillars/ });
	await expect(counts).toHaveText(
		text('import.preview.counts', {
			pillars: 2,
			objectives: 2,
			actions: 3,
			indicators: 3,
			institutions: 4
		})
	);
	const matrix = page.getByRole('combobox', { name: text('import.mapping.matrix') });
	await expect(matrix.locator('option:checked')).toHaveText(/^Table 1: Résultat attendu/);

	// The user's corrections: the column nobody could guess, and a chapter.
	const who = page.getByRole('combobox', {
		name: text('import.mapping.columnRole', { header: 'Structure d’exécution' })
	});
	await expect(who.locator('option:checked')).toHaveText(text('import.mapping.ignoreColumn'));
	await who.selectOption({ label: text('export.labels.responsible') });
	await page
		.getByRole('combobox', {
			name: text('import.mapping.headingRole', { heading: 'Dispositif de pilotage' })
		})
		.selectOption({
			label: text('import.mapping.roles.chapter', {
				field: text('fields.coordination.description')
			})
		});
	// The responsible column adds the Assemblée nationale, named nowhere else.
	await expect(counts).toHaveText(
		text('import.preview.counts', {
			pillars: 2,
			objectives: 2,
			actions: 3,
			indicators: 3,
			institutions: 5
		})
	);
	await expect(page.getByRole('listitem').filter({ hasText: 'à déterminer' })).toHaveText(
		text('import.preview.unreadItem', {
			ref: '1.1.2',
			column: text('export.labels.budget'),
			text: 'à déterminer'
		})
	);

	await page.getByRole('button', { name: text('import.create') }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/, { timeout: 15_000 });
	await gotoStep(page, 'context');
	await expect(page.locator('#context-situationAnalysis')).toHaveValue(
		'Les femmes représentent 12 % des députés.'
	);
	await expect(page.locator('#context-lessonsLearned')).toHaveValue(
		/Plan d’action national de la résolution 1325 \(2019-2023\)/
	);
	await gotoStep(page, 'coordination');
	await expect(page.locator('#coordination-description')).toHaveValue(
		'Un comité national de pilotage se réunit deux fois par an.'
	);

	// A new draft beside the sample, which is as it was.
	await page.goto('/');
	await expect(drafts(page)).toHaveCount(2);
	await expect(page.getByRole('link', { name: sampleTitle, exact: true })).toBeVisible();
});

test('a file that is not a Word file gets a message and changes nothing', async ({ page }) => {
	await withSample(page);
	await page.goto('/import');
	await page.locator('#import-file').setInputFiles({
		name: 'plan.docx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from('This is not a Word file')
	});
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(text('import.errors.notWord'), { timeout: 15_000 });
	await expect(alert).toBeFocused();
	await expect(page.getByRole('button', { name: text('import.create') })).toHaveCount(0);
	await page.goto('/');
	await expect(drafts(page)).toHaveCount(1);
});

test('in French, the import page speaks French only and passes axe, the mapping shown', async ({
	page
}) => {
	await page.goto('/');
	await chooseLanguage(page, 'fr');
	const fr = strings('fr');
	await page.getByRole('link', { name: fr.get('import.start')! }).click();
	await page.locator('#import-file').setInputFiles({
		name: 'pan.docx',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		buffer: Buffer.from(await otherWordFile())
	});
	await expect(page.locator('#create-draft')).toBeVisible({ timeout: 15_000 });
	await expectNoEnglish(page, 'fr');
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
	).toEqual([]);
});
