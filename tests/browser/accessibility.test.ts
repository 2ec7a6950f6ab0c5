// WCAG 2.1 A and AA (axe) on every page and every wizard step, in the three languages, with a draft that has content.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { STEPS } from '../../src/lib/plan/completeness.ts';
import { sampleContributions } from './contributions.ts';
import { chooseLanguage, expectNoEnglish, gotoStep, strings } from './helpers.ts';

async function expectAccessible(page: Page, where: string) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const found = violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(' | ')}`
	);
	expect(found, where).toEqual([]);
}

for (const language of ['en', 'fr', 'es'] as const) {
	test(`every page and step passes axe in ${language}`, async ({ page }) => {
		test.setTimeout(240_000); // axe over eight steps, the library dialog and two pages: over a minute on a busy machine
		await page.goto('/');
		await chooseLanguage(page, language);
		const text = strings(language);
		await page.getByRole('button', { name: text.get('home.sample') }).click();
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);
		for (const step of STEPS) {
			await gotoStep(page, step);
			await expectAccessible(page, `${language} ${step}`);
		}
		await gotoStep(page, 'actions');
		await page
			.getByRole('button', { name: new RegExp(`^${text.get('library.openActions')}`) })
			.first()
			.click();
		const dialog = page.getByRole('dialog', { name: text.get('library.title.actions') });
		// The dialog says "Loading…" while the template library (its largest chunk) loads and is
		// checked: on a busy machine that took more than the 5 s an expectation waits by default.
		await expect(dialog.getByRole('status')).toHaveText(/\d/, { timeout: 15_000 });
		await expectAccessible(page, `${language} library dialog`);
		await page.keyboard.press('Escape');

		await page.goto('/');
		await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
		await expectAccessible(page, `${language} home`);
		await page.locator('#new-plan').click();
		await page.locator('input[name="regional"][value="santiago-2007"]').check();
		await expect(page.locator('.agenda')).toBeVisible();
		await expectAccessible(page, `${language} new plan`);
	});
}

for (const language of ['en', 'fr', 'es'] as const) {
	test(`the presentation (workshop mode) passes axe in ${language}`, async ({ page }) => {
		await page.goto('/');
		await chooseLanguage(page, language);
		await page.locator('#sample-plan').click();
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);
		await page.locator('#present-link').click();
		await expect(page.locator('#slide-title')).toBeFocused();
		await expectAccessible(page, `${language} presentation, title slide`);
		// A pillar slide, with the capture box open (a select of the pillar's objectives): the first
		// after the context and consultation slides, however many those flow on to.
		const pillar = strings(language).get('options.pillar.participation')!;
		for (
			let i = 0;
			i < 20 && (await page.getByRole('heading', { level: 1 }).textContent()) !== pillar;
			i++
		)
			await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(pillar);
		await page.keyboard.press('p');
		await expect(page.locator('#proposal-target')).toBeVisible();
		await expectAccessible(page, `${language} presentation, pillar slide and capture box`);
		// The context slide: paragraphs, a list, and a message when a proposal is refused.
		await page.keyboard.press('Escape');
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('p');
		await page.locator('#proposal-add').click();
		await expect(page.locator('#proposal-error')).not.toBeEmpty();
		await expectAccessible(page, `${language} presentation, context slide and an error`);
	});
}

test('on a 360 px wide screen no wizard step, nor review mode, scrolls sideways', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	await chooseLanguage(page, 'fr'); // the longer words of French are the harder case
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	for (const step of STEPS) {
		await gotoStep(page, step);
		const { scroll, width } = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			width: document.documentElement.clientWidth
		}));
		expect(scroll, `${step}: page width ${scroll} px in a ${width} px screen`).toBeLessThanOrEqual(
			width
		);
	}
	await page.locator('#review-link').click();
	await expect(page.locator('#review-title')).toBeFocused();
	const { scroll, width } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		width: document.documentElement.clientWidth
	}));
	expect(
		scroll,
		`review mode: page width ${scroll} px in a ${width} px screen`
	).toBeLessThanOrEqual(width);
});

for (const language of ['en', 'fr', 'es'] as const) {
	test(`the merge and versions pages pass axe in ${language}, and fit a 360 px screen`, async ({
		page
	}) => {
		await page.goto('/');
		await chooseLanguage(page, language);
		await page.locator('#sample-plan').click();
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);
		const id = new URL(page.url()).searchParams.get('id')!;

		// Two files with additions and a conflict; a version with differences from the draft.
		await page.goto(`/merge?id=${id}`);
		await page.locator('#merge-files').setInputFiles(sampleContributions(language));
		await expect(page.locator('li.proposal[data-type="conflict"]')).toHaveCount(1);
		await page.locator('li.proposal[data-type="add"] input[value="accept"]').first().check();
		await expectAccessible(page, `${language} merge`);
		if (language !== 'en') await expectNoEnglish(page, language);
		await page.locator('li.proposal[data-type="conflict"] input[value="master"]').check();
		await page.locator('#apply-merge').click();
		await expect(page.locator('#merged-title')).toBeFocused();
		await expectAccessible(page, `${language} merge applied`);

		await page.goto(`/versions?id=${id}`);
		await expect(page.locator('ol.differences > li')).toHaveCount(1);
		await expectAccessible(page, `${language} versions`);
		if (language !== 'en') await expectNoEnglish(page, language);

		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['versions', 'merge']) {
			await page.goto(`/${path}?id=${id}`);
			if (path === 'merge')
				await page.locator('#merge-files').setInputFiles(sampleContributions(language));
			await expect(page.locator('h1')).toBeVisible();
			const { scroll, width } = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				width: document.documentElement.clientWidth
			}));
			expect(
				scroll,
				`${path}: page width ${scroll} px in a ${width} px screen`
			).toBeLessThanOrEqual(width);
		}
	});
}

for (const language of ['en', 'fr', 'es'] as const) {
	test(`review mode passes axe in ${language}, with comments, a reply form and the name field open`, async ({
		page
	}) => {
		await page.goto('/');
		await chooseLanguage(page, language);
		await page.locator('#sample-plan').click();
		await page.locator('#review-link').click();
		await expect(page.locator('#review-title')).toBeFocused();
		await page.locator('#comment-on-section-overview').click();
		await page.locator('#name-section-overview').fill('Amina Diallo');
		await page.locator('#text-section-overview').fill('Comment');
		await page.locator('.comment-form button[type="submit"]').click();
		await expect(page.locator('article.comment')).toBeFocused();
		await page.locator('article.comment button[id$="-toggle"]').click(); // resolved: shown greyed with "all comments"
		await page.locator('input[name="show"][value="all"]').check();
		await page.locator('article.comment button[id$="-reply-button"]').click();
		await page.locator('#comment-on-section-context').click();
		await page.locator('#text-section-context').fill('Second');
		await page.locator('form:has(#text-section-context) button[type="submit"]').click();
		await page.locator('#comment-on-section-consultation').click();
		await page.locator('#reviewer-change').click();
		await expectAccessible(page, `${language} review`);
		if (language !== 'en') await expectNoEnglish(page, language);
	});
}
