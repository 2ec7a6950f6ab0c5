import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

const locales = join(import.meta.dirname, '../../locales');

function flatten(value: unknown, prefix = ''): [string, string][] {
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
	return [[prefix, String(value)]];
}

export function strings(language: string): Map<string, string> {
	return new Map(
		readdirSync(join(locales, language)).flatMap((f) =>
			flatten(JSON.parse(readFileSync(join(locales, language, f), 'utf8')), f.replace('.json', ''))
		)
	);
}

/**
 * English phrases of the interface (pieces of at least three words between placeholders) that the
 * other language translates differently. None may appear on a French or Spanish page.
 */
export function englishPhrases(language: string): string[] {
	const en = strings('en');
	const other = strings(language);
	const phrases = new Set<string>();
	for (const [key, text] of en) {
		if (other.get(key) === text) continue;
		for (const piece of text.split(/{{\w+}}/)) {
			const phrase = piece.trim().replace(/^[\s:;,.(“”"'–—-]+|[\s:;,.(“”"'–—-]+$/g, '');
			if (phrase.split(/\s+/).length >= 3) phrases.add(phrase);
		}
	}
	return [...phrases];
}

/** Fails with the English phrases found in the page's visible text, labels and hidden text for screen readers. */
export async function expectNoEnglish(page: Page, language: string) {
	const text = await page.evaluate(() => {
		const parts = [document.body.innerText, document.title];
		for (const el of document.querySelectorAll('[aria-label],[title],.visually-hidden'))
			parts.push(
				el.getAttribute('aria-label') ?? '',
				el.getAttribute('title') ?? '',
				el.textContent ?? ''
			);
		for (const option of document.querySelectorAll('option')) parts.push(option.textContent ?? '');
		return parts.join('\n');
	});
	const phrases = englishPhrases(language);
	expect(phrases.length, 'English phrases to look for').toBeGreaterThan(100);
	if (language === 'fr') {
		// Names composed in code ("Supprimer : Action 1.1.1") follow French typography too: a no-break
		// space before a colon, never a plain space or none.
		const labels = await page.evaluate(() =>
			[...document.querySelectorAll('[aria-label]')].map(
				(el) => el.getAttribute('aria-label') ?? ''
			)
		);
		expect(
			labels.filter((label) => /[^\s\u00a0\u202f\d]:|[ ]:/.test(label)),
			'French accessible names with a colon not after a no-break space'
		).toEqual([]);
	}
	const found = phrases.filter((phrase) => text.includes(phrase));
	expect(found, `English text on a ${language} page`).toEqual([]);
}

/** The id of the element that has focus (new items put the cursor in their first field). */
export async function focusedId(page: Page): Promise<string> {
	return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The item id inside a field id such as "action-abc123-description". */
export const itemIdOf = (fieldId: string) => fieldId.split('-').slice(1, -1).join('-');

export async function waitForSaved(page: Page) {
	await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved');
}

export async function chooseLanguage(page: Page, language: string) {
	await page.locator('#language-select').selectOption(language);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
}

export async function gotoStep(page: Page, step: string) {
	await page.locator(`nav.progress a[href*="/plan/${step}?"]`).click();
	// A template-started plan puts some 60 actions on the actions step: leaving it takes seconds on a loaded CI machine.
	await expect(page).toHaveURL(new RegExp(`/plan/${step}\\?id=`), { timeout: 15_000 });
	await expect(page.locator('#step-title')).toBeFocused();
}

/** From the home page: "New plan", then create a blank one. */
export async function newBlankPlan(page: Page) {
	await page.locator('#new-plan').click();
	await page.locator('#create-plan').click();
	await page.waitForURL(/\/plan\/overview\?id=/);
}
