// A big plan (here 150 actions; the bench measures 1,000 and 3,000): the actions step shows one
// objective at a time, reached by keyboard, and a review link still reaches a field that is not on
// screen yet. Typed text is saved and found again after a reload.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { generatedPlan } from '../../scripts/generated-plan.ts';
import { gotoStep, strings, waitForSaved } from './helpers.ts';

const en = strings('en');

async function openBigPlan(page: Page, actions = 150) {
	const plan = generatedPlan(actions);
	const last = plan.pillars.flatMap((p) => p.objectives).at(-1)!;
	// One gap on the last objective's last action: its description is empty.
	last.actions.at(-1)!.description = '';
	await page.goto('/');
	await page.locator('#open-file').setInputFiles({
		name: 'big.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(plan))
	});
	await page.locator('table.drafts tbody tr').first().locator('[id^="open-"]').click();
	await page.waitForURL(/\/plan\/overview\?id=/);
	return plan;
}

test('a big plan shows one objective at a time; the previous and next buttons and the list of objectives move between them', async ({
	page
}) => {
	const plan = await openBigPlan(page);
	const objectives = plan.pillars.flatMap((p) => p.objectives);
	await gotoStep(page, 'actions');
	const pager = page.getByRole('navigation', { name: en.get('fields.actions.pager.label') });
	await expect(pager).toBeVisible();
	await expect(pager).toContainText('150');
	await expect(page.locator('section.objective')).toHaveCount(1);
	await expect(page.locator('section.objective h3')).toContainText(
		`1.1 ${objectives[0].title.slice(0, 30)}`
	);

	// Next, by keyboard: the button keeps the focus, the next objective of the pillar is shown.
	const next = pager.getByRole('button', { name: en.get('fields.actions.pager.next') });
	await next.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('section.objective h3')).toContainText('1.2 ');
	await expect(next).toBeFocused();
	await expect(pager.getByRole('status')).toHaveText(`Objective 2 of ${objectives.length}`);
	await pager.getByRole('button', { name: en.get('fields.actions.pager.previous') }).click();
	await expect(page.locator('section.objective h3')).toContainText('1.1 ');

	// Any objective, from the list.
	const shown = pager.getByLabel(en.get('fields.actions.pager.shown')!);
	await shown.selectOption(plan.pillars[2].objectives[1].id);
	await expect(page.locator('section.pillar h2')).toContainText('3. ');
	await expect(page.locator('section.objective h3')).toContainText('3.2 ');
	await expect(page.locator('section.objective textarea[id$="-description"]')).toHaveCount(
		plan.pillars[2].objectives[1].actions.length
	);

	// WCAG 2.1 A and AA, as on every other step.
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map(
			(v) =>
				`${v.id}: ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`
		)
	).toEqual([]);
});

test('in a big plan, a review link reaches a field whose objective is not on screen, and what is typed there is kept', async ({
	page
}) => {
	await openBigPlan(page);
	await gotoStep(page, 'review');
	const link = page.locator('ul.gaps a', { hasText: /^Action [\d.]+ has no description\.$/ });
	await expect(link).toHaveCount(1);
	await link.click();
	await expect(page).toHaveURL(/\/plan\/actions\?id=.*#action-.+-description$/);
	const field = page.locator(':focus');
	await expect(field).toHaveAttribute('id', /^action-.+-description$/);
	await expect(field).toHaveValue('');
	const id = (await field.getAttribute('id'))!;
	await page.keyboard.type('Train 40 women mediators');
	await waitForSaved(page);
	await page.reload();
	await expect(page.locator('section.objective')).toHaveCount(1);
	// The objective shown after a reload is the first one: the list brings the typed action back.
	await page
		.getByLabel(en.get('fields.actions.pager.shown')!)
		.selectOption({ index: (await page.locator('#objective-shown option').count()) - 1 });
	await expect(page.locator(`#${id}`)).toHaveValue('Train 40 women mediators');
	// The gap is gone from the review.
	await gotoStep(page, 'review');
	await expect(
		page.locator('ul.gaps a', { hasText: /^Action [\d.]+ has no description\.$/ })
	).toHaveCount(0);
});

test('adding the action that makes a plan big keeps its objective on screen and the cursor in the new action', async ({
	page
}) => {
	const plan = await openBigPlan(page, 120);
	const objective = plan.pillars[3].objectives.at(-1)!;
	await gotoStep(page, 'actions');
	await expect(
		page.getByRole('navigation', { name: en.get('fields.actions.pager.label') })
	).toHaveCount(0);
	await page.locator(`#objective-${objective.id}-addAction`).click();
	await expect(
		page.getByRole('navigation', { name: en.get('fields.actions.pager.label') })
	).toBeVisible();
	await expect(page.locator('section.objective')).toHaveCount(1);
	await expect(page.locator('section.objective h3')).toHaveId(`${objective.id}-heading`);
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('id', /^action-.+-description$/);
	await expect(focused).toHaveValue('');
	await expect(page.locator('section.objective textarea[id$="-description"]')).toHaveCount(
		objective.actions.length + 1
	);
});
