// The monitoring area: a ministry fills its part of a reporting period with no network, the entries
// survive a reload served by the service worker, and the dashboard counts them. Then the page passes axe
// in French with no English on it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoEnglish, strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const fr = strings('fr');
const s = (key: string) => en.get(key)!;

/** Waits until the service worker has installed every file and controls the page. */
async function controlled(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field's accessible name: its label, then the item it belongs to ("Status in the period – Action 1.1.1: …"). */
const named = (label: string, item: string) => new RegExp(`^${escape(label)} – ${escape(item)}`);

/** The figure beside a name in the dashboard's summary ("Completed: 3"). */
async function summary(page: Page, name: string): Promise<number> {
	const dashboard = page.getByRole('region', { name: s('progress.dashboard.title') });
	const item = dashboard.getByRole('listitem').filter({ hasText: new RegExp(`^${name}: \\d+$`) });
	return Number(await item.getByRole('strong').textContent());
}

test('an institution fills a period offline, finds its entries after a reload, and sees the dashboard count them', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await page.getByRole('button', { name: s('home.sample') }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	await controlled(page);

	await page.getByRole('link', { name: s('progress.link'), exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: s('progress.title') })).toBeVisible({
		timeout: 15_000
	});
	// A period the sample's illustrative data does not cover, and one ministry's actions only.
	await page.getByRole('combobox', { name: s('progress.period.label') }).selectOption('2030');
	await page
		.getByRole('combobox', { name: s('progress.institution.label') })
		.selectOption({ label: 'Ministry of Defence' });
	await expect(page.getByText('3 actions of Ministry of Defence shown.')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Action 1\.1\.1:/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Action 1\.1\.2:/ })).toHaveCount(0); // the police's

	const completed = await summary(page, s('options.progressStatus.completed'));
	const atRisk = await summary(page, s('options.rating.at-risk'));
	const action = 'Action 1.1.1: Adopt and implement a strategy';
	const indicator = 'Indicator 1.1.1.1: Percentage of women among armed forces personnel';
	const status = page.getByRole('combobox', {
		name: named(s('fields.actionProgress.status'), action)
	});
	await expect(status).toHaveValue('');

	await context.setOffline(true);
	await status.selectOption({ label: s('options.progressStatus.completed') });
	await page
		.getByRole('textbox', { name: named(s('fields.actionProgress.narrative'), action) })
		.fill('Strategy adopted by the Council of Ministers; recruitment campaign in four provinces.');
	await page
		.getByRole('textbox', { name: named(s('fields.actionProgress.spent'), action) })
		.fill('12,500');
	const value = page.getByRole('textbox', {
		name: named(s('fields.indicatorProgress.value'), indicator)
	});
	await value.fill('9');
	// 9 % from a baseline of 6 % towards 12 %: half-way, with 5 of the 6 years to 2031 gone by 2030.
	await expect(
		page.getByText(`${s('options.rating.at-risk')}.`, { exact: true }).first()
	).toBeVisible();
	await waitForSaved(page);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: s('progress.title') })).toBeVisible({
		timeout: 15_000
	});
	// The address kept the period and the institution; the entries are there.
	await expect(page.getByRole('combobox', { name: s('progress.period.label') })).toHaveValue(
		'2030'
	);
	await expect(status).toHaveValue('completed');
	await expect(
		page.getByRole('textbox', { name: named(s('fields.actionProgress.narrative'), action) })
	).toHaveValue(/^Strategy adopted by the Council of Ministers/);
	const spent = page.getByRole('textbox', {
		name: named(s('fields.actionProgress.spent'), action)
	});
	await expect(spent).toHaveValue('12500'); // as the field writes an amount to edit
	await expect(spent).toHaveAccessibleDescription(/US\$12,500/); // and reads it beside
	await expect(value).toHaveValue('9');
	await expect(page.getByText(/Reported by Ministry of Defence/).first()).toBeVisible();

	// The dashboard counts them: one more action completed, one more indicator at risk, money spent.
	expect(await summary(page, s('options.progressStatus.completed'))).toBe(completed + 1);
	expect(await summary(page, s('options.rating.at-risk'))).toBe(atRisk + 1);
	const dashboard = page.getByRole('region', { name: s('progress.dashboard.title') });
	await expect(dashboard.getByText(/^US\$12,500 spent of US\$/).first()).toBeVisible();
	const byInstitution = dashboard.getByRole('table', {
		name: s('progress.dashboard.actionsByInstitution')
	});
	await dashboard
		.getByText(
			s('scorecard.charts.dataTable').replace(
				'{{title}}',
				s('progress.dashboard.actionsByInstitution')
			)
		)
		.click();
	const defence = byInstitution.getByRole('row', { name: /^Ministry of Defence/ });
	await expect(defence.getByRole('cell').first()).toHaveText(String(1)); // the Completed column

	// In French, offline still: every control named, nothing in English.
	await chooseLanguage(page, 'fr');
	await expect(
		page.getByRole('heading', { level: 1, name: fr.get('progress.title')! })
	).toBeVisible();
	await page.getByText(fr.get('progress.rule.title')!).click();
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
	await expectNoEnglish(page, 'fr');
});
