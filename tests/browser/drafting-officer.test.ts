// What a drafting officer meets on the first day (issue 13), walked through the interface by role and
// accessible name only: amounts typed as each language writes them, dates as precise as they are known,
// values out of bounds explained and never stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { strings } from './helpers.ts';

type Language = 'en' | 'fr' | 'es';

/** A text of the interface, its placeholders filled. */
function text(language: Language, key: string, params: Record<string, string> = {}): string {
	const template = strings(language).get(key);
	if (template === undefined) throw new Error(`No text ${key}`);
	return template.replace(/{{(\w+)}}/g, (_, name) => params[name] ?? `{{${name}}}`);
}

// Spaces as \s: an accessible name may turn a no-break space into a plain one.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s');
/** A pattern for a text whose placeholders may be anything. */
const pattern = (language: Language, key: string) =>
	new RegExp(
		text(language, key)
			.split(/{{\w+}}/)
			.map(escape)
			.join('.+')
	);
/** A field whose accessible name starts with its visible label (WCAG 2.5.3). */
const named = (label: string) => new RegExp(`^${escape(label)}`);

async function openSample(page: Page, language: Language) {
	await page.goto('/');
	await page.getByRole('combobox', { name: text('en', 'common.language') }).selectOption(language);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await page.getByRole('button', { name: text(language, 'home.sample') }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: text(language, 'wizard.steps.overview.title') })
	).toBeVisible();
}

async function goToStep(page: Page, language: Language, step: string) {
	await page
		.getByRole('navigation', { name: text(language, 'wizard.progressLabel') })
		.getByRole('link', { name: new RegExp(escape(text(language, `wizard.steps.${step}.title`))) })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: text(language, `wizard.steps.${step}.title`) })
	).toBeVisible({ timeout: 15_000 });
}

async function saved(page: Page, language: Language) {
	// The save ends within a second on a quiet machine; the allowance is for a loaded test machine,
	// where the actions step of the sample plan re-renders and checks for several seconds after an edit.
	await expect(page.getByText(text(language, 'common.save.saved'))).toBeVisible({
		timeout: 15_000
	});
}

// Thousands and decimals as each language writes them; the reading beside the field shows the number stored.
const amounts: Record<
	Language,
	{ typed: string; reading: RegExp; stored: string; notRead: string; ambiguous: string }
> = {
	en: {
		typed: '1,250,000',
		reading: /US\$1,250,000/,
		stored: '1250000',
		notRead: '1,5',
		ambiguous: '2.500'
	},
	fr: {
		typed: '1 250 000',
		reading: /1\s250\s000\s\$US/,
		stored: '1250000',
		notRead: '1.5',
		ambiguous: '450.000'
	},
	es: {
		typed: '1.250.000',
		reading: /1\.250\.000\sUS\$/,
		stored: '1250000',
		notRead: '1.5',
		ambiguous: '2,500'
	}
};

for (const language of ['en', 'fr', 'es'] as const) {
	test(`amounts typed in ${language} are read as ${language} writes numbers, and a text that is not one is kept and explained`, async ({
		page
	}) => {
		const a = amounts[language];
		await openSample(page, language);
		await goToStep(page, language, 'budget');
		const amount = page
			.getByRole('textbox', { name: named(text(language, 'fields.action.amount')) })
			.first();

		await amount.fill(a.typed);
		await expect(amount).toHaveAccessibleDescription(a.reading);
		await saved(page, language);

		// Not a number as the language writes it: the text stays, the field says why, the plan keeps 1,250,000.
		await amount.fill(a.notRead);
		await amount.press('Tab');
		await expect(amount).toHaveValue(a.notRead);
		await expect(amount).toHaveAccessibleDescription(pattern(language, 'common.numberInvalid'));
		await expect(amount).toHaveAccessibleDescription(a.reading);
		await expect(amount).toHaveAttribute('aria-invalid', 'true');

		// Two readings: the field names both and stores neither.
		await amount.fill(a.ambiguous);
		await amount.press('Tab');
		await expect(amount).toHaveAccessibleDescription(pattern(language, 'common.numberAmbiguous'));

		await page.reload();
		await expect(
			page.getByRole('heading', { level: 1, name: text(language, 'wizard.steps.budget.title') })
		).toBeVisible({ timeout: 15_000 });
		await expect(
			page.getByRole('textbox', { name: named(text(language, 'fields.action.amount')) }).first()
		).toHaveValue(a.stored);
	});
}

test('an adoption date and a period start out of bounds are explained beside the field and never stored', async ({
	page
}) => {
	await openSample(page, 'fr');
	const adoption = page.getByRole('textbox', {
		name: named(text('fr', 'fields.overview.adoptionDate'))
	});
	const start = page.getByRole('textbox', {
		name: named(text('fr', 'fields.overview.periodStart'))
	});
	const startYear = await start.inputValue();
	expect(startYear).toMatch(/^\d{4}$/);

	await adoption.fill('01/01/1850');
	await adoption.press('Tab');
	await expect(adoption).toHaveValue('01/01/1850');
	await expect(adoption).toHaveAccessibleDescription(pattern('fr', 'common.dateRange'));
	await expect(adoption).toHaveAccessibleDescription(
		new RegExp(escape(text('fr', 'common.valueKeptEmpty')))
	);
	// Said once: the message is in the field's error text, not repeated elsewhere on the page.
	await expect(page.getByText(pattern('fr', 'common.dateRange'))).toHaveCount(1);

	await start.fill('1850');
	await start.press('Tab');
	await expect(start).toHaveAccessibleDescription(pattern('fr', 'common.numberRange'));
	await saved(page, 'fr');

	await page.reload();
	await expect(
		page.getByRole('textbox', { name: named(text('fr', 'fields.overview.adoptionDate')) })
	).toHaveValue('');
	await expect(
		page.getByRole('textbox', { name: named(text('fr', 'fields.overview.periodStart')) })
	).toHaveValue(startYear);
});

test('dates take a year or a month, typed in the language, and come back after a reload', async ({
	page
}) => {
	await openSample(page, 'es');
	const adoption = page.getByRole('textbox', {
		name: named(text('es', 'fields.overview.adoptionDate'))
	});
	await adoption.fill('2008');
	await expect(adoption).toHaveAccessibleDescription(/2008/);
	await saved(page, 'es');

	await goToStep(page, 'es', 'coordination');
	const midTerm = page.getByRole('textbox', {
		name: named(text('es', 'fields.monitoring.midTermReview'))
	});
	await midTerm.fill('marzo de 2011');
	await expect(midTerm).not.toHaveAttribute('aria-invalid');
	await saved(page, 'es');

	await page.reload();
	await expect(
		page.getByRole('textbox', { name: named(text('es', 'fields.monitoring.midTermReview')) })
	).toHaveValue('marzo de 2011');
	await goToStep(page, 'es', 'overview');
	await expect(
		page.getByRole('textbox', { name: named(text('es', 'fields.overview.adoptionDate')) })
	).toHaveValue('2008');

	// The same plan in English: the month reads as English writes it.
	await page
		.getByRole('combobox', { name: text('es', 'common.language'), exact: true })
		.selectOption('en');
	await goToStep(page, 'en', 'coordination');
	await expect(
		page.getByRole('textbox', { name: named(text('en', 'fields.monitoring.midTermReview')) })
	).toHaveValue('March 2011');
});

test('Ctrl+Z after moving and deleting items undoes only the field’s own typing; the delete notice stays, and Ctrl+Z outside a field takes the delete back', async ({
	page
}) => {
	await page.clock.install();
	await openSample(page, 'en');
	await goToStep(page, 'en', 'actions');
	const label = text('en', 'fields.action.description');
	// Each description field is named after its own words, whatever its position.
	const field = (words: string) =>
		page.getByRole('textbox', {
			name: new RegExp(
				`^${escape(label)} – ${escape(text('en', 'fields.action.item'))} [\\d.]+: ${escape(words)}`
			)
		});
	const a = field('Adopt and implement a strategy');
	const b = field('Raise the share of women');
	const c = field('Create a national roster');
	const [aText, bText, cText] = [await a.inputValue(), await b.inputValue(), await c.inputValue()];

	await a.click();
	await a.press('Control+End');
	await a.pressSequentially(' Typed in A.');
	await expect(a).toHaveValue(`${aText} Typed in A.`);

	await page
		.getByRole('button', { name: /^Move up: Action 1\.1\.2: Raise the share of women/ })
		.click();
	await expect(page.getByText(/moved to position 1 of 2/)).toBeVisible();
	await page
		.getByRole('button', { name: /^Delete: Action 1\.2\.1: Create a national roster/ })
		.click();
	await expect(c).toHaveCount(0);
	const undo = page.getByRole('button', { name: text('en', 'common.undo') });
	await expect(undo).toBeVisible();

	// Ctrl+Z in another field: that field has no typing of its own, so nothing changes anywhere.
	await b.click();
	await b.press('Control+z');
	await expect(b).toHaveValue(bText);
	await expect(a).toHaveValue(`${aText} Typed in A.`);

	// Its own typing is undone and redone, and nothing else.
	await b.press('Control+End');
	await b.pressSequentially(' More.');
	await b.press('Control+z');
	await expect(b).toHaveValue(bText);
	await b.press('Control+z');
	await expect(b).toHaveValue(bText);
	await b.press('Control+Shift+z');
	await expect(b).toHaveValue(`${bText} More.`);
	await b.press('Control+z');
	await expect(b).toHaveValue(bText);
	await expect(a).toHaveValue(`${aText} Typed in A.`);

	// The delete notice outlasts any timeout; Ctrl+Z from a button takes the delete back.
	await page.clock.fastForward('02:00');
	await expect(undo).toBeVisible();
	await page.getByRole('button', { name: /^\+ Add an action – Objective 1\.2: / }).focus();
	await page.keyboard.press('Control+z');
	await expect(c).toHaveValue(cText);
	await expect(undo).toHaveCount(0);

	await page.clock.fastForward('00:05');
	await saved(page, 'en');
	await page.reload();
	await expect(
		page.getByRole('heading', { level: 1, name: text('en', 'wizard.steps.actions.title') })
	).toBeVisible({ timeout: 15_000 });
	await expect(a).toHaveValue(`${aText} Typed in A.`);
	await expect(b).toHaveValue(bText);
	await expect(c).toHaveValue(cText);
	await expect(
		page.getByRole('textbox', { name: /^Action – Action 1\.1\.1: Raise the share of women/ })
	).toBeVisible();
});

test('each control says which item it is for: institutions by name, budget boxes by action, add buttons by objective', async ({
	page
}) => {
	await openSample(page, 'en');
	const institutionName = page.getByRole('textbox', { name: /^Name – Institution 1: \S+/ });
	await expect(institutionName).toHaveCount(1);
	const own = await institutionName.inputValue();
	await expect(
		page.getByRole('group', { name: new RegExp(`^Institution 1: ${escape(own)}`) })
	).toBeVisible();
	await expect(
		page.getByRole('button', { name: new RegExp(`^Delete: Institution 1: ${escape(own)}`) })
	).toBeVisible();

	await goToStep(page, 'en', 'budget');
	const amounts = page.getByRole('textbox', { name: /^Amount – Action \d+\.\d+\.\d+: \S+/ });
	const count = await amounts.count();
	expect(count).toBeGreaterThan(5);
	const names = new Set<string>();
	for (let i = 0; i < count; i++)
		names.add(
			(await amounts.nth(i).getAttribute('aria-label')) ??
				(await amounts
					.nth(i)
					.evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))
		);
	expect(names.size, 'every amount box has a name of its own').toBe(count);

	await goToStep(page, 'en', 'actions');
	const addButtons = page.getByRole('button', {
		name: /^\+ Add an action – Objective \d+\.\d+: \S+/
	});
	const libraryButtons = page.getByRole('button', {
		name: /^Add actions from the library – Objective \d+\.\d+: \S+/
	});
	expect(await addButtons.count()).toBeGreaterThan(3);
	await expect(libraryButtons).toHaveCount(await addButtons.count());
});

test('“Open a file” is one button that opens the chooser with Enter, Space or a click; the same file twice is said so, not added twice', async ({
	page
}) => {
	const file = {
		name: 'lumeria.nap.json',
		mimeType: 'application/json',
		buffer: readFileSync(join(import.meta.dirname, '../../templates/sample/en.nap.json'))
	};
	const title = JSON.parse(file.buffer.toString('utf8')).overview.title as string;
	await page.goto('/');
	// The list of drafts is read once the page runs: the buttons work from then on.
	await expect(page.getByText(text('en', 'home.empty'))).toBeVisible();
	const open = page.getByRole('button', { name: text('en', 'home.open'), exact: true });

	let chooser = page.waitForEvent('filechooser');
	await open.press('Enter');
	await (await chooser).setFiles(file);
	await expect(page.getByText(text('en', 'home.imported', { title }))).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(escape(title)) })).toHaveCount(1);

	chooser = page.waitForEvent('filechooser');
	await open.press('Space');
	await (await chooser).setFiles(file);
	await expect(
		page.getByText(text('en', 'home.alreadyOpen', { name: file.name, title }))
	).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(escape(title)) })).toHaveCount(1);

	// The review file button too, by a click: the draft already here opens for review.
	chooser = page.waitForEvent('filechooser');
	await page
		.getByRole('button', { name: text('en', 'comments.home.openForReview'), exact: true })
		.click();
	await (await chooser).setFiles(file);
	await expect(page).toHaveURL(/\/review\?id=/);
	await page.goto('/');
	await expect(page.getByRole('row', { name: new RegExp(escape(title)) })).toHaveCount(1);
});

test('the plan’s own structure gives a first pillar to name; the library uses the ministry the plan already has, and asks where it is not sure', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByText(text('en', 'home.empty'))).toBeVisible();
	await page.getByRole('link', { name: text('en', 'home.new') }).click();
	await page.getByRole('button', { name: text('en', 'start.create') }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: text('en', 'wizard.steps.overview.title') })
	).toBeVisible();

	await page.getByRole('button', { name: `+ ${text('en', 'fields.institutions.add')}` }).click();
	const institutionName = page.getByRole('textbox', { name: /^Name – Institution 1/ });
	await expect(institutionName).toBeFocused();
	await institutionName.fill('ministry of foreign AFFAIRS');
	await page.getByRole('textbox', { name: /^Acronym – Institution 1/ }).fill('MoFA');

	await goToStep(page, 'en', 'pillars');
	await page
		.getByRole('radio', { name: new RegExp(`^${escape(text('en', 'options.framework.custom'))}`) })
		.check();
	const pillarName = page.getByRole('textbox', {
		name: text('en', 'fields.pillar.name'),
		exact: true
	});
	await expect(pillarName).toBeFocused();
	await expect(page.getByText(text('en', 'fields.pillars.empty'))).toHaveCount(0);
	await pillarName.fill('Women in public life');
	await page
		.getByRole('button', { name: /^\+ Add an objective – Pillar 1: Women in public life/ })
		.click();
	await page
		.getByRole('textbox', { name: /^Objective – Objective 1\.1/ })
		.fill('More women in diplomacy');

	await goToStep(page, 'en', 'actions');
	const fromLibrary = async (search: string) => {
		await page
			.getByRole('button', {
				name: /^Add actions from the library – Objective 1\.1: More women in diplomacy/
			})
			.click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('searchbox', { name: text('en', 'library.search') }).fill(search);
		await dialog.getByRole('checkbox', { name: new RegExp(escape(search)) }).check();
		return dialog;
	};
	let dialog = await fromLibrary('Adopt a directive requiring that the negotiation');
	// A preview is a button named after its item.
	const preview = dialog.getByRole('button', { name: /^Preview – Adopt a directive requiring/ });
	await expect(preview).toHaveAttribute('aria-expanded', 'false');
	await preview.press('Enter');
	await expect(preview).toHaveAttribute('aria-expanded', 'true');
	await dialog.getByRole('button', { name: 'Add 1 chosen item' }).click();
	await expect(dialog).toHaveCount(0);
	const responsible = page.getByRole('combobox', {
		name: /^Responsible institution – Action 1\.1\.1: Adopt a directive/
	});
	expect(
		await responsible.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)
	).toMatch(/ministry of foreign AFFAIRS/);

	// Renamed so that only the acronym could tell: the library asks instead of adding a second ministry.
	await goToStep(page, 'en', 'overview');
	await page.getByRole('textbox', { name: /^Name – Institution 1/ }).fill('Foreign Office');
	await page.getByRole('textbox', { name: /^Acronym – Institution 1/ }).fill('MFA');
	await goToStep(page, 'en', 'actions');
	dialog = await fromLibrary('Establish a roster of pre-screened women');
	await dialog.getByRole('button', { name: 'Add 1 chosen item' }).click();
	const question = dialog.getByRole('group', {
		name: /^The library makes Ministry of Foreign Affairs \(MFA\) responsible/
	});
	await expect(question).toBeFocused();
	await expect(question).toHaveAccessibleDescription(text('en', 'library.institutionChoose'));
	await question.getByRole('radio', { name: 'Yes: Foreign Office (MFA)' }).check();
	await dialog.getByRole('button', { name: 'Add 1 chosen item' }).click();
	await expect(dialog).toHaveCount(0);
	const second = page.getByRole('combobox', {
		name: /^Responsible institution – Action 1\.1\.2: Establish a roster/
	});
	expect(
		await second.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)
	).toMatch(/Foreign Office/);

	await saved(page, 'en');
	await goToStep(page, 'en', 'overview');
	await expect(page.getByRole('textbox', { name: /^Name – Institution \d/ })).toHaveCount(1);
});

test('an official copy and a working copy are exported and read back: the official one without the annex, the status of actions or comments', async ({
	page
}) => {
	await openSample(page, 'fr');
	// A figure left to write in: the export panel counts it and links to its field.
	await goToStep(page, 'fr', 'actions');
	const description = page.getByRole('textbox', { name: /^Action – Action 1\.1\.1/ });
	await description.fill('Former [[nombre]] agents par an.');
	await saved(page, 'fr');
	await goToStep(page, 'fr', 'review');
	await expect(page.getByText(pattern('fr', 'wizard.export.placeholders_one'))).toBeVisible();
	const exportPanel = page.getByRole('region', { name: text('fr', 'wizard.export.title') });
	await expect(exportPanel.getByRole('link', { name: /«\snombre\s»/ })).toBeVisible();
	const read = async () => {
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: text('fr', 'wizard.export.button') }).click();
		const files = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
		const xml = strFromU8(files['word/document.xml']);
		return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
			.map((m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
			.join('\n');
	};
	const annex = strings('fr').get('scorecard.export.annex')!;
	const notSecured = strings('fr').get('export.labels.notSecured')!;
	const notStarted = strings('fr').get('options.actionStatus.not-started')!;

	await page
		.getByRole('radio', { name: new RegExp(`^${escape(text('fr', 'wizard.export.official'))}`) })
		.check();
	await expect(
		page.getByRole('checkbox', { name: text('fr', 'wizard.export.annex') })
	).not.toBeChecked();
	const official = await read();
	expect(official).not.toContain(annex);
	expect(official).not.toContain(notSecured);
	expect(official).not.toContain(notStarted);
	expect(official).toContain('[[nombre]]');

	await page
		.getByRole('radio', { name: new RegExp(`^${escape(text('fr', 'wizard.export.working'))}`) })
		.check();
	await expect(
		page.getByRole('checkbox', { name: text('fr', 'wizard.export.annex') })
	).toBeChecked();
	const working = await read();
	expect(working).toContain(annex);
	expect(working).toContain(notStarted);

	await exportPanel.getByRole('link', { name: /«\snombre\s»/ }).click();
	await expect(page.getByRole('textbox', { name: /^Action – Action 1\.1\.1/ })).toBeFocused();

	// The plan itself is in both: the title of its first objective.
	const firstObjective = JSON.parse(
		readFileSync(join(import.meta.dirname, '../../templates/sample/fr.nap.json'), 'utf8')
	).pillars[0].objectives[0].title as string;
	for (const copy of [official, working]) expect(copy).toContain(firstObjective);
});
