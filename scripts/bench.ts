// npm run bench: performance figures, one JSON line each (not a test: nothing here passes or fails).
// Word export time in Node for generated plans of 50, 300 and 1,000 actions, the progress report of a
// plan of 300 actions reported on over five periods, then the figures measured in Chromium on the
// built app (bench-browser.ts).
import { Packer } from 'docx';
import { buildDocument, buildReport } from '../src/lib/export/docx.ts';
import { generatedPlan, withProgress } from './generated-plan.ts';
import { browserFigures } from './bench-browser.ts';
import { importNodeFigures } from './bench-import.ts';

const env = { node: process.version };
// `npm run bench -- big lighthouse` runs only those parts: node, report, browser, big, shared,
// lighthouse, sync, import, workbook.
const only = process.argv.slice(2);
const wanted = (part: string) => only.length === 0 || only.includes(part);

/** The fastest of `repeat` runs after a warm-up, in ms of the clock, and of the process's CPU time (all
 * its threads, the garbage collector's too): on a shared machine the CPU time holds still where the
 * clock does not, so compare before and after by it there. */
async function timed(
	run: () => Promise<unknown>,
	repeat = 3
): Promise<{ ms: number; cpuMs: number }> {
	await run(); // warm up
	const cpu = () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1000;
	};
	const times: number[] = [];
	const cpuTimes: number[] = [];
	for (let i = 0; i < repeat; i++) {
		const start = performance.now();
		const startCpu = cpu();
		await run();
		times.push(performance.now() - start);
		cpuTimes.push(cpu() - startCpu);
	}
	return { ms: Math.round(Math.min(...times)), cpuMs: Math.round(Math.min(...cpuTimes)) };
}

async function time(run: () => Promise<unknown>, repeat = 3): Promise<number> {
	return (await timed(run, repeat)).ms;
}

for (const actions of wanted('node') ? [50, 300, 1000] : []) {
	const plan = generatedPlan(actions);
	let bytes = 0;
	const { ms, cpuMs } = await timed(
		async () => (bytes = (await Packer.toBuffer(buildDocument(plan, { language: 'en' }))).length)
	);
	console.log(
		JSON.stringify({
			figure: 'word-export-node',
			actions,
			ms,
			cpuMs,
			bytes,
			goal: actions === 300 ? 'under 300 ms' : actions === 1000 ? 'under 1000 ms' : undefined,
			...env
		})
	);
}

// The import of a previous plan's Word file (bench-import.ts): with the node figures, or alone as `import`.
if (wanted('node') || wanted('import'))
	await importNodeFigures((figure) => console.log(JSON.stringify({ ...figure, ...env })));

if (wanted('node') || only.includes('workbook'))
	await (await import('./bench-workbook.ts')).workbookFigures(env);

if (wanted('node') || wanted('report')) {
	// The report of the last period: its figures, and spending to date over all five.
	const actions = 300;
	const periods = 5;
	const plan = withProgress(generatedPlan(actions), periods);
	let bytes = 0;
	const ms = await time(
		async () =>
			(bytes = (
				await Packer.toBuffer(buildReport(plan, { language: 'en', period: String(2026 + periods) }))
			).length)
	);
	console.log(
		JSON.stringify({
			figure: 'progress-report-node',
			actions,
			periods,
			entries: plan.progress.actions.length + plan.progress.indicators.length,
			ms,
			bytes,
			goal: 'under 1000 ms',
			...env
		})
	);
}

if (
	only.length === 0 ||
	only.some((part) => !['node', 'report', 'sync', 'workbook'].includes(part))
)
	await browserFigures(env, only);
if (only.length === 0 || only.includes('sync'))
	await (await import('./bench-sync.ts')).syncFigures(env);
