// Finds a Chromium for the browser tests: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// Playwright's own download. Run directly, it says which one, or exactly how to install one.
import { existsSync } from 'node:fs';

export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const path of candidates) if (path && existsSync(path)) return path;
	return undefined; // Playwright's own browser, if `npx playwright install chromium` was run
}

export const HOW_TO_INSTALL = `No Chromium found for the browser tests. Install one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium      (then it is found at /usr/bin/chromium)
  - any system:     npx playwright install chromium       (Playwright's own build)
  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`;

if (import.meta.url === `file://${process.argv[1]}`) {
	const path = findChromium();
	if (path) console.log(`Browser tests use Chromium at ${path}`);
	else {
		const { chromium } = await import('@playwright/test');
		if (existsSync(chromium.executablePath()))
			console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
		else {
			console.error(HOW_TO_INSTALL);
			process.exit(1);
		}
	}
}
