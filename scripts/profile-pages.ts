// Where the main thread's time goes as a page about a draft opens: a CPU profile of each page (4x CPU
// slowdown, the sample plan on the device, the service worker serving the app) and its long tasks.
// Not part of the bench: a tool for finding long tasks. PROFILE_PAGES=/review,/merge; BUILD_DIR as serve.js.
//   npx node scripts/profile-pages.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.js';
import { CHROMIUM_ARGS, openSamplePlan, serveApp, untilServing } from './bench-setup.ts';

const PORT = Number(process.env.PROFILE_PORT ?? 4333);
const origin = `http://localhost:${PORT}`;
const pages = (
	process.env.PROFILE_PAGES ?? '/plan/overview,/plan/review,/review,/merge,/versions,/present'
).split(',');
const TOP = Number(process.env.PROFILE_TOP ?? 25);

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}

// An unminified build (vite build --minify false) names each module in a comment before its code.
const sources = new Map<string, string[]>();
function sourceOf(url: string, line: number): string | undefined {
	if (!url.startsWith(origin)) return undefined;
	const path = join(process.env.BUILD_DIR ?? 'build', new URL(url).pathname);
	if (!sources.has(path)) {
		let lines: string[] = [];
		try {
			lines = readFileSync(path, 'utf8').split('\n');
		} catch {
			// not a file of the build
		}
		sources.set(path, lines);
	}
	const lines = sources.get(path)!;
	for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
		const m = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(lines[i]);
		if (m) return m[1].replace(/^node_modules\//, '').replace(/^src\/lib\//, '');
	}
	return undefined;
}

const server = serveApp(PORT, { sync: false });
const profile = mkdtempSync(join(tmpdir(), 'nap-profile-'));
try {
	await untilServing(origin);
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: CHROMIUM_ARGS
	});
	await context.addInitScript(() => {
		const w = window as unknown as { __long: { start: number; duration: number }[] };
		w.__long = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__long.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
		}).observe({ type: 'longtask', buffered: true });
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const id = await openSamplePlan(page, origin);
	await page.waitForTimeout(2000);
	for (const path of pages) {
		await page.goto('about:blank');
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		const t0 = Date.now();
		await page.goto(`${origin}${path}?id=${id}`);
		await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 5000));
		const { profile: prof } = (await cdp.send('Profiler.stop')) as unknown as {
			profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
		};
		const long = await page.evaluate(
			() => (window as unknown as { __long: { start: number; duration: number }[] }).__long
		);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await cdp.detach();
		const byId = new Map(prof.nodes.map((n) => [n.id, n]));
		const parent = new Map<number, number>();
		for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const name = (n: Node) => {
			const f = n.callFrame;
			const file = f.url.replace(/^.*\//, '');
			return `${f.functionName || '(anon)'} ${sourceOf(f.url, f.lineNumber) ?? file}:${f.lineNumber + 1}`;
		};
		const self = new Map<string, number>();
		const total = new Map<string, number>();
		for (let i = 0; i < prof.samples.length; i++) {
			const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
			const node = byId.get(prof.samples[i])!;
			const key = name(node);
			self.set(key, (self.get(key) ?? 0) + dt);
			const seen = new Set<string>();
			for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
				const k = name(byId.get(at)!);
				if (seen.has(k)) continue;
				seen.add(k);
				total.set(k, (total.get(k) ?? 0) + dt);
			}
		}
		const top = (m: Map<string, number>) =>
			[...m]
				.filter(([k]) => !/^\((idle|program|root|garbage collector)\)/.test(k))
				.sort((a, b) => b[1] - a[1])
				.slice(0, TOP)
				.map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
				.join('\n');
		// The busy stretches (contiguous samples that are not idle), each with what it spent its time in.
		const stretches: {
			start: number;
			ms: number;
			self: Map<string, number>;
			total: Map<string, number>;
		}[] = [];
		let clock = 0;
		let current: (typeof stretches)[number] | undefined;
		for (let i = 0; i < prof.samples.length; i++) {
			clock += prof.timeDeltas[i] / 1000;
			const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
			const node = byId.get(prof.samples[i])!;
			if (node.callFrame.functionName === '(idle)' || dt > 20) {
				current = undefined;
				continue;
			}
			if (!current)
				stretches.push((current = { start: clock, ms: 0, self: new Map(), total: new Map() }));
			current.ms += dt;
			const key = name(node);
			current.self.set(key, (current.self.get(key) ?? 0) + dt);
			const seen = new Set<string>();
			for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
				const k = name(byId.get(at)!);
				if (seen.has(k)) continue;
				seen.add(k);
				current.total.set(k, (current.total.get(k) ?? 0) + dt);
			}
		}
		const exclude = new RegExp(process.env.PROFILE_EXCLUDE ?? '^$');
		const brief = (m: Map<string, number>, n: number) =>
			[...m]
				.filter(([k]) => !/^\((idle|root)\)/.test(k) && !exclude.test(k))
				.sort((a, b) => b[1] - a[1])
				.slice(0, n)
				.map(([k, v]) => `${v.toFixed(0)} ${k}`)
				.join(' | ');
		const gc = [...self].filter(([k]) => k.startsWith('(garbage')).reduce((s, [, v]) => s + v, 0);
		console.log(`\n=== ${path} (${Date.now() - t0} ms wall)`);
		console.log(
			`long tasks: ${long.map((l) => `${l.duration}@${l.start}`).join(' ')}; blocking ${long.reduce((s, l) => s + Math.max(0, l.duration - 50), 0)} ms; gc ${gc.toFixed(0)} ms`
		);
		for (const s of stretches.filter((s) => s.ms > 50))
			console.log(
				`* ${s.ms.toFixed(0)} ms at ${s.start.toFixed(0)}\n    self: ${brief(s.self, 8)}\n    total: ${brief(s.total, 14)}`
			);
		console.log(`-- self\n${top(self)}`);
		console.log(`-- total\n${top(total)}`);
	}
	await context.close();
} finally {
	server.kill();
	rmSync(profile, { recursive: true, force: true });
}
