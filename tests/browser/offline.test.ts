// Offline-first: installable, works with no network after one visit, and never leaves its origin.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { STEPS } from '../../src/lib/plan/completeness.ts';
import { chooseLanguage, gotoStep, strings, waitForSaved } from './helpers.ts';

/** Waits until the service worker has installed every file and controls the page. */
async function controlled(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit, the app works with no network: drafts, every step in each language, templates and the Word export', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	const draft = page.url();
	await controlled(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('#overview-country')).toHaveValue(/Lumeria/);
	await expect(page.locator('#network-status')).toHaveText(
		strings('en').get('app.status.offline')!
	);

	for (const language of ['en', 'fr', 'es']) {
		await chooseLanguage(page, language);
		const titles = strings(language);
		for (const step of STEPS) {
			await gotoStep(page, step);
			await expect(page.locator('#step-title')).toHaveText(
				titles.get(`wizard.steps.${step}.title`)!
			);
		}
	}

	// The Word export (docx, its worker and the export texts) comes from the cache too.
	await page.getByLabel(strings('es').get('wizard.export.language')!).selectOption('fr');
	const downloading = page.waitForEvent('download');
	await page.locator('#export-button').click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('nap-republic-of-lumeria-fr.docx');
	expect(
		readFileSync(await file.path())
			.subarray(0, 2)
			.toString()
	).toBe('PK');

	// A fresh load of the home page lists the draft; the template library opens.
	await page.goto('/');
	await expect(page.locator('table.drafts tbody tr')).toHaveCount(1);
	await page.locator('#new-plan').click();
	await expect(page.locator('input[name="ministries"]')).toHaveCount(6);
	await page.goto(draft);
	await expect(page.locator('#overview-country')).toHaveValue(/Lumeria/);
});

test('a full walk through the app makes no request to another origin and breaks no content security rule', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	const violations: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	page.on('pageerror', (error) => violations.push(error.message));

	await page.goto('/');
	await chooseLanguage(page, 'fr');
	await page.locator('#new-plan').click();
	await page.locator('input[name="ministries"][value="defence"]').check();
	await page.locator('input[name="regional"][value="santiago-2007"]').check();
	await page.locator('#create-plan').click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	for (const step of STEPS) await gotoStep(page, step);
	await gotoStep(page, 'pillars');
	await page.locator('#library-objectives').click();
	await expect(page.locator('#library-count')).toBeVisible();
	await page.keyboard.press('Escape');
	await gotoStep(page, 'review');
	const downloading = page.waitForEvent('download');
	await page.locator('#export-button').click();
	await downloading;
	await chooseLanguage(page, 'es');
	await page.goto('/');

	expect(requests.length).toBeGreaterThan(20);
	const elsewhere = requests.filter(
		(url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin
	);
	expect(elsewhere).toEqual([]);
	expect(violations).toEqual([]);
	// The pages carry a strict policy: scripts from the app itself (and hashed inline ones) only.
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toMatch(/default-src 'self'/);
	expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
	expect(csp).not.toMatch(/unsafe-eval|https?:/);
});

test('the manifest describes an installable app whose icons load, and the built service worker is registered', async ({
	page,
	request
}) => {
	await page.goto('/');
	await chooseLanguage(page, 'fr');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toMatch(/manifest-fr\.webmanifest$/);
	const response = await request.get(new URL(href!, page.url()).href);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'NAP Builder',
		short_name: 'NAP Builder',
		lang: 'fr',
		start_url: './',
		scope: './',
		display: 'standalone'
	});
	expect(manifest.description).toContain('plan d’action national');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = new Set<string>();
	for (const icon of manifest.icons) {
		const png = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
		expect(png.status(), icon.src).toBe(200);
		const bytes = await png.body();
		// PNG width and height, from the IHDR chunk.
		expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
		sizes.add(`${icon.sizes} ${icon.purpose}`);
	}
	expect([...sizes]).toEqual(
		expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
	);

	const registration = await page.evaluate(async () => {
		const r = await navigator.serviceWorker.ready;
		return { script: r.active?.scriptURL ?? '', scope: r.scope };
	});
	expect(new URL(registration.script).pathname).toBe('/service-worker.js');
	expect(new URL(registration.scope).pathname).toBe('/');
	const cached = await page.evaluate(async () =>
		(
			await Promise.all(
				(await caches.keys()).map(async (k) =>
					(await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)
				)
			)
		).flat()
	);
	for (const path of ['/', '/new', '/plan/actions', '/404.html', '/manifest-es.webmanifest'])
		expect(cached).toContain(path);
	expect(cached.some((p) => p.includes('/workers/export.worker'))).toBe(true);
});

test('a new version waits for the user, saves what they typed, then reloads into the same page', async ({
	browser
}) => {
	// A deployment of its own, so that this test can publish a "new version" without touching the others.
	const dir = mkdtempSync(join(tmpdir(), 'nap-update-'));
	cpSync('build', dir, { recursive: true });
	// Not 4190: browsers and fetch refuse that port (ManageSieve is on the "bad ports" list).
	const port = Number(process.env.TEST_PORT ?? 4174) + 126 + test.info().workerIndex;
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), BUILD_DIR: dir },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let serverErrors = '';
	server.stderr.on('data', (chunk) => (serverErrors += chunk));
	const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
	try {
		// Starting a second Node process takes a while on a machine busy with the other tests.
		await expect
			.poll(
				() =>
					fetch(`http://localhost:${port}/`).then(
						(r) => r.status,
						() => 0
					),
				{ message: serverErrors, timeout: 30_000 }
			)
			.toBe(200);
		const page = await context.newPage();
		await page.goto('/');
		await page.locator('#sample-plan').click();
		await expect(page).toHaveURL(/\/plan\/overview\?id=/);
		await controlled(page);
		const address = page.url();
		await expect(page.locator('#update-now')).toHaveCount(0);

		// A new version is published; the browser finds it (it checks on navigation; the test asks at once).
		appendFileSync(join(dir, 'service-worker.js'), '\n// the next version\n');
		for (const packed of ['service-worker.js.br', 'service-worker.js.gz'])
			rmSync(join(dir, packed)); // stale copies of the old one
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await expect(page.locator('#update-now')).toBeVisible();
		await expect(page.locator('.update')).toHaveAttribute('role', 'status');

		// Typed just now, not saved yet (autosave waits 400 ms): accepting the update saves it first.
		await page.locator('#overview-country').fill('Republic of Lumeria, typed before the update');
		const reloaded = page.waitForEvent('load');
		await page.locator('#update-now').click();
		await reloaded;
		expect(page.url()).toBe(address);
		await expect(page.locator('#overview-country')).toHaveValue(
			'Republic of Lumeria, typed before the update'
		);
		await expect(page.locator('#update-now')).toHaveCount(0);
	} finally {
		await context.close();
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
