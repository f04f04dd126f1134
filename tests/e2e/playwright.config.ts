import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './browser';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh embedded database per run: the browser tests never touch a shared Postgres.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rr-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
	testDir: '.',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } }
		}
	],
	webServer: {
		command: 'node src/serve.ts',
		cwd: join(import.meta.dirname, '..', '..'),
		port,
		reuseExistingServer: false,
		timeout: 120_000,
		// Every test signs up its own organisation, all from 127.0.0.1: more than the
		// default 30 sign-ups an hour one address may make (the limit has its own tests).
		env: {
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			REDIS_URL: '',
			HOST: '127.0.0.1',
			SIGN_UPS_PER_HOUR: '500'
		}
	}
});
