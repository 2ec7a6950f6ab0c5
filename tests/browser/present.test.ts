// Workshop mode: the sample plan on a "projector", moved through by keyboard, with proposals from the
// room captured into the plan by keyboard, still there after a reload and in the wizard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoEnglish, strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const fill = (template: string, params: Record<string, string | number>) =>
	template.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
const sample = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../templates/sample/en.nap.json'), 'utf8')
);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A heading, or the same heading on a slide it continues on to. */
const headingOf = (heading: string) =>
	new RegExp(`^(${escape(heading)}|${escape(fill(en.get('workshop.continued')!, { heading }))})$`);

/** The slide shown and how many there are, as the counter says: the sample's texts flow over more slides than it has steps and pillars. */
async function counter(page: Page, language = 'en'): Promise<{ number: number; count: number }> {
	const template = strings(language).get('workshop.slideOf')!;
	const pattern = new RegExp(
		`^${escape(template).replace('\\{\\{number\\}\\}', '(\\d+)').replace('\\{\\{count\\}\\}', '(\\d+)')}$`
	);
	const match = pattern.exec((await page.locator('.slide-count').textContent()) ?? '');
	if (!match) throw new Error('no slide counter');
	const count = Number(match[2]);
	expect(count, 'slides').toBeGreaterThanOrEqual(4 + sample.pillars.length + 2);
	return { number: Number(match[1]), count };
}
const slideCount = async (page: Page, language = 'en') => (await counter(page, language)).count;

/** Moves on with the arrow key until the slide shows `text`; its number. */
async function findSlide(
	page: Page,
	text: string | RegExp,
	where: 'title' | 'slide' = 'slide'
): Promise<number> {
	const count = await slideCount(page);
	for (let n = 0; n < count; n++) {
		const shown =
			(await page.locator(where === 'title' ? '#slide-title' : '.slide-main').textContent()) ?? '';
		if (typeof text === 'string' ? shown.includes(text) : text.test(shown))
			return (await counter(page)).number;
		await page.keyboard.press('ArrowRight');
	}
	throw new Error(`no slide shows ${text}`);
}

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
async function expectSlide(page: Page, number: number, heading: string | RegExp) {
	await expect(page.locator('#slide-title')).toHaveText(heading);
	await expect(page.locator('#slide-title')).toBeFocused();
	await expect(page.locator('.slide-count')).toHaveText(
		fill(en.get('workshop.slideOf')!, { number, count: await slideCount(page) })
	);
	await expect(page).toHaveURL(new RegExp(`&slide=${number}$`));
}

test('move through the sample plan by keyboard, capture proposals by keyboard, and find them after a reload and in the wizard', async ({
	page
}) => {
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
	await expect(page.locator('.slide-count')).toHaveText(
		fill(en.get('workshop.slideOf')!, { number: 3, count: await slideCount(page) })
	);
	await page.keyboard.press('ArrowLeft');
	await expectSlide(page, 2, en.get('workshop.heading.overview')!);
	await page.keyboard.press('End');
	await expectSlide(page, await slideCount(page), headingOf(en.get('workshop.heading.budget')!));
	await expect(page.locator('#slide-next')).toBeDisabled();
	await page.keyboard.press('Home');
	await expectSlide(page, 1, sample.overview.title);
	await expect(page.locator('#slide-previous')).toBeDisabled();

	// The Protection pillar: a new objective, then an action under its first objective.
	for (let n = 2; (await page.locator('#slide-title').textContent()) !== 'Protection'; n++) {
		await page.keyboard.press('PageDown');
		await expect(page.locator('.slide-count')).toHaveText(
			fill(en.get('workshop.slideOf')!, { number: n, count: await slideCount(page) })
		);
	}
	const { number: protection } = await counter(page);
	await expectSlide(page, protection, 'Protection');
	await page.keyboard.press('p');
	const text = page.locator('#proposal-text');
	await expect(text).toBeFocused();
	await expect(text).toHaveValue(''); // the P that opened the box is not typed into it
	await page.keyboard.type('Protect women human rights defenders and peacebuilders from reprisals');
	await page.keyboard.press('ArrowLeft'); // typing: the slide stays
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(
		fill(en.get('workshop.added.objective')!, { ref: '2.3', pillar: 'Protection' })
	);
	// Shown on the slide it lands on: the pillar's last.
	await expect(page.locator('.slide h2')).toContainText([
		'2.3 Protect women human rights defenders and peacebuilders from reprisals'
	]);
	await expect(page.locator('#slide-title')).toHaveText(headingOf('Protection'));
	await expect(text).toHaveValue('');
	await expect(text).toBeFocused();

	await page.keyboard.press('Tab');
	await expect(page.locator('#proposal-target')).toBeFocused();
	await page.keyboard.press('ArrowDown'); // the first objective, 2.1
	await expect(page.locator('#proposal-target')).toHaveValue(/^action:/);
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.type('Train judges and prosecutors in the specialised chambers');
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(
		fill(en.get('workshop.added.action')!, { ref: '2.1.3' })
	);
	await expect(page.locator('.slide li')).toContainText([
		'2.1.3 Train judges and prosecutors in the specialised chambers'
	]);
	await page.keyboard.press('Escape');
	await expect(text).toBeHidden();
	await expect(page.locator('#slide-title')).toBeFocused();

	// The context slide: the proposal becomes the last paragraph of the situation analysis.
	await page.keyboard.press('Home');
	const context = await findSlide(page, en.get('workshop.heading.context')!, 'title');
	await expectSlide(page, context, en.get('workshop.heading.context')!);
	await page.keyboard.press('P');
	await expect(page.locator('.capture')).toContainText(
		fill(en.get('workshop.captureBox.appendTo')!, {
			field: en.get('fields.context.situationAnalysis')!
		})
	);
	await page.keyboard.type('Displaced women in the north-east lack identity documents.');
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('#capture-status')).toHaveText(
		fill(en.get('workshop.added.text')!, { field: en.get('fields.context.situationAnalysis')! })
	);
	// Shown on the slide where the situation analysis ends, perhaps one it continues on to.
	await expect(page.locator('.slide section').first().locator('p').last()).toHaveText(
		'Displaced women in the north-east lack identity documents.'
	);
	await expect(page.locator('#slide-title')).toHaveText(
		headingOf(en.get('workshop.heading.context')!)
	);
	await waitForSaved(page);
	const { number: shown } = await counter(page);
	const heading = (await page.locator('#slide-title').textContent()) ?? '';

	// A reload stays on the slide and still shows the proposals.
	await page.reload();
	await expectSlide(page, shown, heading);
	await expect(page.locator('.slide')).toContainText(
		'Displaced women in the north-east lack identity documents.'
	);
	expect(
		await findSlide(page, '2.1.3 Train judges and prosecutors in the specialised chambers')
	).toBeGreaterThanOrEqual(protection);
	await expect(page.locator('#slide-title')).toHaveText(headingOf('Protection'));
	await findSlide(
		page,
		'2.3 Protect women human rights defenders and peacebuilders from reprisals'
	);
	await expect(page.locator('#slide-title')).toHaveText(headingOf('Protection'));

	// Escape: back to the wizard, at the step where this slide's content is edited.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/plan\/pillars\?id=/);
	const titles = page.locator('textarea[id^="objective-"][id$="-title"]');
	await expect(titles.nth(4)).toHaveValue(
		'Protect women human rights defenders and peacebuilders from reprisals'
	);
	await page.locator('nav.progress a[href*="/plan/actions?"]').click();
	// Participation's four actions, then 2.1.1, 2.1.2 and the new 2.1.3.
	await expect(page.locator('textarea[id^="action-"][id$="-description"]').nth(6)).toHaveValue(
		'Train judges and prosecutors in the specialised chambers'
	);
	await page.locator('nav.progress a[href*="/plan/context?"]').click();
	await expect(page.locator('#context-situationAnalysis')).toHaveValue(
		/\n\nDisplaced women in the north-east lack identity documents\.$/
	);
});

test('from the drafts list, the buttons do what the keys do, and an empty proposal is refused with a message', async ({
	page
}) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await page.goto('/');
	await page
		.getByRole('link', { name: `${en.get('workshop.present')}: ${sample.overview.title}` })
		.click();
	await expectSlide(page, 1, sample.overview.title);
	await page.locator('#slide-next').click();
	await expectSlide(page, 2, en.get('workshop.heading.overview')!);
	const count = await slideCount(page);
	await page.locator('#slide-last').click();
	await expectSlide(page, count, headingOf(en.get('workshop.heading.budget')!));
	await page.locator('#slide-previous').click();
	await expectSlide(page, count - 1, /./);
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
	test.setTimeout(90_000);
	await presentSample(page, 'fr');
	const fr = strings('fr');
	const count = await slideCount(page, 'fr');
	for (let n = 1; n <= count; n++) {
		await expect(page.locator('.slide-count')).toHaveText(
			fill(fr.get('workshop.slideOf')!, { number: n, count })
		);
		if (n === 3 || n === 5) await page.keyboard.press('p');
		await expectNoEnglish(page, 'fr');
		if (n === 3 || n === 5) await page.keyboard.press('Escape');
		await page.keyboard.press('ArrowRight');
	}
});

test('on a 360 px screen and at 200 % zoom no slide scrolls sideways', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 360, height: 740 });
	await presentSample(page, 'fr');
	const SLIDES = await slideCount(page, 'fr');
	// 640 px is a 1280 px screen at 200 % zoom. Each slide is measured with the capture box open.
	for (const width of [360, 640]) {
		await page.setViewportSize({ width, height: 740 });
		await page.keyboard.press('Home');
		for (let n = 1; n <= SLIDES; n++) {
			await page.keyboard.press('p');
			await expect(page.locator('#proposal-text')).toBeFocused();
			const { scroll, client } = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			expect(scroll, `${width} px, slide ${n}: page width ${scroll} px`).toBeLessThanOrEqual(
				client
			);
			await page.keyboard.press('Escape');
			await page.keyboard.press('ArrowRight');
		}
	}
});
