/**
 * Where Chromium is. Playwright's own download needs the internet; on machines without
 * it a system Chromium works: PLAYWRIGHT_CHROMIUM_PATH, or Debian's /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function findChromium(): string | undefined {
	const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const path of candidates) if (path && existsSync(path)) return path;
	try {
		const bundled = chromium.executablePath();
		if (bundled && existsSync(bundled)) return undefined; // Playwright's own browser
	} catch {
		// not installed
	}
	throw new Error(
		'No Chromium found for the browser tests.\n' +
			'  On a machine with internet: npx playwright install chromium\n' +
			'  Or use a system Chromium: apt-get install chromium, or set PLAYWRIGHT_CHROMIUM_PATH=/path/to/chromium'
	);
}
