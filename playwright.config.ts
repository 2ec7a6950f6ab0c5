import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.js';

const port = Number(process.env.TEST_PORT ?? 4174);

export default defineConfig({
	testDir: 'tests/browser',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	reporter: [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${port}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: findChromium(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	// The built app, served as `npm start` serves it (the build runs before the browser tests).
	webServer: {
		command: 'node scripts/serve.js',
		// The sync server runs beside the app (shared drafts), on a data file of this run's own.
		env: {
			PORT: String(port),
			SYNC_DATA_FILE: join(mkdtempSync(join(tmpdir(), 'nap-browser-sync-')), 'sync.sqlite'),
			SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR: '1000',
			SYNC_STORE_DEBOUNCE_MS: '200'
		},
		url: `http://localhost:${port}`,
		reuseExistingServer: false
	}
});
