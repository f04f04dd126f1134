/**
 * `npm test`: unit and integration specs (PGlite, and Postgres too when DATABASE_URL is
 * set), then a production build and the browser tests in Chromium. Ends with one line
 * "N passed, N failed" over everything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './e2e/browser.ts';

const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'rr-test-'));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}): number {
	console.log(`\n$ ${[command.split('/').pop(), ...args].join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

let passed = 0;
let failed = 0;

// 1. Unit + integration.
const vitestJson = join(out, 'vitest.json');
const vitestStatus = run(bin('vitest'), [
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`
]);
try {
	const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
} catch {
	failed += 1;
}
if (!process.env.DATABASE_URL) console.log('\n(DATABASE_URL is not set: integration specs ran on PGlite only.)');

// 2. Browser tests against the production build.
let chromiumOk = true;
try {
	findChromium();
} catch (e) {
	chromiumOk = false;
	console.error(`\n${(e as Error).message}`);
	failed += 1;
}
let e2eStatus = 1;
if (chromiumOk && run('npm', ['run', '-s', 'build']) === 0) {
	const e2eJson = join(out, 'playwright.json');
	e2eStatus = run(bin('playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson
	});
	try {
		const stats = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
		passed += stats.expected;
		failed += stats.unexpected + (stats.flaky ?? 0);
		// Playwright that failed without a failing test (its server would not start): one failure.
		if (e2eStatus !== 0 && stats.unexpected + (stats.flaky ?? 0) === 0) failed += 1;
	} catch {
		failed += 1;
	}
} else if (chromiumOk) {
	failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitestStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
