// The import of a previous plan (issue 16): the app's own Word export of a 300-action plan, read,
// mapped and built into a plan, in Node (the pure core) and in Chromium (the import page, from
// choosing the file to the preview, with the longest the page went without a frame meanwhile).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import type { Browser } from '@playwright/test';
import { buildDocument } from '../src/lib/export/docx.ts';
import { buildFrom, readFile } from '../src/lib/import/read.ts';
import { generatedPlan } from './generated-plan.ts';

type Print = (figure: Record<string, unknown>) => void;

async function wordFile(actions: number): Promise<Uint8Array> {
	const plan = generatedPlan(actions);
	return new Uint8Array(await Packer.toBuffer(buildDocument(plan, { language: 'en' })));
}

/** In Node: reading the file and proposing the mapping, then building the plan. */
export async function importNodeFigures(print: Print): Promise<void> {
	const bytes = await wordFile(300);
	const times: { read: number; build: number }[] = [];
	for (let run = 0; run < 4; run++) {
		const start = performance.now();
		const read = await readFile(bytes, 'plan-300.docx', 'en');
		const built = performance.now();
		if (!read.ok) throw new Error(`The 300-action export does not import: ${read.error}`);
		const result = buildFrom(read.structure, read.mapping, 'plan-300.docx');
		if (!result.ok) throw new Error(`The 300-action export does not build: ${result.error}`);
		times.push({ read: built - start, build: performance.now() - built });
	}
	const best = times.slice(1).sort((a, b) => a.read + a.build - (b.read + b.build))[0];
	print({
		figure: 'import-word-node',
		actions: 300,
		bytes: bytes.length,
		readMs: Math.round(best.read),
		buildMs: Math.round(best.build),
		goal: 'under 2000 ms in all'
	});
}

/** In Chromium: from choosing the file on the import page to its preview, and the page's longest frame gap. */
export async function importBrowserFigures(
	browser: Browser,
	origin: string,
	dir: string,
	print: Print
): Promise<void> {
	const file = join(dir, 'plan-300.docx');
	writeFileSync(file, await wordFile(300));
	const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
	const page = await context.newPage();
	const runs: { ms: number; gap: number }[] = [];
	for (let run = 0; run < 3; run++) {
		await page.goto('/import');
		await page.locator('#import-file').waitFor({ state: 'attached' });
		await page.evaluate(() => {
			const w = window as unknown as { gaps: number[] };
			w.gaps = [];
			let last = performance.now();
			const frame = () => {
				const now = performance.now();
				w.gaps.push(now - last);
				last = now;
				requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
		const start = Date.now();
		await page.locator('#import-file').setInputFiles(file);
		await page.locator('#create-draft').waitFor({ timeout: 120_000 });
		const ms = Date.now() - start;
		const gaps = await page.evaluate(() => (window as unknown as { gaps: number[] }).gaps);
		runs.push({ ms, gap: Math.max(...gaps) });
	}
	const best = runs.sort((a, b) => a.ms - b.ms)[0];
	print({
		figure: 'import-word-chromium',
		actions: 300,
		ms: best.ms,
		longestFrameGapMs: Math.round(Math.max(...runs.map((r) => r.gap))),
		goal: 'under 2000 ms, the page responsive throughout'
	});
	await context.close();
}
