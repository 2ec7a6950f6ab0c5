// Review mode: a reviewer opens a draft file, comments on parts of the plan, replies, resolves, and
// the comments survive a reload and reach the Word document as Word comments.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { chooseLanguage, strings, waitForSaved } from './helpers.ts';
import { wordTexts } from '../unit/word-xml.ts';

const SAMPLE = 'templates/sample/en.nap.json';
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
const indicator = sample.pillars[0].objectives[0].actions[0].indicators[0];

const comment = (page: Page, text: string) => page.locator('article.comment', { hasText: text });
const textsOf = (xml: string) => wordTexts(xml).join('');

async function openForReview(page: Page) {
	await page.goto('/');
	await page.locator('#review-file').setInputFiles(SAMPLE);
	await expect(page).toHaveURL(/\/review\?id=/);
	await expect(page.locator('#review-title')).toBeFocused();
}

async function writeComment(page: Page, part: string, text: string) {
	await page.getByRole('button', { name: `Comment on ${part}`, exact: true }).click();
	await page.getByLabel(`Your comment on ${part}`).fill(text);
	await page.getByRole('button', { name: 'Add the comment' }).click();
	await expect(comment(page, text)).toBeFocused();
}

test('comment, reply and resolve in review mode; the comments survive a reload and become Word comments', async ({
	page
}) => {
	test.setTimeout(50_000);
	await openForReview(page);
	await expect(page.locator('.document')).toContainText(
		sample.context.situationAnalysis.split('\n')[0]
	);
	// The plan is read-only here: no field edits its content.
	await expect(page.locator('.document').locator('input, textarea, select')).toHaveCount(0);

	// The first comment asks for the reviewer's name, with the comment.
	await page.getByRole('button', { name: 'Comment on Context', exact: true }).click();
	await expect(page.getByLabel('Your name')).toBeFocused();
	await page.getByRole('button', { name: 'Add the comment' }).click();
	await expect(page.getByText('Enter your name: it is shown with your comment.')).toBeVisible();
	await expect(page.getByText('Write the comment first.')).toBeVisible();
	await expect(page.getByLabel('Your name')).toBeFocused();
	await page.getByLabel('Your name').fill('Amina Diallo');
	await page.getByLabel('Your comment on Context').fill('Add the 2026 survey figures.');
	await page.getByRole('button', { name: 'Add the comment' }).click();
	await expect(comment(page, 'Add the 2026 survey figures.')).toBeFocused();
	await expect(comment(page, 'Add the 2026 survey figures.')).toContainText('Amina Diallo');
	await expect(page.locator('.toast', { hasText: 'Comment added on Context.' })).toBeVisible();
	await expect(page.getByText('Commenting as Amina Diallo')).toBeVisible();

	// The name is not asked again.
	await writeComment(page, 'Objective 1.2', 'Is this measurable?');
	await writeComment(page, 'Indicator 1.1.1.1', 'Which year is the baseline from?');
	await expect(page.locator('#comment-counts')).toContainText('3 open comments · 0 resolved');

	await comment(page, 'Add the 2026 survey figures.')
		.getByRole('button', { name: 'Reply to Amina Diallo' })
		.click();
	await page.getByLabel('Your reply to Amina Diallo').fill('The ministry will send them.');
	await page.getByRole('button', { name: 'Send the reply' }).click();
	await expect(
		page.locator('ul.replies li', { hasText: 'The ministry will send them.' })
	).toBeFocused();

	// Resolving hides the thread (only open comments are shown); focus goes back to the part's button.
	await comment(page, 'Is this measurable?').getByRole('button', { name: 'Resolve' }).click();
	await expect(comment(page, 'Is this measurable?')).toHaveCount(0);
	await expect(
		page.getByRole('button', { name: 'Comment on Objective 1.2', exact: true })
	).toBeFocused();
	await expect(page.locator('#comment-counts')).toContainText('2 open comments · 1 resolved');
	await page.getByLabel('All comments, resolved too').check();
	await expect(comment(page, 'Is this measurable?')).toContainText('Resolved by Amina Diallo');
	await waitForSaved(page);

	await page.reload();
	// Review mode lays out the whole plan before it shows: about 1 s for the sample on a quiet machine,
	// more than 5 s with two test workers and LibreOffice on two cores.
	await expect(page.getByText('Commenting as Amina Diallo')).toBeVisible({ timeout: 15_000 });
	await expect(comment(page, 'Add the 2026 survey figures.')).toContainText(
		'The ministry will send them.'
	);
	await expect(comment(page, 'Which year is the baseline from?')).toBeVisible();
	await expect(comment(page, 'Is this measurable?')).toHaveCount(0);
	await page.getByLabel('All comments, resolved too').check();
	await expect(comment(page, 'Is this measurable?')).toBeVisible();

	await expect(page.locator('#export-comments')).toContainText(
		'The 2 open comments become Word comments'
	);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
	const files = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
	const comments = strFromU8(files['word/comments.xml']);
	const document = strFromU8(files['word/document.xml']);
	expect(comments).toContain('w:author="Amina Diallo"');
	for (const text of [
		'Add the 2026 survey figures.',
		'The ministry will send them.',
		'Which year is the baseline from?'
	])
		expect(textsOf(comments)).toContain(text);
	expect(textsOf(comments)).not.toContain('Is this measurable?');
	const anchored = (text: string) => {
		const id = comments.match(
			new RegExp(`<w:comment w:id="(\\d+)"[^>]*>(?:(?!</w:comment>)[\\s\\S])*${text}`)
		)![1];
		return textsOf(
			document.slice(
				document.indexOf(`<w:commentRangeStart w:id="${id}"/>`),
				document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)
			)
		);
	};
	expect(anchored('Add the 2026 survey figures.')).toBe('Context and situation analysis');
	expect(anchored('Which year is the baseline from?')).toBe(indicator.statement);
});

test('delete one’s own comment with undo; the wizard counts open comments and links to review mode', async ({
	page
}) => {
	await openForReview(page);
	await page.getByRole('button', { name: 'Comment on Pillar 1', exact: true }).click();
	await page.getByLabel('Your name').fill('Jean Martin');
	await page.getByLabel('Your comment on Pillar 1').fill('Name the lead ministry.');
	await page.getByRole('button', { name: 'Add the comment' }).click();
	await expect(comment(page, 'Name the lead ministry.')).toBeFocused();

	await comment(page, 'Name the lead ministry.')
		.getByRole('button', { name: 'Delete your comment' })
		.click();
	await expect(comment(page, 'Name the lead ministry.')).toHaveCount(0);
	await expect(
		page.getByRole('button', { name: 'Comment on Pillar 1', exact: true })
	).toBeFocused();
	await page
		.locator('.toast', { hasText: 'Comment deleted.' })
		.getByRole('button', { name: 'Undo' })
		.click();
	await expect(comment(page, 'Name the lead ministry.')).toBeVisible();
	await waitForSaved(page);

	// Someone else's comment cannot be deleted.
	await page.getByRole('button', { name: 'Change name' }).click();
	await page.getByLabel('Your name').fill('Ana López');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(
		comment(page, 'Name the lead ministry.').getByRole('button', { name: 'Resolve' })
	).toBeVisible();
	await expect(
		comment(page, 'Name the lead ministry.').getByRole('button', { name: 'Delete your comment' })
	).toHaveCount(0);

	await page.getByRole('link', { name: 'Edit the plan' }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await expect(page.locator('#review-link')).toContainText('Review and comment');
	await expect(page.locator('#review-link')).toContainText('1 open comment');
	await page.locator('#review-link').click();
	await expect(page).toHaveURL(/\/review\?id=/);

	await page.goto('/');
	await page.getByRole('link', { name: /^Review: / }).click();
	await expect(comment(page, 'Name the lead ministry.')).toBeVisible();
});

test('a broken file opened for review gives a translated message and changes nothing', async ({
	page
}) => {
	await page.goto('/');
	await chooseLanguage(page, 'fr');
	await page.locator('#review-file').setInputFiles({
		name: 'broken.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "nap-builder.plan",')
	});
	await expect(page.locator('.toast.error')).toContainText(strings('fr').get('file.notJson')!);
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('table.drafts')).toHaveCount(0);
});

test('where the browser refuses storage, the name is kept for the visit and the page says so', async ({
	page
}) => {
	await page.addInitScript(() => {
		Storage.prototype.setItem = () => {
			throw new DOMException('Refused', 'SecurityError');
		};
	});
	await openForReview(page);
	await page.getByRole('button', { name: 'Comment on Budget', exact: true }).click();
	await page.getByLabel('Your name').fill('Amina Diallo');
	await page.getByLabel('Your comment on Budget').fill('Who pays for the shelters?');
	await page.getByRole('button', { name: 'Add the comment' }).click();
	await expect(comment(page, 'Who pays for the shelters?')).toContainText('Amina Diallo');
	await expect(page.getByText('it will be asked again next time')).toBeVisible();
	await waitForSaved(page);
	await page.reload();
	await expect(comment(page, 'Who pays for the shelters?')).toBeVisible();
	await expect(page.getByText('Commenting as')).toHaveCount(0);
});

test('with the keyboard alone: comment, reply and resolve', async ({ page }) => {
	await openForReview(page);
	const tabTo = async (name: string) => {
		for (let i = 0; i < 60; i++) {
			if (
				(await page.evaluate(
					() =>
						document.activeElement?.getAttribute('aria-label') ||
						document.activeElement?.textContent?.trim() ||
						''
				)) === name
			)
				return;
			await page.keyboard.press('Tab');
		}
		throw new Error(`${name} never got focus by Tab`);
	};
	await tabTo('Comment on Getting started');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Your name')).toBeFocused();
	await page.keyboard.type('Amina Diallo');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Your comment on Getting started')).toBeFocused();
	await page.keyboard.type('Who adopts the plan?');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(comment(page, 'Who adopts the plan?')).toBeFocused();

	await tabTo('Reply to Amina Diallo');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Your reply to Amina Diallo')).toBeFocused();
	await page.keyboard.type('The Council of Ministers.');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(
		page.locator('ul.replies li', { hasText: 'The Council of Ministers.' })
	).toBeFocused();

	await tabTo('Resolve');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', { name: 'Comment on Getting started', exact: true })
	).toBeFocused();
	await expect(page.locator('#comment-counts')).toContainText('0 open comments · 1 resolved');
});
