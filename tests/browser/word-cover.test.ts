// The Word file a ministry circulates (issue 13), walked by role and accessible name only: the issuing
// authority and an emblem added in Getting started (a file that is not an image refused, with why), kept
// in the draft file; the export panel says when the plan's language and the document's differ; and the
// Word file has the emblem on its cover, the team's text in the plan's language and the headings in the
// document's.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { encodePng } from '../unit/png.ts';
import { strings } from './helpers.ts';

type Language = 'en' | 'fr' | 'es';

function text(
	language: Language,
	key: string,
	params: Record<string, string | number> = {}
): string {
	const template = strings(language).get(key);
	if (template === undefined) throw new Error(`No text ${key}`);
	return template.replace(/{{(\w+)}}/g, (_, name) => String(params[name] ?? `{{${name}}}`));
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s');
/** A control whose accessible name starts with its visible label (WCAG 2.5.3). */
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

const emblem = {
	name: 'arms.png',
	mimeType: 'image/png',
	buffer: Buffer.from(
		encodePng(60, 40, ['FFFFFF', '1D4E89'], (x, y) => ((x - 30) ** 2 + (y - 20) ** 2 < 300 ? 1 : 0))
	)
};

test('an emblem and an issuing authority on the cover, the plan’s language on its own text, and the difference of languages said before export', async ({
	page
}) => {
	await openSample(page, 'en');
	const authority = 'Republic of Lumeria, Ministry of Gender Equality';
	await page
		.getByRole('textbox', { name: named(text('en', 'fields.overview.issuingAuthority')) })
		.fill(authority);

	const group = page.getByRole('group', { name: text('en', 'fields.overview.emblem') });
	const add = group.getByRole('button', { name: text('en', 'fields.overview.emblemAdd') });
	await expect(add).toHaveAccessibleDescription(
		text('en', 'fields.overview.emblemHint', {
			max: text('en', 'fields.overview.kilobytes', { amount: 512 })
		})
	);

	// A file that is not an image is refused, and the message says which and why.
	let chooser = page.waitForEvent('filechooser');
	await add.press('Enter');
	await (
		await chooser
	).setFiles({
		name: 'arms.gif',
		mimeType: 'image/png',
		buffer: Buffer.from('GIF89a\x01\x00\x01\x00')
	});
	await expect(group.getByRole('status')).toHaveText(
		text('en', 'fields.overview.emblemRefused.type', { name: 'arms.gif' })
	);
	await expect(group.getByRole('img')).toHaveCount(0);
	// So is an image over 512 KB.
	const big = Buffer.from(encodePng(500, 400, ['000000'], () => 0, { stored: true })); // stored without compression: about 590 KB
	chooser = page.waitForEvent('filechooser');
	await add.click();
	await (await chooser).setFiles({ name: 'arms-scan.png', mimeType: 'image/png', buffer: big });
	const kb = (amount: number) => text('en', 'fields.overview.kilobytes', { amount });
	await expect(group.getByRole('status')).toHaveText(
		text('en', 'fields.overview.emblemRefused.size', {
			name: 'arms-scan.png',
			size: kb(Math.ceil(big.length / 1024)),
			max: kb(512)
		})
	);
	await expect(group.getByRole('img')).toHaveCount(0);

	chooser = page.waitForEvent('filechooser');
	await add.click();
	await (await chooser).setFiles(emblem);
	await expect(
		group.getByRole('img', {
			name: text('en', 'fields.overview.emblemPreview', { width: 60, height: 40 })
		})
	).toBeVisible();
	await expect(group.getByRole('status')).toHaveText(
		text('en', 'fields.overview.emblemAdded', { width: 60, height: 40 })
	);

	// Removed, then added again: focus is never lost.
	await group.getByRole('button', { name: text('en', 'fields.overview.emblemRemove') }).click();
	await expect(group.getByRole('img')).toHaveCount(0);
	await expect(add).toBeFocused();
	chooser = page.waitForEvent('filechooser');
	await add.press('Space');
	await (await chooser).setFiles(emblem);
	await expect(
		group.getByRole('button', { name: text('en', 'fields.overview.emblemReplace') })
	).toBeVisible();
	await expect(page.getByText(text('en', 'common.save.saved'))).toBeVisible();

	// The draft file keeps the emblem.
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: text('en', 'file.saveCopy') }).click();
	const draft = JSON.parse(readFileSync(await (await saving).path(), 'utf8'));
	expect(draft.overview.issuingAuthority).toBe(authority);
	expect(Buffer.from(draft.overview.emblem.data, 'base64').equals(emblem.buffer)).toBe(true);

	// Exported in French: the panel says the plan is written in English.
	await page
		.getByRole('navigation', { name: text('en', 'wizard.progressLabel') })
		.getByRole('link', { name: new RegExp(escape(text('en', 'wizard.steps.review.title'))) })
		.click();
	const panel = page.getByRole('region', { name: text('en', 'wizard.export.title') });
	const documentLanguage = panel.getByRole('combobox', {
		name: text('en', 'wizard.export.language')
	});
	const differ = text('en', 'wizard.export.languagesDiffer', {
		plan: text('en', 'wizard.export.languageIn.en'),
		document: text('en', 'wizard.export.languageIn.fr')
	});
	await expect(panel.getByText(differ)).toHaveCount(0);
	await documentLanguage.selectOption('fr');
	await expect(panel.getByText(differ)).toBeVisible();
	await expect(documentLanguage).toHaveAccessibleDescription(differ);

	const downloading = page.waitForEvent('download');
	await panel.getByRole('button', { name: text('en', 'wizard.export.button') }).click();
	const files = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
	const xml = strFromU8(files['word/document.xml']);
	const cover = xml.slice(0, xml.indexOf('w:docPartGallery'));
	expect(cover.indexOf('<w:drawing>')).toBeGreaterThan(0);
	expect(cover.indexOf('<w:drawing>')).toBeLessThan(cover.indexOf(authority));
	expect(
		Object.keys(files)
			.filter((name) => name.startsWith('word/media/'))
			.some((name) => Buffer.from(files[name]).equals(emblem.buffer))
	).toBe(true);
	// The authority, typed by the team, is English; the chapter headings French, the document's language.
	expect(cover).toMatch(
		new RegExp(
			`<w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${escape(authority)}</w:t>`
		)
	);
	expect(strFromU8(files['word/styles.xml'])).toMatch(/<w:rPrDefault>.*<w:lang w:val="fr-FR"\/>/s);
	expect(xml).toContain(
		`<w:r><w:t xml:space="preserve">${text('fr', 'export.chapters.context')}</w:t></w:r>`
	);
	// Numbers on the contents page, and nothing that makes Word ask to update fields.
	expect(xml).toMatch(
		/PAGEREF _Toc1 \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">\d+<\/w:t>/
	);
	expect(strFromU8(files['word/settings.xml'])).not.toContain('updateFields');
});
