// The main thread's tasks as a page about a draft opens, by the CPU time each took (a trace's thread
// time, which another process on a busy machine does not lengthen as it does the wall time), times 4
// as Lighthouse's simulated mobile CPU counts them: the long tasks, and their total time over 50 ms
// after the first paint (an estimate of Lighthouse's total blocking time on a quiet machine).
// Not part of the bench: a tool for comparing builds. BUILD_DIR as serve.js; TRACE_PAGES=/review,/merge.
//   npx node scripts/trace-pages.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.js';
import { CHROMIUM_ARGS, openSamplePlan, serveApp, untilServing } from './bench-setup.ts';

const PORT = Number(process.env.TRACE_PORT ?? 4343);
const origin = `http://localhost:${PORT}`;
const pages = (
	process.env.TRACE_PAGES ?? '/plan/overview,/plan/review,/review,/merge,/versions,/present'
).split(',');
const RUNS = Number(process.env.TRACE_RUNS ?? 3);
const SLOWDOWN = 4;

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tdur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; frame?: string; data?: { frame?: string } };
}

const server = serveApp(PORT, { sync: false });
const profile = mkdtempSync(join(tmpdir(), 'nap-trace-'));
try {
	await untilServing(origin);
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: CHROMIUM_ARGS
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const id = await openSamplePlan(page, origin);
	await page.waitForTimeout(2000);
	for (const path of pages) {
		const figures: { tbt: number; long: string }[] = [];
		for (let run = 0; run < RUNS; run++) {
			await page.goto('about:blank');
			const cdp = await context.newCDPSession(page);
			const events: TraceEvent[] = [];
			cdp.on('Tracing.dataCollected', ({ value }) =>
				events.push(...(value as unknown as TraceEvent[]))
			);
			const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
			await cdp.send('Tracing.start', {
				categories: 'devtools.timeline,loading,toplevel,disabled-by-default-devtools.timeline',
				transferMode: 'ReportEvents'
			});
			await page.goto(`${origin}${path}?id=${id}`);
			await page.waitForTimeout(Number(process.env.TRACE_WAIT ?? 4000));
			await cdp.send('Tracing.end');
			await done;
			await cdp.detach();
			const main = events.find(
				(e) =>
					e.name === 'thread_name' &&
					e.args?.name === 'CrRendererMain' &&
					events.some((f) => f.pid === e.pid && f.name === 'firstContentfulPaint')
			);
			if (!main) throw new Error('No renderer main thread in the trace');
			const fcp = events.find((e) => e.pid === main.pid && e.name === 'firstContentfulPaint')!.ts;
			const tasks = events
				.filter(
					(e) =>
						e.pid === main.pid &&
						e.tid === main.tid &&
						e.ph === 'X' &&
						(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
				)
				.sort((a, b) => a.ts - b.ts);
			// A task is recorded under both names, one inside the other: each once.
			let end = 0;
			let tbt = 0;
			const long: string[] = [];
			for (const task of tasks) {
				if (task.ts < end) continue;
				end = task.ts + (task.dur ?? 0);
				const ms = ((task.tdur ?? task.dur ?? 0) / 1000) * SLOWDOWN;
				if (ms <= 50) continue;
				const at = Math.round((task.ts - fcp) / 1000);
				long.push(`${Math.round(ms)}@${at}`);
				if (task.ts >= fcp) tbt += ms - 50;
			}
			figures.push({ tbt: Math.round(tbt), long: long.join(' ') });
		}
		const sorted = [...figures].sort((a, b) => a.tbt - b.tbt);
		console.log(
			`${path}: cpu-TBT median ${sorted[Math.floor(RUNS / 2)].tbt} ms (${figures.map((f) => f.tbt).join(', ')})`
		);
		for (const f of figures) console.log(`   long (ms×4 @ ms from first paint): ${f.long}`);
	}
	await context.close();
} finally {
	server.kill();
	rmSync(profile, { recursive: true, force: true });
}
