// Starting a plan from policy dialogue templates, and adding actions from the library, in French.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoEnglish, gotoStep, strings, waitForSaved } from './helpers.ts';

const read = (path: string) => JSON.parse(readFileSync(`templates/library/${path}`, 'utf8'));
const defence = read('ministries/defence.json');
const justice = read('ministries/justice.json');
const addis = read('regions/addis-ababa-2008.json');
const recommendations = read('recommendations.json');
const fr = strings('fr');

type Text = { en: string; fr: string; es: string };
type Action = { id: string; text: Text; indicators: { statement: Text }[] };

/** The library's English sentences: none may show on a French page. */
function englishOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(englishOf);
	if (value && typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (typeof v.en === 'string' && typeof v.fr === 'string')
			return v.en.split(/\s+/).length >= 4 ? [v.en] : [];
		return Object.values(v).flatMap(englishOf);
	}
	return [];
}

/** The texts in the fields under a locator (a bound textarea's value is not its text content). */
const values = (scope: ReturnType<Page['locator']>) =>
	scope
		.locator('textarea, input[type="text"]')
		.evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));

async function expectNoLibraryEnglish(page: Page) {
	const text = await page.evaluate(
		() =>
			document.body.innerText +
			[...document.querySelectorAll('textarea, input')]
				.map((e) => (e as HTMLInputElement).value)
				.join('\n')
	);
	const english = [defence, justice, addis, recommendations]
		.flatMap(englishOf)
		.filter((s) => text.includes(s));
	expect(english).toEqual([]);
}

test('start a plan in French from two ministry templates and a regional template, then add three actions from the library', async ({
	page
}) => {
	test.setTimeout(120_000); // 15 s alone; several times that beside another browser test
	await page.goto('/');
	await chooseLanguage(page, 'fr');
	await page.locator('#new-plan').click();
	await expect(page.locator('h1')).toHaveText(fr.get('start.title')!);
	await page.locator('input[name="ministries"][value="defence"]').check();
	await page.locator('input[name="ministries"][value="justice"]').check();
	await page.locator('input[name="regional"][value="addis-ababa-2008"]').check();
	await expect(page.getByRole('heading', { level: 2, name: addis.name.fr })).toBeVisible(); // the workshop agenda
	await expect(page.locator('.agenda tbody tr')).toHaveCount(addis.agenda.length);
	await expectNoEnglish(page, 'fr');
	await expectNoLibraryEnglish(page);
	await page.locator('#create-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);

	// The two ministries are the plan's institutions, named in French.
	const names = page.locator('input[id^="institution-"][id$="-name"]');
	await expect(names).toHaveCount(2);
	await expect(names.nth(0)).toHaveValue(defence.institution.name.fr);
	await expect(names.nth(1)).toHaveValue(justice.institution.name.fr);

	// Every template objective is in the plan, with its actions and indicators, in French.
	await gotoStep(page, 'actions');
	const objectives = [...addis.objectives, ...defence.objectives, ...justice.objectives];
	await expect(page.locator('section.objective')).toHaveCount(objectives.length);
	const firstAction: Action = defence.objectives[0].actions[0];
	expect(await values(page.locator('main'))).toContain(firstAction.text.fr);
	await expectNoEnglish(page, 'fr');
	await expectNoLibraryEnglish(page);

	// Add three actions from the library to the first defence objective, choosing them by search and filters.
	const target = page
		.locator('section.objective')
		.filter({ has: page.locator('h3', { hasText: defence.objectives[0].title.fr.slice(0, 40) }) });
	await target.getByRole('button', { name: fr.get('library.openActions') }).click();
	const dialog = page.getByRole('dialog', { name: fr.get('library.title.actions') });
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('#library-count')).toContainText(/\d+/);
	await dialog.getByLabel(fr.get('library.ministry')!, { exact: true }).selectOption('justice');
	await dialog.getByLabel(fr.get('library.pillar')!, { exact: true }).selectOption('');
	const justiceActions: Action[] = justice.objectives.flatMap(
		(o: { actions: Action[] }) => o.actions
	);
	const chosen = [justiceActions[0], justiceActions[3]];
	for (const action of chosen) await dialog.getByRole('checkbox', { name: action.text.fr }).check();
	// The third by searching the Secretary-General's recommendations.
	const recommendation: Action = recommendations.recommendations.find(
		(r: { id: string }) => r.id === 'sg2004.gbv.4'
	).action;
	await dialog.getByLabel(fr.get('library.ministry')!, { exact: true }).selectOption('');
	await dialog
		.getByLabel(fr.get('library.search')!, { exact: true })
		.fill(recommendation.text.fr.split(' ').slice(0, 6).join(' '));
	await dialog.getByRole('checkbox', { name: recommendation.text.fr }).check();
	chosen.push(recommendation);
	await dialog.getByRole('button', { name: /^Ajouter 3 éléments choisis$/ }).click();
	await expect(dialog).toBeHidden();
	await expect(page.locator('.notices')).toContainText('3 éléments ajoutés');

	// The new actions sit in the objective, with their indicators, and the cursor is in the first one.
	const focused = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value);
	expect(focused).toBe(chosen[0].text.fr);
	await waitForSaved(page);
	await page.reload();
	// Opening a draft of some 60 actions takes about 1.5 s here alone; with the three browsers of a
	// shared-draft test beside it, on the same two cores and the same server, it took over 15 s once.
	await expect(target.getByRole('textbox').first()).toBeVisible({ timeout: 40_000 });
	const inObjective = await values(target);
	for (const action of chosen) {
		expect(inObjective.filter((v) => v === action.text.fr)).toHaveLength(1);
		for (const indicator of action.indicators)
			expect(inObjective).toContain(indicator.statement.fr);
	}

	// The review tells template wording from the team's own, and flags the country figures to fill in.
	await gotoStep(page, 'review');
	await expect(
		page.getByRole('heading', { name: fr.get('wizard.review.wording.title') })
	).toBeVisible();
	await expect(
		page.locator('ul.gaps li', { hasText: 'contient encore une donnée à renseigner' }).first()
	).toBeVisible();
	await expectNoEnglish(page, 'fr');
});
