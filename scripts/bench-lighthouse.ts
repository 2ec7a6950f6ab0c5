// Lighthouse 13 scores (performance, accessibility, best practices) of the built app, with Debian's
// Chromium driven through its debugging port. Lighthouse's default settings: a mid-range phone on a
// throttled 4G connection, simulated: the conditions of an old workshop laptop on hotel Wi-Fi.
// The home and start pages are audited on a first visit; two wizard steps with the sample plan on the
// device (storage kept, so the service worker installed when the plan was made serves them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export async function lighthouseFigures(origin: string, env: Record<string, string>): Promise<void> {
	const port = 9300 + Math.floor(Math.random() * 500);
	const profile = mkdtempSync(join(tmpdir(), 'nap-lighthouse-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--remote-debugging-port=${port}`]
	});
	const version = context.browser()?.version() ?? '';
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${origin}/`);
		await page.locator('#sample-plan').click();
		await page.waitForURL(/\/plan\/overview\?id=/);
		const id = new URL(page.url()).searchParams.get('id');
		await page.goto('about:blank');

		const audits: [string, Flags][] = [
			['/', {}],
			['/new', {}],
			[`/plan/overview?id=${id}`, { disableStorageReset: true }],
			[`/plan/review?id=${id}`, { disableStorageReset: true }]
		];
		for (const [path, flags] of audits) {
			const result = await lighthouse(`${origin}${path}`, { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES], ...flags });
			if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
			const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]));
			const metric = (audit: string) => Math.round(result.lhr.audits[audit]?.numericValue ?? 0);
			console.log(
				JSON.stringify({
					figure: 'lighthouse',
					page: path.replace(/\?id=.*/, ''),
					...scores,
					fcpMs: metric('first-contentful-paint'),
					lcpMs: metric('largest-contentful-paint'),
					tbtMs: metric('total-blocking-time'),
					cls: result.lhr.audits['cumulative-layout-shift']?.numericValue,
					goal: '95 or better each',
					...env,
					chromium: version,
					lighthouse: result.lhr.lighthouseVersion
				})
			);
		}
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
