/**
 * `npm run bench:durability`: what a kill -9 loses. The built app runs on a fresh
 * database; a writer changes the board every 20 ms and an observer records when each
 * change arrives (it was "acknowledged": someone else saw it). After a random 1-3 s the
 * server gets SIGKILL, restarts on the same data, and we count the seen changes that are
 * missing and how long before the kill the oldest of them arrived (the loss window). Then
 * the same with SIGTERM, which must lose nothing.
 *
 * Two kinds of change: `notes` (a member adds a note: the server records its author in
 * SQL and then writes the board at once, so these are stored well inside the window) and
 * `edits` (the same note's text rewritten: plain write-behind, the window the setting
 * bounds).
 *
 * DURABILITY_FLUSH_MS=400,100,0 picks the write-behind windows (COLLAB_FLUSH_MS),
 * DURABILITY_RUNS the kills per window, BENCH_DATABASE_URL a Postgres server (a
 * database is created and dropped for each run) instead of PGlite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import postgres from 'postgres';
import { WebsocketProvider } from 'y-websocket';
import { addNote, readBoard, updateNote } from '../../src/lib/boards/model.ts';

const root = join(import.meta.dirname, '..', '..');
const FLUSHES = (process.env.DURABILITY_FLUSH_MS ?? '400,100,0').split(',');
const RUNS = Number(process.env.DURABILITY_RUNS ?? 5);
const PG = process.env.BENCH_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let child: ChildProcess | null = null;
process.on('exit', () => child?.kill('SIGKILL'));

async function start(port: number, env: Record<string, string>): Promise<void> {
	child = spawn(process.execPath, ['src/serve.ts'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 1200; i++) {
		try {
			await fetch(`http://127.0.0.1:${port}/healthz`);
			return;
		} catch {
			await sleep(100);
		}
	}
	throw new Error('server did not start');
}

async function stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
	const c = child!;
	const exited = new Promise((r) => c.once('exit', r));
	c.kill(signal);
	await exited;
	child = null;
}

async function makeBoard(origin: string): Promise<{ cookie: string; boardId: string }> {
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
		name: 'Durable',
		email: `d-${Date.now()}@bench.test`,
		password: 'bench-password',
		organisationName: 'Durable'
	});
	const workshop = await post(
		`${signup.location}/workshops/new`,
		{ title: 'Durable', kind: 'co-design', function: 'pencegahan', groups: 'woman' },
		signup.cookie
	);
	await post(`${workshop.location}?/board`, { title: 'durable' }, signup.cookie);
	const html = await (await fetch(origin + workshop.location, { headers: { cookie: signup.cookie } })).text();
	return { cookie: signup.cookie, boardId: /\/boards\/([a-z0-9]+)"/.exec(html)![1] };
}

function client(port: number, origin: string, cookie: string, boardId: string) {
	class CookieSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie, origin } });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, boardId, doc, {
		WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		connect: true
	});
	const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
	return { doc, provider, synced };
}

const texts = (doc: Y.Doc) => new Set(readBoard(doc).notes.map((n) => n.text));

type Kind = 'notes' | 'edits';

async function once(port: number, env: Record<string, string>, signal: 'SIGKILL' | 'SIGTERM', kind: Kind) {
	const origin = `http://127.0.0.1:${port}`;
	await start(port, env);
	const { cookie, boardId } = await makeBoard(origin);
	const writer = client(port, origin, cookie, boardId);
	const observer = client(port, origin, cookie, boardId);
	await Promise.all([writer.synced, observer.synced]);
	const seenAt = new Map<string, number>();
	observer.doc.on('update', () => {
		for (const t of texts(observer.doc)) if (!seenAt.has(t)) seenAt.set(t, performance.now());
	});
	// `edits`: one note, its text rewritten each time; each text seen is one change.
	const noteId = kind === 'edits' ? addNote(writer.doc, { text: 'start' }) : null;
	const runFor = 1000 + Math.random() * 2000;
	const t0 = performance.now();
	let i = 0;
	while (performance.now() - t0 < runFor) {
		if (noteId) updateNote(writer.doc, noteId, { text: `n${i++}` });
		else addNote(writer.doc, { text: `n${i++}` });
		await sleep(20);
	}
	const killedAt = performance.now();
	writer.provider.disconnect(); // nothing the writer still holds may heal the loss
	observer.provider.disconnect();
	await stop(signal);
	writer.provider.destroy();
	observer.provider.destroy();
	await start(port, env);
	const reader = client(port, origin, cookie, boardId);
	await reader.synced;
	const stored = texts(reader.doc);
	reader.provider.destroy();
	await stop('SIGTERM');
	// Edits: every text after the stored one was lost (`start` is before them all).
	const storedEdit = Math.max(-1, ...[...stored].map((t) => (t.startsWith('n') ? Number(t.slice(1)) : -1)));
	const lost = [...seenAt.keys()].filter((t) =>
		noteId ? t.startsWith('n') && Number(t.slice(1)) > storedEdit : !stored.has(t)
	);
	const oldestLost = Math.min(...lost.map((t) => seenAt.get(t)!));
	return { seen: seenAt.size, lost: lost.length, windowMs: lost.length ? Math.round(killedAt - oldestLost) : 0 };
}

async function database(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
	if (!PG) {
		const dir = mkdtempSync(join(tmpdir(), 'rr-durable-'));
		return {
			env: { DATA_DIR: dir, DATABASE_URL: '' },
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
	const name = `rr_durable_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(PG, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(PG);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		drop: async () => {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	};
}

const rows = [];
let port = 5600 + Math.floor(Math.random() * 300);
for (const kind of ['notes', 'edits'] as const)
	for (const flush of FLUSHES) {
		for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
			const results = [];
			for (let r = 0; r < (signal === 'SIGKILL' ? RUNS : 2); r++) {
				const db = await database();
				try {
					results.push(await once(port++, { ...db.env, COLLAB_FLUSH_MS: flush }, signal, kind));
				} finally {
					await db.drop();
				}
			}
			rows.push({
				backend: PG ? 'postgres' : 'pglite',
				kind,
				flushMs: Number(flush),
				signal,
				runs: results.length,
				seen: results.reduce((a, r) => a + r.seen, 0),
				lost: results.reduce((a, r) => a + r.lost, 0),
				maxLostPerKill: Math.max(...results.map((r) => r.lost)),
				maxWindowMs: Math.max(...results.map((r) => r.windowMs))
			});
		}
	}
console.log('\nkill -9 loss: changes another client had already seen, missing after restart (a change every 20 ms)');
console.table(rows);
process.exit(0);
