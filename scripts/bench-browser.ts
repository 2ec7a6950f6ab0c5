// The figures measured in Chromium on the built app (build/, served as `npm start` serves it):
// first-load bytes, Word export, autosave write, opening a draft, and typing latency.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { generatedPlan } from './generated-plan.ts';
import { lighthouseFigures } from './bench-lighthouse.ts';
import { bigPlanFigures, importDraft } from './bench-big.ts';
import { importBrowserFigures } from './bench-import.ts';
import { launchChromium, serveApp, sharedGeneratedDraft, untilServing } from './bench-setup.ts';

// BENCH_PORT: the machine may be shared, and another server may hold the default port. BUILD_DIR (read
// by serve.js too) measures another build, e.g. a copy of the one before a change.
const PORT = Number(process.env.BENCH_PORT ?? 4310);
const origin = `http://localhost:${PORT}`;
const print = (figure: Record<string, unknown>, env: Record<string, string>) =>
	console.log(JSON.stringify({ ...figure, ...env }));
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The browser figures; `only` names the parts to run (all of them when empty): browser, big, shared, lighthouse. */
export async function browserFigures(
	nodeEnv: Record<string, string>,
	only: string[] = []
): Promise<void> {
	const wanted = (part: string) => only.length === 0 || only.includes(part);
	const dir = mkdtempSync(join(tmpdir(), 'nap-bench-'));
	const server = serveApp(PORT, { dir });
	const browser = await launchChromium();
	const env = { ...nodeEnv, chromium: browser.version() };
	try {
		await untilServing(origin);

		if (wanted('browser')) {
			// 1. JavaScript and CSS the first page load needs, gzipped as a server would send them.
			{
				const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
				const page = await context.newPage();
				const files = new Set<string>();
				page.on('response', (response) => {
					const type = response.request().resourceType();
					if ((type === 'script' || type === 'stylesheet') && response.url().startsWith(origin))
						files.add(new URL(response.url()).pathname);
				});
				await page.goto('/');
				await page.waitForLoadState('networkidle');
				const bytes = [...files].reduce(
					(sum, path) =>
						sum + gzipSync(readFileSync(join(process.env.BUILD_DIR ?? 'build', path))).length,
					0
				);
				print(
					{
						figure: 'first-load-js-css-gzip',
						kb: Math.round(bytes / 102.4) / 10,
						files: files.size,
						goal: 'at most 80 KB'
					},
					env
				);
				await context.close();
			}

			const context = await browser.newContext({
				baseURL: origin,
				serviceWorkers: 'block',
				acceptDownloads: true
			});
			const page = await context.newPage();
			const ids = new Map<number, string>();
			for (const actions of [50, 300, 1000]) {
				const file = join(dir, `plan-${actions}.nap.json`);
				writeFileSync(file, JSON.stringify(generatedPlan(actions)));
				ids.set(actions, await importDraft(page, file));
			}

			// 2. Word export in the browser, from the click to the file: the user's wait.
			for (const [actions, id] of ids) {
				await page.goto(`/plan/review?id=${id}`);
				await page.locator('#export-button').waitFor();
				const times: number[] = [];
				for (let run = 0; run < 2; run++) {
					const downloading = page.waitForEvent('download', { timeout: 120_000 });
					const start = Date.now();
					await page.locator('#export-button').click();
					await downloading;
					times.push(Date.now() - start);
				}
				print(
					{
						figure: 'word-export-chromium',
						actions,
						ms: Math.min(...times),
						goal: actions === 300 ? 'under 500 ms' : undefined
					},
					env
				);
			}

			// 3. The autosave write of a 300-action plan: what a flush does (serialise to compare, then store).
			{
				await page.goto('/');
				const plan = readFileSync(join(dir, 'plan-300.nap.json'), 'utf8');
				const ms = await page.evaluate(async (text) => {
					const plan = JSON.parse(text);
					const db = await new Promise<IDBDatabase>((resolve, reject) => {
						const open = indexedDB.open('nap-builder'); // whatever version the app created
						open.onsuccess = () => resolve(open.result);
						open.onerror = () => reject(open.error);
					});
					const times: number[] = [];
					for (let run = 0; run < 5; run++) {
						const start = performance.now();
						JSON.stringify(plan);
						await new Promise((resolve, reject) => {
							const tx = db.transaction('drafts', 'readwrite');
							tx.objectStore('drafts').put({ ...plan, id: 'bench-autosave' });
							tx.oncomplete = resolve;
							tx.onerror = () => reject(tx.error);
						});
						times.push(performance.now() - start);
					}
					return Math.round(Math.min(...times) * 10) / 10;
				}, plan);
				print({ figure: 'autosave-write', actions: 300, ms, goal: 'under 50 ms' }, env);
			}

			// 4. Opening the 300-action draft from the drafts list, until its first step is on screen.
			{
				const times: number[] = [];
				for (let run = 0; run < 3; run++) {
					await page.goto('/');
					const link = page.locator(`#open-${ids.get(300)}`);
					await link.waitFor();
					const start = Date.now();
					await link.click();
					await page.locator('#overview-title').waitFor();
					times.push(Date.now() - start);
				}
				print({ figure: 'draft-open', actions: 300, ms: Math.min(...times) }, env);
			}

			// 5. Typing latency on the actions step of the 300-action plan: from the key to the next frame.
			{
				await page.goto(`/plan/actions?id=${ids.get(300)}`);
				const field = page.locator('textarea[id^="action-"]').first();
				await field.waitFor();
				await field.focus();
				await page.evaluate(() => {
					const w = window as unknown as { latencies: number[] };
					w.latencies = [];
					addEventListener(
						'keydown',
						(event) => {
							const start = event.timeStamp;
							requestAnimationFrame(() =>
								setTimeout(() => w.latencies.push(performance.now() - start))
							);
						},
						true
					);
				});
				await page.keyboard.type('Typing in a plan of three hundred actions', { delay: 60 });
				await page.waitForTimeout(300);
				const latencies = await page.evaluate(
					() => (window as unknown as { latencies: number[] }).latencies
				);
				print(
					{
						figure: 'typing-latency',
						actions: 300,
						medianMs: Math.round(median(latencies)),
						maxMs: Math.round(Math.max(...latencies)),
						keys: latencies.length,
						goal: 'under 50 ms'
					},
					env
				);
			}
			await context.close();
		}

		// Starting from a previous plan (the part `import`): a 300-action Word file on the import page (bench-import.ts).
		if (wanted('import'))
			await importBrowserFigures(browser, origin, dir, (figure) => print(figure, env));

		// 6. Plans of 1,000 and 3,000 actions (bench-big.ts): showing the actions and review steps, typing, saving.
		if (wanted('big')) await bigPlanFigures(browser, origin, dir, (figure) => print(figure, env));

		// 7. A shared 300-action draft opened cold on a new device: from opening the invitation link to
		// the plan on screen (as the server read it out, read only), and to its fields taking typing (the
		// documents fetched over the socket, kept on the device and applied); then opened again on that
		// device, from its own copy.
		if (wanted('shared')) {
			const { owner, url } = await sharedGeneratedDraft(browser, origin, dir);
			const titled = (p: Page) =>
				p.waitForFunction(
					() => !!document.querySelector<HTMLInputElement>('#overview-title')?.value,
					undefined,
					{ timeout: 60_000 }
				);
			const editable = (p: Page) =>
				p.waitForFunction(
					() =>
						document
							.querySelector<HTMLInputElement>('#overview-title')
							?.matches(':enabled:not([readonly])'),
					undefined,
					{ timeout: 60_000 }
				);
			const cold: number[] = [];
			const coldEditable: number[] = [];
			const warm: number[] = [];
			// BENCH_RUNS: more runs give a steadier median on a busy machine.
			const runs = Number(process.env.BENCH_RUNS ?? 3);
			for (let run = 0; run < runs; run++) {
				const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
				const device = await context.newPage();
				await device.goto('/'); // the app itself loaded: what is timed is the draft
				const start = Date.now();
				await device.goto(url);
				await titled(device);
				cold.push(Date.now() - start);
				await editable(device);
				coldEditable.push(Date.now() - start);
				const again = Date.now();
				await device.reload();
				await titled(device);
				warm.push(Date.now() - again);
				await context.close();
			}
			print(
				{
					figure: 'shared-draft-cold-open',
					actions: 300,
					ms: Math.min(...cold),
					medianMs: median(cold),
					goal: 'under 1000 ms'
				},
				env
			);
			print(
				{
					figure: 'shared-draft-cold-editable',
					actions: 300,
					ms: Math.min(...coldEditable),
					medianMs: median(coldEditable)
				},
				env
			);
			print({ figure: 'shared-draft-reopen', actions: 300, ms: Math.min(...warm) }, env);
			await owner.close();
		}

		// 8. Lighthouse scores.
		if (wanted('lighthouse')) await lighthouseFigures(origin, nodeEnv);
	} finally {
		await browser.close();
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}
