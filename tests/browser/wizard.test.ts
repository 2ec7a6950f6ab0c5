// A drafter creates a plan, fills every step of the wizard, reloads, and finds every value again;
// in French and Spanish the whole walk shows no English interface text.
import { expect, test, type Page } from '@playwright/test';
import {
	chooseLanguage,
	expectNoEnglish,
	focusedId,
	gotoStep,
	itemIdOf,
	newBlankPlan,
	waitForSaved
} from './helpers.ts';

type Fill = { id: string; value: string; kind?: 'text' | 'select' | 'check' };

/** Clicks an "add" button and returns the new item's id, taken from the field that received focus. */
async function add(page: Page, buttonId: string): Promise<string> {
	await page.locator(`#${buttonId}`).click();
	return itemIdOf(await focusedId(page));
}

async function fill(page: Page, fields: Fill[]) {
	for (const { id, value, kind = 'text' } of fields) {
		const field = page.locator(`[id="${id}"]`);
		if (kind === 'select') await field.selectOption(value);
		else if (kind === 'check') await field.check();
		else await field.fill(value);
	}
}

async function expectFilled(page: Page, fields: Fill[]) {
	for (const { id, value, kind = 'text' } of fields) {
		const field = page.locator(`[id="${id}"]`);
		if (kind === 'check') await expect(field, id).toBeChecked();
		else await expect(field, id).toHaveValue(value);
	}
}

for (const language of ['en', 'fr', 'es'] as const) {
	test(`fill every step in ${language}, reload, and find every value`, async ({ page }) => {
		const english = language !== 'en';
		await page.goto('/');
		await chooseLanguage(page, language);
		if (english) await expectNoEnglish(page, language);
		await newBlankPlan(page);
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);

		const steps: Record<string, Fill[]> = {};
		const tag = `${language.toUpperCase()} <b>&amp;</b> “quotes” é 🕊️`;

		// Getting started, with two institutions
		const defence = await add(page, 'institutions-add');
		await fill(page, [
			{ id: `institution-${defence}-name`, value: `Ministry of Defence ${tag}` },
			{ id: `institution-${defence}-acronym`, value: 'MoD' },
			{ id: `institution-${defence}-kind`, value: 'ministry', kind: 'select' }
		]);
		const network = await add(page, 'institutions-add');
		steps.overview = [
			{ id: `institution-${network}-name`, value: 'Women Peace Network' },
			{ id: `institution-${network}-kind`, value: 'civil-society', kind: 'select' },
			{ id: 'overview-title', value: `National action plan ${tag}` },
			{ id: 'overview-country', value: 'Lumeria' },
			{ id: 'overview-region', value: 'africa', kind: 'select' },
			{ id: 'overview-generation', value: '2' },
			{ id: 'overview-periodStart', value: '2027' },
			{ id: 'overview-periodEnd', value: '2031' },
			{ id: 'overview-status', value: 'validated', kind: 'select' },
			{ id: 'overview-adoptionBody', value: 'Council of Ministers' },
			{ id: 'overview-adoptionDate', value: '01/12/2026' },
			{ id: 'overview-leadInstitutionId', value: defence, kind: 'select' },
			{ id: 'overview-foreword', value: `Foreword ${tag}` },
			{ id: 'overview-vision', value: 'A country where women shape peace.' },
			{ id: 'overview-goal', value: 'Double the share of women in peace processes.' }
		];
		await fill(page, steps.overview);
		await page.locator('#overview-resolutions input[value="2242"]').check();
		if (english) await expectNoEnglish(page, language);
		await expect(page.locator('nav.progress li').first()).toContainText('100');

		// Context
		await gotoStep(page, 'context');
		const figure = await add(page, 'baselineFigures-add');
		steps.context = [
			{ id: 'context-introduction', value: 'Introduction text' },
			{ id: 'context-legalFramework', value: 'Constitution, article 12' },
			{ id: 'context-situationAnalysis', value: `Situation ${tag}\nSecond line` },
			{ id: 'context-lessonsLearned', value: 'Lessons from 2020-2025' },
			{ id: `baselineFigure-${figure}-figure`, value: 'Women among police officers (%)' },
			{ id: `baselineFigure-${figure}-value`, value: '7%' },
			{ id: `baselineFigure-${figure}-year`, value: '2025' },
			{ id: `baselineFigure-${figure}-source`, value: 'National Police' }
		];
		await fill(page, steps.context);
		if (english) await expectNoEnglish(page, language);

		// Consultation
		await gotoStep(page, 'consultation');
		const event = await add(page, 'events-add');
		const group = await add(page, `consultationEvent-${event}-addParticipants`);
		steps.consultation = [
			{ id: 'consultation-summary', value: 'Three rounds of consultation.' },
			{ id: `consultationEvent-${event}-title`, value: 'Validation workshop' },
			{ id: `consultationEvent-${event}-date`, value: '22/09/2026' },
			{ id: `consultationEvent-${event}-place`, value: 'Capital City' },
			{ id: `consultationEvent-${event}-kind`, value: 'validation-workshop', kind: 'select' },
			{ id: `participants-${group}-sector`, value: 'civil-society', kind: 'select' },
			{ id: `participants-${group}-women`, value: '34' },
			{ id: `participants-${group}-men`, value: '12' },
			{ id: `consultationEvent-${event}-outcomes`, value: 'Indicators revised.' }
		];
		await fill(page, steps.consultation);
		await expect(page.locator('.total')).toContainText('34');
		if (english) await expectNoEnglish(page, language);

		// Pillars and objectives
		await gotoStep(page, 'pillars');
		await page.locator('input[name="framework"][value="pillars"]').check();
		await expect(page.locator('li.pillar')).toHaveCount(4);
		const pillarId = (await page.locator('li.pillar').first().getAttribute('id'))!.replace(
			/-item$/,
			''
		);
		const objective = await add(page, `pillar-${pillarId}-addObjective`);
		steps.pillars = [
			{ id: `pillar-${pillarId}-description`, value: 'Participation of women in decision-making' },
			{ id: `objective-${objective}-title`, value: `Objective ${tag}` },
			{ id: `objective-${objective}-expectedResults`, value: 'More women negotiators' }
		];
		await fill(page, steps.pillars);
		if (english) await expectNoEnglish(page, language);

		// Actions and indicators
		await gotoStep(page, 'actions');
		const action = await add(page, `objective-${objective}-addAction`);
		const indicator = await add(page, `action-${action}-addIndicator`);
		steps.actions = [
			{ id: `action-${action}-description`, value: `Train mediators ${tag}` },
			{ id: `action-${action}-responsibleId`, value: defence, kind: 'select' },
			{ id: `action-${action}-startYear`, value: '2027' },
			{ id: `action-${action}-endYear`, value: '2029' },
			{ id: `action-${action}-status`, value: 'in-progress', kind: 'select' },
			{ id: `action-${action}-strategy`, value: 'capacity-building', kind: 'select' },
			{ id: `indicator-${indicator}-statement`, value: 'Share of women among mediators' },
			{ id: `indicator-${indicator}-unit`, value: '%' },
			{ id: `indicator-${indicator}-frequency`, value: 'annual', kind: 'select' },
			{ id: `indicator-${indicator}-globalIndicator`, value: '11a' },
			{ id: `indicator-${indicator}-baselineValue`, value: '5' },
			{ id: `indicator-${indicator}-baselineYear`, value: '2025' },
			{ id: `indicator-${indicator}-targetValue`, value: '30' },
			{ id: `indicator-${indicator}-targetYear`, value: '2031' },
			{ id: `indicator-${indicator}-meansOfVerification`, value: 'Delegation lists' }
		];
		await fill(page, steps.actions);
		await page.locator(`#action-${action}-partnerIds input[value="${network}"]`).check();
		if (english) await expectNoEnglish(page, language);

		// Coordination and monitoring
		await gotoStep(page, 'coordination');
		const body = await add(page, 'bodies-add');
		steps.coordination = [
			{ id: 'coordination-description', value: 'The gender ministry coordinates.' },
			{ id: `coordinationBody-${body}-name`, value: 'National steering committee' },
			{ id: `coordinationBody-${body}-level`, value: 'national', kind: 'select' },
			{ id: `coordinationBody-${body}-meetingFrequency`, value: 'quarterly', kind: 'select' },
			{ id: `coordinationBody-${body}-chairId`, value: defence, kind: 'select' },
			{ id: `coordinationBody-${body}-mandate`, value: 'Steers the plan.' },
			{ id: 'monitoring-description', value: 'Annual monitoring with the statistics office.' },
			{ id: 'monitoring-reportingCycle', value: 'annual', kind: 'select' },
			{ id: 'monitoring-responsibleId', value: network, kind: 'select' },
			{ id: 'monitoring-reportsToParliament', value: '', kind: 'check' },
			{ id: 'monitoring-midTermReview', value: '30/06/2029' },
			{ id: 'monitoring-finalEvaluation', value: '15/12/2031' },
			{ id: 'monitoring-civilSocietyRole', value: 'Shadow reports.' }
		];
		await fill(page, steps.coordination);
		await page.locator(`#coordinationBody-${body}-memberIds input[value="${network}"]`).check();
		if (english) await expectNoEnglish(page, language);

		// Budget
		await gotoStep(page, 'budget');
		steps.budget = [
			{ id: 'budget-currency', value: 'EUR' },
			{ id: 'budget-resourceMobilisation', value: 'Donor round table in 2027.' },
			{ id: `action-${action}-amount`, value: '125000' },
			{ id: `action-${action}-source`, value: 'development-partners', kind: 'select' },
			{ id: `action-${action}-secured`, value: '', kind: 'check' }
		];
		await fill(page, steps.budget);
		// The totals follow the amounts, formatted for the language.
		const amount = new Intl.NumberFormat({ en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }[language], {
			style: 'currency',
			currency: 'EUR',
			maximumFractionDigits: 0
		}).format(125000);
		await expect(page.locator('.budget-tables tfoot').first()).toContainText(amount);
		if (english) await expectNoEnglish(page, language);

		// Review: the plan is not complete (no local coordination body, one participant group…), and says so.
		await gotoStep(page, 'review');
		await expect(page.locator('ul.gaps a').first()).toBeVisible();
		if (english) await expectNoEnglish(page, language);

		// Leave nothing unsaved, reload, and find every value where it was typed.
		await waitForSaved(page);
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		for (const [step, fields] of Object.entries(steps)) {
			await gotoStep(page, step);
			await expectFilled(page, fields);
		}
		await gotoStep(page, 'overview');
		await expect(page.locator('#overview-resolutions input[value="2242"]')).toBeChecked();
		await expect(page.locator(`#institution-${defence}-name`)).toHaveValue(
			`Ministry of Defence ${tag}`
		);
		await gotoStep(page, 'actions');
		await expect(
			page.locator(`#action-${action}-partnerIds input[value="${network}"]`)
		).toBeChecked();

		// The home page lists the draft with its title and country.
		await page.goto('/');
		await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
		await expect(page.locator('table.drafts tbody tr')).toContainText(
			`National action plan ${tag}`
		);
		await expect(page.locator('table.drafts tbody tr')).toContainText('Lumeria');
	});
}

test('a review link opens the step and focuses the field that fills the gap', async ({ page }) => {
	await page.goto('/');
	await newBlankPlan(page);
	await gotoStep(page, 'review');
	const link = page.locator('ul.gaps a', { hasText: 'The country is not given.' });
	await link.click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=.*#overview-country$/);
	await expect(page.locator('#overview-country')).toBeFocused();
});

test('a contradiction is explained beside the field, and typing is never blocked', async ({
	page
}) => {
	await page.goto('/');
	await newBlankPlan(page);
	await page.locator('#overview-periodStart').fill('2031');
	await page.locator('#overview-periodEnd').fill('2027');
	await expect(page.locator('#overview-periodEnd')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#overview-periodEnd-error')).toHaveText(
		"The plan's end year is before its start year."
	);
	await expect(page.locator('#overview-periodEnd-error')).toHaveAttribute('aria-live', 'polite');
	await page.locator('#overview-periodEnd').fill('2035');
	await expect(page.locator('#overview-periodEnd-error')).toHaveText('');
	// A value out of range is not stored: the field says what it expects and what the plan keeps.
	await page.locator('#overview-periodStart').fill('20');
	await page.locator('#overview-periodStart').blur();
	await expect(page.locator('#overview-periodStart-error')).toHaveText(
		'Enter a number from 1900 to 2200. Until it is corrected, the plan keeps 2031.'
	);
});
