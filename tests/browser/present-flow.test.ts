// Workshop mode on a projector (issue 13), by role and accessible name only: a long objective with many
// actions flows on to continued slides, whole, never cut inside a word; the arrow keys reach them; the
// slide's title takes focus on every move for screen readers without a focus ring, which only a key
// that moves focus (Tab) shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { strings } from './helpers.ts';

type Language = 'en' | 'fr' | 'es';

/** A text of the interface, its placeholders filled. */
function text(language: Language, key: string, params: Record<string, string> = {}): string {
	const template = strings(language).get(key);
	if (template === undefined) throw new Error(`No text ${key}`);
	return template.replace(/{{(\w+)}}/g, (_, name) => params[name] ?? `{{${name}}}`);
}

const sample = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../templates/sample/en.nap.json'), 'utf8')
);
const title: string = sample.overview.title;
// Words that a cut would show ("Mass Acti…"): long ones, each action its own.
const objectiveTitle =
	'Women take part, as negotiators, mediators, signatories and technical experts, in every formal and informal peace process, ' +
	'in the implementation of the Valmora Peace Agreement and its monitoring commissions, in the security sector reform ' +
	'and in the transitional justice mechanisms, at national, provincial and local level, with at least forty per cent of every delegation';
const actionTexts = Array.from(
	{ length: 12 },
	(_, i) =>
		`Mass Action campaign ${i + 1}: organise consultations with women's organisations, survivors and community peacebuilders in the ` +
		`north-eastern provinces, record their proposals for the monitoring commissions, and publish an accessible summary in every national language`
);

/** The sample plan with Participation's first objective long and twelve long actions under it. */
function longPlanFile() {
	const plan = structuredClone(sample);
	const objective = plan.pillars[0].objectives[0];
	const model = objective.actions[0];
	objective.title = objectiveTitle;
	objective.actions = actionTexts.map((description, i) => ({
		...structuredClone(model),
		id: `long-action-${i}`,
		description,
		indicators: []
	}));
	return {
		name: 'long-objective.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(plan))
	};
}

async function openAndPresent(page: Page) {
	await page.goto('/');
	await expect(page.getByText(text('en', 'home.empty'))).toBeVisible();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: text('en', 'home.open'), exact: true }).click();
	await (await chooser).setFiles(longPlanFile());
	await expect(page.getByText(text('en', 'home.imported', { title }))).toBeVisible();
	await page
		.getByRole('link', {
			name: `${text('en', 'workshop.present')}${text('en', 'common.colon')}${title}`
		})
		.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

const slideTitle = (page: Page) => page.getByRole('heading', { level: 1 });
const outline = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).outlineStyle);

test('a long objective with many actions flows on to continued slides, every word whole, reached with the arrow keys; the title takes focus without a ring', async ({
	page
}) => {
	test.setTimeout(60_000);
	await openAndPresent(page);
	const pillar = text('en', 'options.pillar.participation');
	const continued = text('en', 'workshop.continued', { heading: pillar });

	// To the pillar with the arrow key: focus follows each slide's title, and no ring frames it.
	for (let n = 0; n < 30 && (await slideTitle(page).textContent()) !== pillar; n++) {
		await page.keyboard.press('ArrowRight');
		await expect(slideTitle(page)).toBeFocused();
		expect(await outline(slideTitle(page))).toBe('none');
	}
	await expect(slideTitle(page)).toHaveText(pillar);
	const slide = page.getByRole('article', { name: pillar });
	await expect(
		slide.getByRole('heading', { level: 2, name: `1.1 ${objectiveTitle}`, exact: true })
	).toBeVisible();

	// The entries of the objective, slide after slide, until the next objective starts.
	const shown: string[] = [];
	let slides = 0;
	for (;;) {
		slides++;
		const article = page.getByRole('article');
		const section = article.getByRole('region', {
			name: new RegExp(`^1\\.1 |^${text('en', 'workshop.objectiveRef', { ref: '1\\.1' })} `)
		});
		if ((await section.count()) === 0) break;
		shown.push(...(await section.getByRole('listitem').allTextContents()).map((s) => s.trim()));
		if ((await article.getByRole('region', { name: /^1\.2 / }).count()) > 0) break;
		await page.keyboard.press('ArrowRight');
		await expect(slideTitle(page)).toHaveText(continued);
		await expect(slideTitle(page)).toBeFocused();
		expect(await outline(slideTitle(page))).toBe('none');
		await expect(
			page.getByRole('article', { name: continued }).getByRole('heading', {
				level: 2,
				name: text('en', 'workshop.continued', {
					heading: text('en', 'workshop.objectiveRef', { ref: '1.1' })
				})
			})
		).toBeVisible();
	}
	expect(slides, 'slides the objective takes').toBeGreaterThan(2);
	// The slides' text is the whole text, split between words: joined by spaces it reads as the plan's.
	expect(shown.join(' ')).toBe(actionTexts.map((a, i) => `1.1.${i + 1} ${a}`).join(' '));
	for (const entry of shown) expect(entry).not.toMatch(/…$/);

	// Back with the other arrow, to where the pillar starts.
	for (let n = 1; n < slides; n++) await page.keyboard.press('ArrowLeft');
	await expect(slideTitle(page)).toHaveText(pillar);
	await expect(slideTitle(page)).toBeFocused();

	// Tab moves focus with the keyboard: the control it reaches shows its ring.
	await page.keyboard.press('Tab');
	expect(
		await page.evaluate(() =>
			document.activeElement === document.body
				? 'none'
				: getComputedStyle(document.activeElement!).outlineStyle
		)
	).not.toBe('none');

	// A click on "Next slide" moves focus to the new title for screen readers, and shows no ring.
	await page.getByRole('button', { name: text('en', 'workshop.next') }).click();
	await expect(slideTitle(page)).toHaveText(continued);
	await expect(slideTitle(page)).toBeFocused();
	expect(await outline(slideTitle(page))).toBe('none');
});
