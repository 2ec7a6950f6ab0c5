// A crash while typing: the browser is killed (SIGKILL, no unload, no flush) right after a burst of
// typing. Reopened on the same profile, the draft holds everything typed up to about a second before.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const BURST = 'Every ministry reports twice a year to parliament on each action of the plan.';
/** How much typing the autosave may put at risk: the promise. */
const AT_RISK_MS = 1000;

/** The browser's main process: the one started with this profile that is not a child (no --type=). */
function browserPid(profile: string): number {
	for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
		let cmdline: string;
		try {
			cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
		} catch {
			continue; // the process ended meanwhile
		}
		const args = cmdline.split('\0');
		if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type=')))
			return Number(entry);
	}
	throw new Error(`No browser process for ${profile}`);
}

test('a browser killed right after a burst of typing keeps everything typed up to a second before', async ({
	baseURL
}, testInfo) => {
	const profile = mkdtempSync(join(tmpdir(), 'nap-crash-'));
	const launch = () =>
		chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL });
	try {
		let context = await launch();
		let page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		await page.getByRole('button', { name: en.get('home.sample')! }).click();
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);
		const address = page.url();
		const vision = page.getByRole('textbox', {
			name: en.get('fields.overview.vision')!,
			exact: true
		});
		await vision.fill('Start.');
		await waitForSaved(page);

		// A burst of typing with no pause the 400 ms save delay would wait for: a key every 60 ms or so.
		await vision.press('End');
		const typedAt: number[] = [];
		for (const key of BURST) {
			await page.keyboard.type(key);
			typedAt.push(Date.now());
			await page.waitForTimeout(40);
		}
		const pid = browserPid(profile);
		const closed = context.waitForEvent('close');
		const killedAt = Date.now();
		process.kill(pid, 'SIGKILL');
		await closed;

		context = await launch();
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(address);
		const reopened = page.getByRole('textbox', {
			name: en.get('fields.overview.vision')!,
			exact: true
		});
		await expect(reopened).toBeVisible();
		const kept = await reopened.inputValue();
		const survived = kept.length - 'Start.'.length;
		const due = typedAt.filter((at) => at <= killedAt - AT_RISK_MS).length;
		testInfo.annotations.push({
			type: 'survived',
			description: `${survived} of ${BURST.length} characters typed over ${typedAt.at(-1)! - typedAt[0]} ms; ${due} were typed more than ${AT_RISK_MS} ms before the kill`
		});
		console.log(`crash: ${survived} of ${BURST.length} characters survived (${due} due)`);
		expect(kept, 'what was stored is what was typed, in order').toBe(
			'Start.' + BURST.slice(0, survived)
		);
		expect(survived, 'characters typed more than a second before the kill').toBeGreaterThanOrEqual(
			due
		);
		expect(due, 'the burst lasted well over a second').toBeGreaterThan(BURST.length / 2);
		await context.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
