// Profiling aid (not a bench figure): the cold open of a shared 300-action draft as bench part 7 times
// it, per run, with the page's performance marks named 'cold:…' (none in the app as committed: add
// `performance.mark('cold:<step>')` where you measure, in a build of your own), and a Chrome trace of
// the last run when TRACE=<file>. Run: BENCH_PORT=… BUILD_DIR=… BENCH_RUNS=5 npx node scripts/profile-cold.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveApp, sharedGeneratedDraft, untilServing } from './bench-setup.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4310);
const origin = `http://localhost:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'nap-prof-'));
const server = serveApp(PORT, { dir });
const browser = await launchChromium();
try {
	await untilServing(origin);
	const { owner, url } = await sharedGeneratedDraft(browser, origin, dir);
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
