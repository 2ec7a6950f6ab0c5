// Lighthouse 13 scores (performance, accessibility, best practices) of the built app, with Debian's
// Chromium driven through its debugging port. Lighthouse's default settings: a mid-range phone on a
// throttled 4G connection, simulated: the conditions of an old workshop laptop on hotel Wi-Fi.
// The home, start and import pages are audited on a first visit; the pages about a draft with the sample plan on
// the device (storage kept, so the service worker installed when the plan was made serves them).
// Each page three times: the median of each figure is printed, beside its goal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.js';
import { CHROMIUM_ARGS, openSamplePlan } from './bench-setup.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export async function lighthouseFigures(
	origin: string,
	env: Record<string, string>
): Promise<void> {
	const port = 9300 + Math.floor(Math.random() * 500);
	const profile = mkdtempSync(join(tmpdir(), 'nap-lighthouse-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`]
	});
	const version = context.browser()?.version() ?? '';
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const id = await openSamplePlan(page, origin);
		await page.goto('about:blank');

		// Every page the app has: the three first-visit pages (home, start, import), and with the sample plan on the device the
		// wizard (its first step and the review step), review mode, merge, versions and workshop mode.
		const draft = { disableStorageReset: true };
		const audits: [string, Flags][] = [
			['/', {}],
			['/new', {}],
			['/import', {}],
			[`/plan/overview?id=${id}`, draft],
			[`/plan/review?id=${id}`, draft],
			[`/review?id=${id}`, draft],
			[`/merge?id=${id}`, draft],
			[`/versions?id=${id}`, draft],
			[`/present?id=${id}`, draft]
		];
		const RUNS = 3; // the median of three, so that a figure is not a lucky run
		// LIGHTHOUSE_PAGES=/,/plan/review audits only those pages (while working on them).
		const chosen = process.env.LIGHTHOUSE_PAGES?.split(',').filter(Boolean);
		for (const [path, flags] of audits) {
			if (chosen && !chosen.includes(path.replace(/\?id=.*/, ''))) continue;
			const runs: {
				scores: Record<string, number>;
				fcp: number;
				lcp: number;
				tbt: number;
				cls: number;
				version: string;
			}[] = [];
			for (let run = 0; run < RUNS; run++) {
				const result = await lighthouse(`${origin}${path}`, {
					port,
					logLevel: 'error',
					output: 'json',
					onlyCategories: [...CATEGORIES],
					...flags
				});
				if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
				// LIGHTHOUSE_SAVE=<folder>: each run's report as JSON, for its long tasks and main-thread breakdown.
				if (process.env.LIGHTHOUSE_SAVE)
					writeFileSync(
						join(
							process.env.LIGHTHOUSE_SAVE,
							`${path.replace(/\?id=.*/, '').replace(/\W+/g, '_') || 'home'}-${run}.json`
						),
						JSON.stringify(result.lhr)
					);
				const metric = (audit: string) => result.lhr.audits[audit]?.numericValue ?? 0;
				runs.push({
					scores: Object.fromEntries(
						CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)])
					),
					fcp: metric('first-contentful-paint'),
					lcp: metric('largest-contentful-paint'),
					tbt: metric('total-blocking-time'),
					cls: metric('cumulative-layout-shift'),
					version: result.lhr.lighthouseVersion
				});
			}
			const mid = (values: number[]) =>
				[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
			const page = path.replace(/\?id=.*/, '');
			console.log(
				JSON.stringify({
					figure: 'lighthouse',
					page,
					runs: RUNS,
					...Object.fromEntries(CATEGORIES.map((c) => [c, mid(runs.map((r) => r.scores[c]))])),
					fcpMs: Math.round(mid(runs.map((r) => r.fcp))),
					lcpMs: Math.round(mid(runs.map((r) => r.lcp))),
					tbtMs: Math.round(mid(runs.map((r) => r.tbt))),
					cls: Math.round(mid(runs.map((r) => r.cls)) * 1000) / 1000,
					goal: `performance 98 or more, LCP under 1500 ms, CLS under 0.02${page === '/plan/review' ? ', TBT under 100 ms' : ''}`,
					...env,
					chromium: version,
					lighthouse: runs[0].version
				})
			);
		}
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
