/**
 * `npm run size`: the gzipped JavaScript each participant page makes a phone download
 * (everything the page loads, chunks and preloads included, plus the service worker),
 * measured in Chromium against the production build. Fails above the budget.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser.ts';

const BUDGET_KB = 100;
const root = join(import.meta.dirname, '..', '..');

if (!existsSync(join(root, 'build', 'handler.js')) || process.argv.includes('--build')) {
	const build = spawn('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
	await new Promise((done) => build.on('exit', done));
}

const server = spawn('node', ['src/serve.ts'], {
	cwd: root,
	env: {
		...process.env,
		PORT: '0',
		HOST: '127.0.0.1',
		DATABASE_URL: '',
		REDIS_URL: '',
		DATA_DIR: mkdtempSync(join(tmpdir(), 'rr-size-'))
	},
	stdio: ['ignore', 'pipe', 'inherit']
});
// Whatever happens below, the server does not outlive this script.
process.on('exit', () => server.kill('SIGKILL'));

// Port 0: the system picks a free port, and the server prints which.
const { joinCode, port } = await new Promise<{ joinCode: string; port: number }>((resolve, reject) => {
	let seen = '';
	server.stdout!.on('data', (chunk) => {
		seen += chunk;
		const code = /join code ([A-Z0-9]{6})/.exec(seen)?.[1];
		const listening = /is running: http:\/\/localhost:(\d+)/.exec(seen)?.[1];
		if (code && listening) resolve({ joinCode: code, port: Number(listening) });
	});
	server.on('exit', () => reject(new Error(`server exited:\n${seen}`)));
});

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await context.newPage();
const base = `http://127.0.0.1:${port}`;

async function measure(label: string, go: () => Promise<unknown>) {
	const scripts = new Map<string, number>();
	const reads: Promise<void>[] = [];
	const onResponse = (response: import('@playwright/test').Response) => {
		const url = response.url();
		if (response.request().resourceType() === 'script' || url.endsWith('.js')) {
			// A body can be gone if the page navigated meanwhile; the asset itself is static, so fetch it again.
			const body = response.body().catch(() => page.request.get(url).then((r) => r.body()));
			reads.push(body.then((bytes) => void scripts.set(url, gzipSync(bytes).length)));
		}
	};
	page.on('response', onResponse);
	await page.goto('about:blank');
	await go();
	await page.waitForLoadState('networkidle');
	// Every body is read before the next navigation, which would make it unavailable.
	await Promise.all(reads);
	page.off('response', onResponse);
	const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
	// `--files`: each page's largest scripts, to find what to trim.
	if (process.argv.includes('--files')) {
		const top = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 15);
		console.log(
			`\n${label}\n${top.map(([url, n]) => `  ${(n / 1024).toFixed(1).padStart(6)} kB  ${new URL(url).pathname}`).join('\n')}`
		);
	}
	return { page: label, files: scripts.size, kB: Math.round((bytes / 1024) * 10) / 10 };
}

// A fresh page load each time (cache disabled), as a first visit on a phone.
await context.route('**/*', (route) => route.continue());
const results = [
	await measure('/join', () => page.goto(`${base}/join`)),
	await measure('/j/<code> (consent)', () => page.goto(`${base}/j/${joinCode}`)),
	await measure('/j/<code>?step=profile', () => page.goto(`${base}/j/${joinCode}?step=profile`))
];
await page.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
await page.waitForURL('**/p');
results.push(await measure('/p (participant home)', () => page.goto(`${base}/p`)));
await page.goto(`${base}/p`);
const boardHref = await page.getByRole('link', { name: 'Menggali masalah bersama' }).getAttribute('href');
const ballotHref = await page.getByRole('link', { name: 'Prioritas usulan anak' }).getAttribute('href');
results.push(await measure('/p/v/<round> (ballot)', () => page.goto(`${base}${ballotHref}`)));
results.push(await measure('/p/b/<board> (input card)', () => page.goto(`${base}${boardHref}`)));
await page.goto(`${base}/p`);
const mapHref = await page.getByRole('link', { name: 'Peta jaringan' }).getAttribute('href');
results.push(await measure('/p/n/<map> (network map)', () => page.goto(`${base}${mapHref}`)));
results.push(await measure('/p/pulse (trust pulse)', () => page.goto(`${base}/p/pulse`)));
results.push(await measure('/p/agreements', () => page.goto(`${base}/p/agreements`)));
results.push(await measure('/p/assets (asset map)', () => page.goto(`${base}/p/assets`)));
await page.goto(`${base}/p`);
const cardHref = await page
	.getByRole('link', { name: 'Kartu skor: rasa aman anak di lingkungan' })
	.getAttribute('href');
if (!cardHref) throw new Error('The demo score card is not on the participant home page');
results.push(await measure('/p/s/<card> (score card)', () => page.goto(`${base}${cardHref}`)));

// The service worker is fetched once by the first page a phone opens: counted with every page.
const worker = await page.request.get(`${base}/service-worker.js`);
const workerKB = worker.ok() ? Math.round((gzipSync(await worker.body()).length / 1024) * 10) / 10 : 0;
for (const r of results)
	Object.assign(r, { 'service worker kB': workerKB, 'total kB': Math.round((r.kB + workerKB) * 10) / 10 });

await browser.close();
server.kill('SIGTERM');

console.table(results);
const over = results.filter((r) => r.kB + workerKB > BUDGET_KB);
if (over.length) {
	console.error(`Over the ${BUDGET_KB} kB budget: ${over.map((r) => r.page).join(', ')}`);
	process.exit(1);
}
console.log(`All participant pages within ${BUDGET_KB} kB of gzipped JavaScript.`);
