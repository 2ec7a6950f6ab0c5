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
		env: { PORT: String(port) },
		url: `http://localhost:${port}`,
		reuseExistingServer: false
	}
});
