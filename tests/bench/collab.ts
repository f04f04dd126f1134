/**
 * `npm run bench:collab`: fan-out latency, server CPU and memory for 100, 250 and 500
 * clients on one board with one writer at 10 Hz, against our server (auth and
 * persistence on, PGlite) and the reference @y/websocket-server@0.1.1 (neither).
 * Then: idle memory per connection, and loading and syncing a 2,000-note board.
 * Prints figures; it asserts nothing (targets are in the closing note and README).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { addNote } from '../../src/lib/boards/model.ts';

const root = join(import.meta.dirname, '..', '..');
const SIZES = (process.env.BENCH_SIZES ?? '100,250,500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** BENCH_FLUSH_MS=400,100,0 runs our server once per write-behind window (COLLAB_FLUSH_MS). */
const FLUSHES = (process.env.BENCH_FLUSH_MS ?? '').split(',').filter(Boolean);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children: import('node:child_process').ChildProcess[] = [];
// Servers started here never outlive the benchmark, even when it fails.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

type Target = {
	name: string;
	url: (room: string) => string;
	headers: Record<string, string>;
	room: string;
	process: ChildProcess;
	origin: string;
};

async function waitForPort(port: number) {
	for (let i = 0; i < 200; i++) {
		try {
			await fetch(`http://127.0.0.1:${port}/`);
			return;
		} catch {
			await sleep(100);
		}
	}
	throw new Error(`nothing listening on ${port}`);
}

async function startOurs(port: number, extraEnv: Record<string, string> = {}): Promise<Target> {
	const child = spawn(
		process.execPath,
		[
			...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []),
			'src/serve.ts'
		],
		{
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
				DATA_DIR: mkdtempSync(join(tmpdir(), 'rr-bench-')),
				...extraEnv
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	children.push(child);
	await waitForPort(port);
	const origin = `http://127.0.0.1:${port}`;
	// A facilitator, a workshop and a board, made through the app's own forms.
	const post = async (path: string, fields: Record<string, string>, cookie = '') => {
		const res = await fetch(origin + path, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: { origin, cookie, accept: 'text/html' },
			redirect: 'manual'
		});
		return {
			location: res.headers.get('location') ?? '',
			cookie: res.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ')
		};
	};
	const signup = await post('/signup', {
		name: 'Bench',
		email: `bench-${port}-${Date.now()}@bench.test`,
		password: 'bench-password',
		organisationName: 'Bench'
	});
	const cookie = signup.cookie;
	const workshop = await post(
		`${signup.location}/workshops/new`,
		{ title: 'Bench', kind: 'co-design', function: 'pencegahan', groups: 'woman' },
		cookie
	);
	const boards: string[] = [];
	for (const title of ['fan-out', 'big']) {
		await post(`${workshop.location}?/board`, { title }, cookie);
	}
	const html = await (await fetch(origin + workshop.location, { headers: { cookie } })).text();
	for (const match of html.matchAll(/\/boards\/([a-z0-9]+)"/g)) if (!boards.includes(match[1])) boards.push(match[1]);
	return {
		name: 'ours',
		url: (room) => `ws://127.0.0.1:${port}/collab/${room}`,
		headers: { cookie, origin },
		room: boards[0],
		process: child,
		origin: boards[1]
	};
}

async function startReference(port: number): Promise<Target> {
	// Under BENCH_PROFILE the reference is started through a line that lets SIGTERM write its profile.
	const entry = process.env.BENCH_PROFILE
		? [
				'--cpu-prof',
				`--cpu-prof-dir=${process.env.BENCH_PROFILE}/ref`,
				'--input-type=module',
				'-e',
				"process.on('SIGTERM', () => process.exit(0)); await import('./node_modules/@y/websocket-server/src/server.js');"
			]
		: ['node_modules/@y/websocket-server/src/server.js'];
	const child = spawn(process.execPath, entry, {
		cwd: root,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.push(child);
	await sleep(500);
	return {
		name: 'reference',
		url: (room) => `ws://127.0.0.1:${port}/${room}`,
		headers: {},
		room: 'fan-out',
		process: child,
		origin: ''
	};
}

function cpuTicks(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]);
}
function rssKb(pid: number): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

function open(url: string, headers: Record<string, string>): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers, perMessageDeflate: false });
		ws.binaryType = 'nodebuffer';
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

const pct = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function fanOut(target: Target, clients: number) {
	const pid = target.process.pid!;
	// Warm up (JIT, database pages, room load), then take the idle baseline with the room loaded.
	const warm = await Promise.all(Array.from({ length: 20 }, () => open(target.url(target.room), target.headers)));
	await sleep(500);
	for (const ws of warm) ws.terminate();
	await sleep(1000); // the room stays loaded (idle unload is 5 s)
	const rssBefore = rssKb(pid);
	const receivers: { ws: WebSocket; arrivals: number[] }[] = [];
	for (let i = 0; i < clients - 1; i += 50) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(50, clients - 1 - i) }, () => open(target.url(target.room), target.headers))
		);
		for (const ws of batch) {
			const entry = { ws, arrivals: [] as number[] };
			ws.on('message', (data: Buffer) => {
				if (data[0] === 0 && data[1] === 2) entry.arrivals.push(performance.now());
			});
			receivers.push(entry);
		}
	}
	const writer = await open(target.url(target.room), target.headers);
	await sleep(1000);
	const rssIdle = rssKb(pid);
	const doc = new Y.Doc();
	const sent: number[] = [];
	doc.on('update', (update: Uint8Array) => {
		sent.push(performance.now());
		writer.send(updateMessage(update));
	});
	const ticks0 = cpuTicks(pid);
	const t0 = performance.now();
	for (let i = 0; i < SECONDS * 10; i++) {
		addNote(doc, { text: `note ${i}` });
		await sleep(100 - ((performance.now() - t0) % 100));
	}
	await sleep(1500);
	const cpuSeconds = (cpuTicks(pid) - ticks0) / 100;
	const wall = (performance.now() - t0) / 1000;
	const latencies: number[] = [];
	let lost = 0;
	for (const r of receivers) {
		// Receivers may also get updates from before they joined; align from the end.
		const offset = r.arrivals.length - sent.length;
		for (let k = 0; k < sent.length; k++) {
			const at = r.arrivals[k + offset];
			if (at === undefined || offset < 0) lost++;
			else latencies.push(at - sent[k]);
		}
	}
	latencies.sort((a, b) => a - b);
	const rssPeak = rssKb(pid);
	for (const r of receivers) r.ws.terminate();
	writer.terminate();
	return {
		server: target.name,
		clients,
		p50: +pct(latencies, 50).toFixed(1),
		p95: +pct(latencies, 95).toFixed(1),
		p99: +pct(latencies, 99).toFixed(1),
		lost,
		cpu: `${((cpuSeconds / wall) * 100).toFixed(0)}%`,
		rssMB: +(rssPeak / 1024).toFixed(0),
		idleKBPerConn: +((rssIdle - rssBefore) / clients).toFixed(1)
	};
}

async function bigBoard(target: Target) {
	const board = target.origin; // the second board
	// Write 2,000 notes through a real client, then let the room unload.
	const writer = await open(target.url(board), target.headers);
	const doc = new Y.Doc();
	doc.on('update', (u: Uint8Array) => writer.send(updateMessage(u)));
	for (let t = 0; t < 20; t++) {
		doc.transact(() => {
			for (let i = 0; i < 100; i++)
				addNote(doc, { text: `Catatan nomor ${t * 100 + i} tentang lorong dan taman bermain` });
		});
		await sleep(20);
	}
	await sleep(500);
	writer.close();
	const loads: number[] = [];
	for (let i = 0; i < 20; i++) {
		await sleep(700); // past COLLAB_IDLE_UNLOAD_MS: the board is unloaded again
		const t0 = performance.now();
		const ws = new WebSocket(target.url(board), { headers: target.headers });
		await new Promise<void>((resolve) => ws.once('message', () => resolve()));
		loads.push(performance.now() - t0);
		ws.close();
	}
	// Fresh clients against a loaded board.
	const keep = await open(target.url(board), target.headers);
	await sleep(300);
	const syncs: number[] = [];
	class CookieSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: target.headers });
		}
	}
	for (let i = 0; i < 20; i++) {
		const fresh = new Y.Doc();
		const t0 = performance.now();
		const provider = new WebsocketProvider(target.url('').replace(/\/$/, ''), board, fresh, {
			WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		syncs.push(performance.now() - t0);
		if (fresh.getMap('notes').size !== 2000) throw new Error(`synced ${fresh.getMap('notes').size} notes`);
		provider.destroy();
	}
	keep.close();
	loads.sort((a, b) => a - b);
	syncs.sort((a, b) => a - b);
	return {
		notes: 2000,
		serverLoadP50: +pct(loads, 50).toFixed(1),
		serverLoadP95: +pct(loads, 95).toFixed(1),
		clientSyncP50: +pct(syncs, 50).toFixed(1),
		clientSyncP95: +pct(syncs, 95).toFixed(1)
	};
}

// Runs alternate (ours, reference, ours, …) so that drift on the machine hits both alike;
// with BENCH_REPEAT > 1 the table keeps each server's median run by p95.
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const rows = [];
let port = 5100 + Math.floor(Math.random() * 400);
// Our server once per flush window asked for (labelled), or once with the default.
const oursVariants: { label: string; start: (port: number) => Promise<Target> }[] = FLUSHES.length
	? FLUSHES.map((ms) => ({ label: `ours flush ${ms} ms`, start: (p: number) => startOurs(p, { COLLAB_FLUSH_MS: ms }) }))
	: [{ label: 'ours', start: (p: number) => startOurs(p) }];
const starters = [...oursVariants, { label: 'reference', start: startReference }];
for (const clients of SIZES) {
	const runs: Record<string, Awaited<ReturnType<typeof fanOut>>[]> = Object.fromEntries(
		starters.map((s) => [s.label, []])
	);
	for (let r = 0; r < REPEAT; r++) {
		for (const { label, start } of starters) {
			const target = await start(port++);
			try {
				const run = await fanOut(target, clients);
				runs[label].push({ ...run, server: label });
			} finally {
				target.process.kill(process.env.BENCH_PROFILE ? 'SIGTERM' : 'SIGKILL');
				if (process.env.BENCH_PROFILE) await sleep(3000);
			}
		}
	}
	for (const list of Object.values(runs)) {
		list.sort((a, b) => a.p95 - b.p95);
		rows.push({ ...list[Math.floor(list.length / 2)], runs: list.length });
	}
}
console.log('\nFan-out latency (ms), one writer at 10 Hz, ' + SECONDS + ' s per run');
console.table(rows);
for (const clients of SIZES) {
	const ref = rows.find((r) => r.server === 'reference' && r.clients === clients)!;
	for (const { label } of oursVariants) {
		const ours = rows.find((r) => r.server === label && r.clients === clients)!;
		console.log(
			`${clients} clients: p95 ${label}/reference = ${(ours.p95 / ref.p95).toFixed(2)}x, idle KB per connection ${ours.idleKBPerConn}`
		);
	}
}
const ours = await startOurs(port, { COLLAB_IDLE_UNLOAD_MS: '300' });
try {
	console.log(
		'\n2,000-note board (ms): server load (connect to first message, board unloaded each time) and fresh client sync'
	);
	console.table([await bigBoard(ours)]);
} finally {
	ours.process.kill('SIGKILL');
}
process.exit(0);
