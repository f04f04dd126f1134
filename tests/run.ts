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
/** Names of the tests that failed, repeated at the very end so a cut log still shows them. */
const failures: string[] = [];

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
	for (const file of report.testResults ?? []) {
		const name = file.name.replace(root + '/', '');
		const failedTests = (file.assertionResults ?? []).filter((t: { status: string }) => t.status === 'failed');
		for (const test of failedTests) failures.push(`vitest ${name} › ${test.fullName}`);
		// A file that failed to load has no failing test inside it.
		if (file.status === 'failed' && failedTests.length === 0)
			failures.push(`vitest ${name}: ${String(file.message ?? 'failed').slice(0, 300)}`);
	}
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
		const e2eReport = JSON.parse(readFileSync(e2eJson, 'utf8'));
		const stats = e2eReport.stats;
		collectPlaywrightFailures(e2eReport.suites ?? []);
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

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitestStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);

type PlaywrightSuite = {
	title: string;
	suites?: PlaywrightSuite[];
	specs?: { title: string; file: string; tests: { status: string }[] }[];
};

function collectPlaywrightFailures(suites: PlaywrightSuite[]) {
	for (const suite of suites) {
		for (const spec of suite.specs ?? [])
			if (spec.tests.some((t) => t.status === 'unexpected' || t.status === 'flaky'))
				failures.push(`playwright ${spec.file} › ${spec.title}`);
		collectPlaywrightFailures(suite.suites ?? []);
	}
}
