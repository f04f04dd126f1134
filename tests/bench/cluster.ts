/**
 * `npm run bench:cluster`: the cost of several nodes. Needs Postgres and Redis
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test as the admin
 * connection; REDIS_URL, default redis://127.0.0.1:6379); makes its own database and
 * Redis prefix and drops them after. Prints figures; asserts nothing.
 *
 * 1. One board, BENCH_CLIENTS (1,000) clients, one writer at 10 Hz on node A: fan-out
 *    p50/p95/p99 for clients on A and on B (split over 2 nodes), and all clients on A
 *    alone, in the same run.
 * 2. A city day: BENCH_BOARDS (100) boards x 20 clients over the nodes, one writer per
 *    board at 1 Hz: p95, CPU and RSS per node, Redis CPU; with 1, 2 and (BENCH_NODES=3) 3 nodes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { addNote } from '../../src/lib/boards/model.ts';

const root = join(import.meta.dirname, '..', '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const BOARDS = Number(process.env.BENCH_BOARDS ?? 100);
const MAX_NODES = Number(process.env.BENCH_NODES ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4211);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

const database = `rr_bench_cluster_${process.pid}`;
const prefix = `rr-bench:${process.pid}:`;
const dbUrl = (() => {
	const u = new URL(ADMIN_URL);
	u.pathname = `/${database}`;
	return u.toString();
})();

type Node = { port: number; origin: string; process: ChildProcess };

async function startNode(port: number): Promise<Node> {
	const child = spawn(process.execPath, ['src/serve.ts'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: dbUrl,
			REDIS_URL,
			REDIS_PREFIX: prefix,
			COLLAB_MAX_CLIENTS: '5000',
			COLLAB_IDLE_UNLOAD_MS: '60000'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.push(child);
	const origin = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			await fetch(`${origin}/healthz`);
			break;
		} catch {
			if (i > 300) throw new Error(`node on ${port} did not start`);
			await sleep(100);
		}
	}
	return { port, origin, process: child };
}

/** A facilitator, a workshop and `count` boards, through the app's own forms. */
async function setUp(node: Node, count: number) {
	const { origin } = node;
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
		email: `bench-${Date.now()}@bench.test`,
		password: 'bench-password',
		organisationName: 'Bench'
	});
	const cookie = signup.cookie;
	const workshop = await post(
		`${signup.location}/workshops/new`,
		{ title: 'Bench', kind: 'co-design', function: 'pencegahan', groups: 'woman' },
		cookie
	);
	for (let i = 0; i < count; i++) await post(`${workshop.location}?/board`, { title: `b${i}` }, cookie);
	const html = await (await fetch(origin + workshop.location, { headers: { cookie } })).text();
	const boards: string[] = [];
	for (const match of html.matchAll(/\/boards\/([a-z0-9]+)"/g)) if (!boards.includes(match[1])) boards.push(match[1]);
	return { cookie, boards };
}

function open(node: Node, room: string, cookie: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`ws://127.0.0.1:${node.port}/collab/${room}`, {
			headers: { cookie, origin: node.origin },
			perMessageDeflate: false
		});
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
const cpuTicks = (pid: number) => {
	const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(f[11]) + Number(f[12]);
};
const rssMB = (pid: number) =>
	Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
const MARK = /BENCH#(\d+)#/;

type Receiver = { ws: WebSocket; node: number; arrivals: Map<number, number> };

/** Clients on `room`, assigned to nodes by `nodeOf(i)`; each records when each marked note arrived. */
async function receivers(
	nodes: Node[],
	room: string,
	cookie: string,
	count: number,
	nodeOf: (i: number) => number
): Promise<Receiver[]> {
	const list: Receiver[] = [];
	for (let i = 0; i < count; i += 50) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(50, count - i) }, (_, k) =>
				open(nodes[nodeOf(i + k)], room, cookie).then((ws) => ({ ws, node: nodeOf(i + k) }))
			)
		);
		for (const { ws, node } of batch) {
			const r: Receiver = { ws, node, arrivals: new Map() };
			ws.on('message', (data: Buffer) => {
				if (data[0] !== 0 || data[1] !== 2) return;
				const m = MARK.exec(data.toString('latin1'));
				if (m) r.arrivals.set(Number(m[1]), performance.now());
			});
			list.push(r);
		}
	}
	return list;
}

/** A writer on `node`: a marked note every `periodMs`; returns when each was sent. */
async function write(
	node: Node,
	room: string,
	cookie: string,
	periodMs: number,
	seconds: number,
	sent: Map<number, number>,
	seqBase: number
) {
	const ws = await open(node, room, cookie);
	const doc = new Y.Doc();
	let seq = seqBase;
	doc.on('update', (update: Uint8Array) => ws.send(updateMessage(update)));
	const t0 = performance.now();
	for (let i = 0; i < (seconds * 1000) / periodMs; i++) {
		const n = seq++;
		sent.set(n, performance.now());
		addNote(doc, { text: `BENCH#${n}#` });
		await sleep(Math.max(0, periodMs - ((performance.now() - t0) % periodMs)));
	}
	return ws;
}

/** Each group: receivers and the notes they should all get. */
function latencies(
	list: Receiver[],
	sent: Map<number, number>,
	groups: [Receiver[], Map<number, number>][] = [[list, sent]]
) {
	const out: number[] = [];
	let lost = 0;
	for (const [members, expected] of groups)
		for (const r of members)
			for (const [n, at] of expected) {
				const got = r.arrivals.get(n);
				if (got === undefined) lost++;
				else out.push(got - at);
			}
	out.sort((a, b) => a - b);
	return { p50: +pct(out, 50).toFixed(1), p95: +pct(out, 95).toFixed(1), p99: +pct(out, 99).toFixed(1), lost };
}

async function fanOut(nodes: Node[], room: string, cookie: string, split: boolean) {
	const list = await receivers(nodes, room, cookie, CLIENTS - 1, (i) => (split ? i % 2 : 0));
	await sleep(1000);
	const sent = new Map<number, number>();
	const writer = await write(nodes[0], room, cookie, 100, SECONDS, sent, split ? 1_000_000 : 0);
	await sleep(1500);
	const rows = split
		? [
				{
					case: '2 nodes, same node as writer',
					...latencies(
						list.filter((r) => r.node === 0),
						sent
					)
				},
				{
					case: '2 nodes, other node',
					...latencies(
						list.filter((r) => r.node === 1),
						sent
					)
				}
			]
		: [{ case: '1 node', ...latencies(list, sent) }];
	for (const r of list) r.ws.terminate();
	writer.terminate();
	return rows;
}

async function cityDay(nodes: Node[], boards: string[], cookie: string, redis: Redis) {
	const all: Receiver[] = [];
	const perBoard: Receiver[][] = [];
	for (const [b, room] of boards.entries()) {
		perBoard.push(await receivers(nodes, room, cookie, 19, (i) => (b + i) % nodes.length));
		all.push(...perBoard[b]);
	}
	await sleep(1000);
	const ticks = nodes.map((n) => cpuTicks(n.process.pid!));
	const redisCpu = async () => {
		const info = await redis.info('cpu');
		return Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_user:([\d.]+)/.exec(info)![1]);
	};
	const redis0 = await redisCpu();
	const sent = new Map<number, number>();
	const t0 = performance.now();
	const writers = await Promise.all(
		boards.map((room, b) => write(nodes[b % nodes.length], room, cookie, 1000, SECONDS, sent, b * 10_000))
	);
	await sleep(1500);
	const wall = (performance.now() - t0) / 1000;
	const result = {
		nodes: nodes.length,
		...latencies(
			all,
			sent,
			perBoard.map((list, b) => [list, new Map([...sent].filter(([n]) => Math.floor(n / 10_000) === b))])
		),
		cpuPerNode: nodes
			.map((n, i) => `${(((cpuTicks(n.process.pid!) - ticks[i]) / 100 / wall) * 100).toFixed(0)}%`)
			.join(' / '),
		rssMBPerNode: nodes.map((n) => rssMB(n.process.pid!)).join(' / '),
		redisCpu: `${((((await redisCpu()) - redis0) / wall) * 100).toFixed(1)}%`
	};
	for (const r of all) r.ws.terminate();
	for (const w of writers) w.terminate();
	return result;
}

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${database}"`);
const redis = new Redis(REDIS_URL);
try {
	const nodes = [await startNode(BASE_PORT)];
	const { cookie, boards } = await setUp(nodes[0], BOARDS + 1);
	for (let i = 1; i < MAX_NODES; i++) nodes.push(await startNode(BASE_PORT + i));
	console.log(`\nOne board, ${CLIENTS} clients, one writer at 10 Hz for ${SECONDS} s (ms):`);
	console.table([
		...(await fanOut(nodes, boards[0], cookie, false)),
		...(await fanOut(nodes, boards[0], cookie, true))
	]);
	console.log(`\nA city day: ${BOARDS} boards x 20 clients, one writer per board at 1 Hz, ${SECONDS} s:`);
	const rows = [];
	for (let n = 1; n <= MAX_NODES; n++)
		rows.push(await cityDay(nodes.slice(0, n), boards.slice(1, BOARDS + 1), cookie, redis));
	console.table(rows);
} finally {
	for (const c of children) c.kill('SIGTERM');
	await sleep(1500);
	await admin.unsafe(`drop database if exists "${database}" with (force)`);
	await admin.end();
	const keys = await redis.keys(`${prefix}*`);
	if (keys.length) await redis.del(...keys);
	redis.disconnect();
}
