// Profiling aid (not a bench figure): the cold open of a shared 300-action draft as bench part 7 times
// it, per run, with the page's performance marks named 'cold:…' (none in the app as committed: add
// `performance.mark('cold:<step>')` where you measure, in a build of your own), and a Chrome trace of
// the last run when TRACE=<file>. Run: BENCH_PORT=… BUILD_DIR=… BENCH_RUNS=5 npx node scripts/profile-cold.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.js';
import { generatedPlan } from './generated-plan.ts';
import { importDraft } from './bench-big.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4310);
const origin = `http://localhost:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'nap-prof-'));
const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: {
		...process.env,
		PORT: String(PORT),
		SYNC_DATA_FILE: join(dir, 'sync.sqlite'),
		SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR: '1000'
	},
	stdio: 'ignore'
});
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run'
	]
});
try {
	for (
		let i = 0;
		i < 100 &&
		(await fetch(origin).then(
			(r) => r.status,
			() => 0
		)) !== 200;
		i++
	)
		await new Promise((r) => setTimeout(r, 100));
	const owner = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
	const page = await owner.newPage();
	const file = join(dir, 'plan-shared-300.nap.json');
	writeFileSync(file, JSON.stringify(generatedPlan(300)));
	const id = await importDraft(page, file);
	await page.goto(`/plan/overview?id=${id}`);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await page.getByRole('button', { name: 'Share this draft' }).click();
	await page.getByRole('textbox', { name: 'Who is it for? (optional)' }).fill('Bench');
	await page.getByRole('button', { name: 'Create an invitation link' }).click();
	const link = page.getByRole('textbox', { name: 'Invitation link for Bench' });
	await link.waitFor({ timeout: 60_000 });
	const url = await link.inputValue();
	const runs = Number(process.env.BENCH_RUNS ?? 5);
	const totals: number[] = [];
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
		const device = await context.newPage();
		await device.goto('/');
		const tracing = process.env.TRACE && run === runs - 1;
		if (tracing)
			await browser.startTracing(device, { path: process.env.TRACE, screenshots: false });
		const start = Date.now();
		await device.goto(url);
		await device.waitForFunction(
			() => !!document.querySelector<HTMLInputElement>('#overview-title')?.value,
			undefined,
			{ timeout: 60_000, polling: 'raf' }
		);
		const total = Date.now() - start;
		totals.push(total);
		if (tracing) await browser.stopTracing();
		const marks = await device.evaluate(() =>
			performance
				.getEntriesByType('mark')
				.filter((m) => m.name.startsWith('cold:'))
				.map((m) => `${m.name.slice(5)}=${Math.round(m.startTime)}`)
				.join(' ')
		);
		console.log(`run ${run}: ${total} ms | ${marks}`);
		await context.close();
	}
	const sorted = [...totals].sort((a, b) => a - b);
	console.log(JSON.stringify({ min: sorted[0], median: sorted[Math.floor(sorted.length / 2)] }));
	await owner.close();
} finally {
	await browser.close();
	server.kill();
	rmSync(dir, { recursive: true, force: true });
}
