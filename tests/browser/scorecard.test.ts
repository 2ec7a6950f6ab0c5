// A reviewer opens the sample plan's review step: the scorecard shows each criterion's status in words,
// a criterion's link leads to the field that improves it, and the charts carry their data tables.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoEnglish, gotoStep, strings } from './helpers.ts';

async function openSampleReview(page: Page, language: 'en' | 'fr' | 'es') {
	await page.goto('/');
	await chooseLanguage(page, language);
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await gotoStep(page, 'review');
}

test('the scorecard shows every criterion, and a criterion leads to the field that improves it', async ({
	page
}) => {
	const en = strings('en');
	await openSampleReview(page, 'en');
	const criteria = page.locator('.scorecard li.criterion');
	await expect(criteria).toHaveCount(13);
	await expect(page.locator('.scorecard .totals')).toHaveText(
		'Met: 13 · Partly met: 0 · Not met: 0'
	);
	await expect(page.locator('#criterion-securitySector .status')).toHaveText(
		en.get('scorecard.status.met')!
	);
	await expect(page.locator('#criterion-scope')).toContainText(
		'Actions at home: 18. Actions abroad: 2. Not stated: 0.'
	);

	// The plan stops reporting to parliament, which took part in drafting: partly met.
	await gotoStep(page, 'coordination');
	await page.locator('#monitoring-reportsToParliament').uncheck();
	await gotoStep(page, 'review');
	const parliament = page.locator('#criterion-parliament');
	await expect(parliament.locator('.status')).toHaveText(en.get('scorecard.status.partly')!);
	await expect(parliament).toContainText(en.get('scorecard.reasons.parliament.involved')!);
	await expect(page.locator('.scorecard .totals')).toHaveText(
		'Met: 12 · Partly met: 1 · Not met: 0'
	);

	// Its link opens the coordination step on that very checkbox.
	await parliament
		.getByRole('link', { name: 'Improve it in “Coordination and monitoring”' })
		.click();
	await expect(page).toHaveURL(/\/plan\/coordination\?id=.*#monitoring-reportsToParliament$/);
	await expect(page.locator('#monitoring-reportsToParliament')).toBeFocused();
	await page.keyboard.press('Space');
	await gotoStep(page, 'review');
	await expect(parliament.locator('.status')).toHaveText(en.get('scorecard.status.met')!);
});

test('each chart is an image with a name and a data table', async ({ page }) => {
	await openSampleReview(page, 'en');
	const charts = page.locator('section.charts figure');
	await expect(charts).toHaveCount(4);
	for (const chart of await charts.all()) {
		await expect(chart.locator('[role="img"]')).toHaveAttribute(
			'aria-label',
			/data table that follows/
		);
		const table = chart.locator('details table');
		await expect(table).toBeHidden();
		await chart.locator('details summary').click();
		await expect(table).toBeVisible();
	}
	const pillars = page.locator('#chart-pillars-data tbody tr');
	await expect(pillars).toHaveCount(5);
	await expect(pillars.first()).toHaveText(/Participation\s*4\s*7\s*US\$1,400,000/);
	await expect(page.locator('#chart-sources-data tbody tr').first()).toHaveText(
		/National budget\s*US\$2,720,000\s*US\$2,720,000\s*30%/
	);
	await expect(page.locator('#chart-timeline-data tbody tr')).toHaveCount(20);
	await expect(page.locator('#chart-timeline-data tbody tr').nth(4)).toHaveText(
		/^2\.1\.1 .+2027\s*2028$/
	);
	// A bar per pillar and series, each as long as its share of the series' largest (the series
	// take the colours brand, ok, partly in turn).
	await expect(page.locator('#chart-pillars-title + ul.legend li')).toHaveCount(3);
	await expect(page.locator('#chart-pillars-title ~ .bars rect.tone-brand')).toHaveCount(5);
	const budgets = page.locator('#chart-pillars-title ~ .bars rect.tone-partly');
	await expect(budgets.nth(0)).toHaveAttribute('width', `${(1_400_000 / 2_760_000) * 100}%`);
	await expect(budgets.nth(1)).toHaveAttribute('width', '100%');

	// With every data table open, the step still passes axe.
	const { violations } = await new AxeBuilder({ page })
		.include('section.charts')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
	).toEqual([]);
});

for (const language of ['fr', 'es'] as const) {
	test(`the scorecard and the charts speak ${language} only`, async ({ page }) => {
		const texts = strings(language);
		await openSampleReview(page, language);
		await expect(page.locator('#criterion-context .status')).toHaveText(
			texts.get('scorecard.status.met')!
		);
		await expect(page.locator('#criterion-scope .status')).toHaveText(
			texts.get('scorecard.status.met')!
		);
		for (const summary of await page.locator('section.charts details summary').all())
			await summary.click();
		await expect(page.locator('#chart-institutions-data tbody tr')).toHaveCount(7);
		await expectNoEnglish(page, language);
	});
}
