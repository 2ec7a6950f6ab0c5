// The first visit, in the language the browser asks for: the home and start pages load only the texts
// they show, yet show each one (never a text key, never English to a French or Spanish browser), on a
// device with no draft and with one; the pages after them have all of theirs.
import { expect, test, type Page } from '@playwright/test';
import { expectNoEnglish, strings } from './helpers.ts';

/** Text keys ('home.title') showing in place of their text, in the page's text or accessible names. */
async function shownKeys(page: Page): Promise<string[]> {
	const areas = ['app', 'common', 'home', 'import', 'start', 'wizard', 'comments', 'file'];
	const text = await page.evaluate(() =>
		[
			document.body.innerText,
			document.title,
			...[...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'))
		].join('\n')
	);
	const more = ['workshop', 'progress', 'fields', 'gaps', 'options', 'scorecard', 'sharing'];
	return text.match(new RegExp(`\\b(${[...areas, ...more].join('|')})\\.[a-z]\\w*`, 'gi')) ?? [];
}

for (const [language, tag] of [
	['fr', 'fr-FR'],
	['es', 'es-ES']
] as const) {
	test.describe(`a ${language} browser`, () => {
		test.use({ locale: tag });
		const text = strings(language);

		test(`sees the home and start pages in ${language} from the first paint, with no draft and with one`, async ({
			page
		}) => {
			await page.goto('/');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.get('home.title')!, {
				timeout: 15_000
			});
			await expect(page.locator('html')).toHaveAttribute('lang', language);
			await expect(page.getByText(text.get('home.empty')!)).toBeVisible();
			expect(await shownKeys(page)).toEqual([]);
			await expectNoEnglish(page, language);

			await page.getByRole('link', { name: text.get('home.new')! }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.get('start.title')!, {
				timeout: 15_000
			});
			// A regional template shows its agenda, with the wizard's step names.
			await page.locator('input[name="regional"]').nth(1).check();
			await expect(page.locator('#agenda-title')).toBeVisible();
			expect(await shownKeys(page)).toEqual([]);
			await expectNoEnglish(page, language);

			// Creating the draft opens the wizard, which has all its texts.
			await page.locator('#create-plan').click();
			await expect(page.locator('#overview-title')).toBeVisible({ timeout: 15_000 });
			expect(await shownKeys(page)).toEqual([]);
			await expectNoEnglish(page, language);

			// Back home, the draft is listed with its actions, named in the language.
			await page.goto('/');
			await expect(page.locator('table.drafts tbody tr')).toHaveCount(1, { timeout: 15_000 });
			expect(await shownKeys(page)).toEqual([]);
			await expectNoEnglish(page, language);
		});
	});
}

test('a language chosen on the home page is the one of the pages after it', async ({ page }) => {
	const text = strings('es');
	await page.goto('/');
	await page.locator('#language-select').selectOption('es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.get('home.title')!);
	await page.locator('#sample-plan').click();
	await expect(page.locator('nav.progress')).toContainText(text.get('wizard.steps.review.title')!, {
		timeout: 15_000
	});
	expect(await shownKeys(page)).toEqual([]);
	await expectNoEnglish(page, 'es');
});

test("before the app has run, the page shows its heading in the browser's language or the one chosen, never another", async ({
	browser
}) => {
	for (const [tag, language] of [
		['fr-FR', 'fr'],
		['es-MX', 'es'],
		['de-DE', 'en']
	] as const) {
		const context = await browser.newContext({ locale: tag });
		const page = await context.newPage();
		const text = strings(language);
		await page.route('**/_app/**/*.js', (route) => route.abort());
		for (const [path, title] of [
			['/', 'home.title'],
			['/new', 'start.title'],
			['/import', 'import.title']
		]) {
			await page.goto(path);
			await expect(page.locator('h1')).toHaveText(text.get(title)!);
			if (language !== 'en') await expectNoEnglish(page, language);
		}
		// With the app, its own page takes the heading's place.
		await page.unroute('**/_app/**/*.js');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.get('home.title')!, {
			timeout: 15_000
		});
		await expect(page.locator('h1')).toHaveCount(1);
		// A language chosen in the app is the one shown before it runs the next time.
		await page.locator('#language-select').selectOption('es');
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await page.route('**/_app/**/*.js', (route) => route.abort());
		await page.goto('/new');
		await expect(page.locator('h1')).toHaveText(strings('es').get('start.title')!);
		await expectNoEnglish(page, 'es');
		await context.close();
	}
});
