// Workshop mode: the sample plan on a "projector", moved through by keyboard, with proposals from the
// room captured into the plan by keyboard, still there after a reload and in the wizard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoEnglish, strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const fill = (template: string, params: Record<string, string | number>) =>
	template.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/sample/en.nap.json'), 'utf8'));
/** Title, overview, context, consultation, one per pillar, coordination, budget. */
const SLIDES = 4 + sample.pillars.length + 2;

/** From the home page: the sample plan, then workshop mode from the wizard's step bar. */
async function presentSample(page: Page, language = 'en') {
	await page.goto('/');
	if (language !== 'en') await chooseLanguage(page, language);
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await page.locator('#present-link').click();
	await expect(page).toHaveURL(/\/present\?id=[^&]+&slide=1$/);
	await expect(page.locator('#slide-title')).toBeFocused();
}

/** The slide shown: its heading has focus and the counter says where it is. */
async function expectSlide(page: Page, number: number, heading: string) {
	await expect(page.locator('#slide-title')).toHaveText(heading);
	await expect(page.locator('#slide-title')).toBeFocused();
	await expect(page.locator('.slide-count')).toHaveText(fill(en.get('workshop.slideOf')!, { number, count: SLIDES }));
	await expect(page).toHaveURL(new RegExp(`&slide=${number}$`));
}

test('move through the sample plan by keyboard, capture proposals by keyboard, and find them after a reload and in the wizard', async ({ page }) => {
	test.setTimeout(50_000);
	await presentSample(page);
	await expect(page.locator('.slide-count')).toHaveAttribute('aria-live', 'polite');
	await expectSlide(page, 1, sample.overview.title);
	await expect(page.locator('.slide .facts')).toContainText('Republic of Lumeria');
	await expect(page.locator('.slide .facts')).toContainText('2027–2031');

	await page.keyboard.press('ArrowRight');
	await expectSlide(page, 2, en.get('workshop.heading.overview')!);
	await expect(page.locator('.slide')).toContainText(sample.overview.vision);
	await expect(page.locator('.slide-guidance')).toContainText(en.get('wizard.why')!);
	await page.keyboard.press('Space');
	await expectSlide(page, 3, en.get('workshop.heading.context')!);
	await page.keyboard.press('ArrowLeft');
	await expectSlide(page, 2, en.get('workshop.heading.overview')!);
	await page.keyboard.press('End');
	await expectSlide(page, SLIDES, en.get('workshop.heading.budget')!);
	await expect(page.locator('#slide-next')).toBeDisabled();
	await page.keyboard.press('Home');
	await expectSlide(page, 1, sample.overview.title);
	await expect(page.locator('#slide-previous')).toBeDisabled();

	// The Protection pillar (slide 6): a new objective, then an action under its first objective.
	for (const n of [2, 3, 4, 5, 6]) {
		await page.keyboard.press('PageDown');
		await expect(page.locator('.slide-count')).toHaveText(fill(en.get('workshop.slideOf')!, { number: n, count: SLIDES }));
	}
	await expectSlide(page, 6, 'Protection');
	await page.keyboard.press('p');
	const text = page.locator('#proposal-text');
	await expect(text).toBeFocused();
	await expect(text).toHaveValue(''); // the P that opened the box is not typed into it
	await page.keyboard.type('Protect women human rights defenders and peacebuilders from reprisals');
	await page.keyboard.press('ArrowLeft'); // typing: the slide stays
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(fill(en.get('workshop.added.objective')!, { ref: '2.3', pillar: 'Protection' }));
	await expect(page.locator('.slide h2')).toContainText(['2.3 Protect women human rights defenders and peacebuilders from reprisals']);
	await expect(text).toHaveValue('');
	await expect(text).toBeFocused();
	await expect(page.locator('.slide-count')).toHaveText(fill(en.get('workshop.slideOf')!, { number: 6, count: SLIDES }));

	await page.keyboard.press('Tab');
	await expect(page.locator('#proposal-target')).toBeFocused();
	await page.keyboard.press('ArrowDown'); // the first objective, 2.1
	await expect(page.locator('#proposal-target')).toHaveValue(/^action:/);
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.type('Train judges and prosecutors in the specialised chambers');
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(fill(en.get('workshop.added.action')!, { ref: '2.1.3' }));
	await expect(page.locator('.slide li')).toContainText(['2.1.3 Train judges and prosecutors in the specialised chambers']);
	await page.keyboard.press('Escape');
	await expect(text).toBeHidden();
	await expect(page.locator('#slide-title')).toBeFocused();

	// The context slide: the proposal becomes the last paragraph of the situation analysis.
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expectSlide(page, 3, en.get('workshop.heading.context')!);
	await page.keyboard.press('P');
	await expect(page.locator('.capture')).toContainText(fill(en.get('workshop.captureBox.appendTo')!, { field: en.get('fields.context.situationAnalysis')! }));
	await page.keyboard.type('Displaced women in the north-east lack identity documents.');
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(fill(en.get('workshop.added.text')!, { field: en.get('fields.context.situationAnalysis')! }));
	await expect(page.locator('.slide section').first().locator('p').last()).toHaveText('Displaced women in the north-east lack identity documents.');
	await waitForSaved(page);

	// A reload stays on the slide and still shows the proposals.
	await page.reload();
	await expectSlide(page, 3, en.get('workshop.heading.context')!);
	await expect(page.locator('.slide')).toContainText('Displaced women in the north-east lack identity documents.');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await expectSlide(page, 6, 'Protection');
	await expect(page.locator('.slide')).toContainText('2.3 Protect women human rights defenders and peacebuilders from reprisals');
	await expect(page.locator('.slide')).toContainText('2.1.3 Train judges and prosecutors in the specialised chambers');

	// Escape: back to the wizard, at the step where this slide's content is edited.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/plan\/pillars\?id=/);
	const titles = page.locator('textarea[id^="objective-"][id$="-title"]');
	await expect(titles.nth(4)).toHaveValue('Protect women human rights defenders and peacebuilders from reprisals');
	await page.locator('nav.progress a[href*="/plan/actions?"]').click();
	// Participation's four actions, then 2.1.1, 2.1.2 and the new 2.1.3.
	await expect(page.locator('textarea[id^="action-"][id$="-description"]').nth(6)).toHaveValue('Train judges and prosecutors in the specialised chambers');
	await page.locator('nav.progress a[href*="/plan/context?"]').click();
	await expect(page.locator('#context-situationAnalysis')).toHaveValue(/\n\nDisplaced women in the north-east lack identity documents\.$/);
});

test('from the drafts list, the buttons do what the keys do, and an empty proposal is refused with a message', async ({ page }) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await page.goto('/');
	await page.getByRole('link', { name: `${en.get('workshop.present')}: ${sample.overview.title}` }).click();
	await expectSlide(page, 1, sample.overview.title);
	await page.locator('#slide-next').click();
	await expectSlide(page, 2, en.get('workshop.heading.overview')!);
	await page.locator('#slide-last').click();
	await expectSlide(page, SLIDES, en.get('workshop.heading.budget')!);
	await page.locator('#slide-previous').click();
	await expectSlide(page, SLIDES - 1, en.get('workshop.heading.coordination')!);
	await page.locator('#slide-first').click();
	await expectSlide(page, 1, sample.overview.title);
	await page.locator('#capture-open').click();
	await expect(page.locator('#capture-open')).toHaveAttribute('aria-expanded', 'true');
	await page.locator('#proposal-add').click();
	await expect(page.locator('#proposal-error')).toHaveText(en.get('workshop.errors.empty')!);
	await expect(page.locator('#proposal-text')).toHaveAttribute('aria-invalid', 'true');
	await page.locator('#back-to-wizard').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
});

test('in French, no slide and no capture box shows English', async ({ page }) => {
	test.setTimeout(50_000);
	await presentSample(page, 'fr');
	const fr = strings('fr');
	for (let n = 1; n <= SLIDES; n++) {
		await expect(page.locator('.slide-count')).toHaveText(fill(fr.get('workshop.slideOf')!, { number: n, count: SLIDES }));
		if (n === 3 || n === 5) await page.keyboard.press('p');
		await expectNoEnglish(page, 'fr');
		if (n === 3 || n === 5) await page.keyboard.press('Escape');
		await page.keyboard.press('ArrowRight');
	}
});

test('on a 360 px screen and at 200 % zoom no slide scrolls sideways', async ({ page }) => {
	test.setTimeout(50_000);
	await page.setViewportSize({ width: 360, height: 740 });
	await presentSample(page, 'fr');
	// 640 px is a 1280 px screen at 200 % zoom. Each slide is measured with the capture box open.
	for (const width of [360, 640]) {
		await page.setViewportSize({ width, height: 740 });
		await page.keyboard.press('Home');
		for (let n = 1; n <= SLIDES; n++) {
			await page.keyboard.press('p');
			await expect(page.locator('#proposal-text')).toBeFocused();
			const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
			expect(scroll, `${width} px, slide ${n}: page width ${scroll} px`).toBeLessThanOrEqual(client);
			await page.keyboard.press('Escape');
			await page.keyboard.press('ArrowRight');
		}
	}
});
