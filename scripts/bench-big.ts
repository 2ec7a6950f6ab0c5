// Big plans in Chromium (1,000 and 3,000 actions): how long the actions step takes to show, how long a
// key takes to paint in it, how long after the last key the save is complete, and how long the review
// step takes to show. Each figure is measured in the page, from the user's action to the next frame.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { generatedPlan } from './generated-plan.ts';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Opens a draft file through "Open a file" and returns the new draft's id. */
export async function importDraft(page: Page, file: string): Promise<string> {
	await page.goto('/');
	const rows = page.locator('table.drafts tbody tr');
	await page.waitForLoadState('networkidle');
	const before = await rows.count();
	await page.locator('#open-file').setInputFiles(file);
	await rows.nth(before).waitFor({ timeout: 120_000 });
	// The list is newest first: the imported draft heads it.
	const id = await rows.first().locator('[id^="open-"]').getAttribute('id');
	return id!.slice('open-'.length);
}

/** Clicks a link of the wizard's progress bar and resolves, in ms, once `selector` is in the page and a frame has painted. */
async function showStep(page: Page, step: string, selector: string): Promise<number> {
	return page.evaluate(
		async ({ step, selector }) => {
			const link = document.querySelector<HTMLAnchorElement>(
				`nav.progress a[href*="/plan/${step}?"]`
			)!;
			const start = performance.now();
			link.click();
			const frame = () =>
				new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
			while (!document.querySelector(selector)) await frame();
			await frame();
			return performance.now() - start;
		},
		{ step, selector }
	);
}

export async function bigPlanFigures(
	browser: Browser,
	origin: string,
	dir: string,
	print: (figure: Record<string, unknown>) => void
): Promise<void> {
	for (const actions of [1000, 3000]) {
		const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
		const page = await context.newPage();
		try {
			const file = join(dir, `plan-big-${actions}.nap.json`);
			writeFileSync(file, JSON.stringify(generatedPlan(actions)));
			const id = await importDraft(page, file);
			await page.goto(`/plan/overview?id=${id}`);
			await page.locator('#overview-title').waitFor({ timeout: 120_000 });

			// 1. The actions step, from the click on its link to the first action's field on screen.
			const show: number[] = [];
			for (let run = 0; run < 2; run++) {
				show.push(await showStep(page, 'actions', 'textarea[id^="action-"]'));
				await showStep(page, 'overview', '#overview-title');
			}
			print({
				figure: 'big-plan-actions-step-show',
				actions,
				ms: Math.round(Math.min(...show)),
				goal: 'under 2000 ms'
			});

			// 2. Typing in an action: from each key to the next frame. 3. From the last key to "saved".
			await showStep(page, 'actions', 'textarea[id^="action-"]');
			const field = page.locator('textarea[id^="action-"]').first();
			await field.focus();
			await page.evaluate(() => {
				const w = window as unknown as { latencies: number[]; lastKey: number };
				w.latencies = [];
				addEventListener(
					'keydown',
					(event) => {
						const start = event.timeStamp;
						w.lastKey = start;
						requestAnimationFrame(() =>
							setTimeout(() => w.latencies.push(performance.now() - start))
						);
					},
					true
				);
			});
			// Words with a pause between them, as people type: the checks run in each pause.
			for (const word of [' typing', ' in', ' a', ' big', ' plan']) {
				await page.keyboard.type(word, { delay: 60 });
				await page.waitForTimeout(250);
			}
			const saveMs = await page.evaluate(async () => {
				const w = window as unknown as { lastKey: number };
				const status = () => document.querySelector('.save-status')?.getAttribute('data-status');
				while (status() !== 'saved') await new Promise((resolve) => setTimeout(resolve, 5));
				return performance.now() - w.lastKey;
			});
			const latencies = await page.evaluate(
				() => (window as unknown as { latencies: number[] }).latencies
			);
			print({
				figure: 'big-plan-typing-latency',
				actions,
				medianMs: Math.round(median(latencies)),
				maxMs: Math.round(Math.max(...latencies)),
				keys: latencies.length,
				goal: 'under 50 ms'
			});
			print({
				figure: 'big-plan-save-after-last-key',
				actions,
				ms: Math.round(saveMs),
				goal: 'under 1000 ms'
			});

			// 4. The review step, from the click on its link to the scorecard and charts on screen.
			const review: number[] = [];
			for (let run = 0; run < 2; run++) {
				review.push(await showStep(page, 'review', '#charts-title'));
				await showStep(page, 'overview', '#overview-title');
			}
			print({
				figure: 'big-plan-review-step-show',
				actions,
				ms: Math.round(Math.min(...review)),
				goal: 'under 2000 ms'
			});
		} finally {
			await context.close();
		}
	}
}
