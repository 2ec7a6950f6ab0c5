// What the bench and the profiling scripts share: the built app served as `npm start` serves it
// (serve.js, BUILD_DIR as it reads it), Chromium started the same way, and the drafts they measure.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from './chromium.js';
import { generatedPlan } from './generated-plan.ts';
import { importDraft } from './bench-big.ts';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run'
];

/** serve.js on `port`, with the sync server's data file in `dir` (or no sync server: `sync: false`). */
export function serveApp(
	port: number,
	options: { dir?: string; sync?: boolean } = {}
): ChildProcess {
	const sync =
		options.sync === false
			? { SYNC: 'off' }
			: {
					SYNC_DATA_FILE: join(options.dir!, 'sync.sqlite'),
					SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR: '1000'
				};
	return spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), ...sync },
		stdio: 'ignore'
	});
}

/** Waits (up to 10 s) until the app answers at `origin`. */
export async function untilServing(origin: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const up = await fetch(origin).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 100));
	}
}

export const launchChromium = (): Promise<Browser> =>
	chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** A generated plan of `actions` actions, shared by its owner: the owner's context and an invitation link. */
export async function sharedGeneratedDraft(
	browser: Browser,
	origin: string,
	dir: string,
	actions = 300
): Promise<{ owner: BrowserContext; url: string }> {
	const owner = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
	const page = await owner.newPage();
	const file = join(dir, `plan-shared-${actions}.nap.json`);
	writeFileSync(file, JSON.stringify(generatedPlan(actions)));
	const id = await importDraft(page, file);
	await page.goto(`/plan/overview?id=${id}`);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await page.getByRole('button', { name: 'Share this draft' }).click();
	await page.getByRole('textbox', { name: 'Who is it for? (optional)' }).fill('Bench');
	await page.getByRole('button', { name: 'Create an invitation link' }).click();
	const link = page.getByRole('textbox', { name: 'Invitation link for Bench' });
	await link.waitFor({ timeout: 60_000 });
	return { owner, url: await link.inputValue() };
}

/** Makes the sample plan on the device and waits for the service worker: the draft's id. */
export async function openSamplePlan(page: Page, origin: string): Promise<string> {
	await page.goto(`${origin}/`);
	await page.getByRole('button', { name: 'Try a sample plan' }).click();
	await page.waitForURL(/\/plan\/overview\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.evaluate(() => navigator.serviceWorker.ready);
	return id;
}
