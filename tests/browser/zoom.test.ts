// WCAG 2.1 1.4.4 and 1.4.10: at 200 % zoom the app reflows. A 1280 × 800 laptop screen at 200 % is a
// 640 × 400 CSS-pixel viewport at two device pixels per CSS pixel, which is what the browser lays out.
import { expect, test, type Page } from '@playwright/test';
import { STEPS } from '../../src/lib/plan/completeness.ts';
import { chooseLanguage, gotoStep } from './helpers.ts';

test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

/** Sideways scrolling of the page, and any text its box cuts off (overflow hidden or clipped). */
async function reflowProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth)
			problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
		for (const element of document.querySelectorAll<HTMLElement>('main *, header *, footer *')) {
			const style = getComputedStyle(element);
			if (style.display === 'none' || style.visibility === 'hidden' || !element.textContent?.trim())
				continue;
			const clips = ['hidden', 'clip'].includes(style.overflowX);
			// Visually hidden text (for screen readers) is meant to be clipped.
			if (clips && element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1)
				problems.push(
					`text cut off in <${element.tagName.toLowerCase()} id="${element.id}" class="${element.className}">: ${element.textContent.trim().slice(0, 40)}`
				);
		}
		return problems;
	});
}

test('at 200 % zoom every page and wizard step reflows: no sideways scrolling, no text cut off', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await chooseLanguage(page, 'fr'); // the longer words of French are the harder case
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	for (const step of STEPS) {
		await gotoStep(page, step);
		expect(await reflowProblems(page), step).toEqual([]);
	}
	// The step navigation stays reachable at the foot of a step.
	await gotoStep(page, 'context');
	await page.locator('a[rel="next"]').scrollIntoViewIfNeeded();
	await expect(page.locator('a[rel="next"]')).toBeInViewport();

	await page.goto('/');
	await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
	expect(await reflowProblems(page), 'home').toEqual([]);
	await page.goto('/new');
	await page.locator('input[name="regional"][value="addis-ababa-2008"]').check();
	await expect(page.locator('.agenda')).toBeVisible();
	expect(await reflowProblems(page), 'new plan').toEqual([]);
});
