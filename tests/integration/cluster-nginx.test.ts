/**
 * deploy/nginx.conf in front of two app nodes (runs with DATABASE_URL, REDIS_URL and an
 * nginx binary): stock y-websocket clients through nginx land on both nodes and
 * converge; a node killed, its client reconnects through nginx to the other and loses
 * nothing. nginx runs with the deploy file itself, only upstreams and port substituted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { addNote, readBoard } from '$lib/boards/model';
import { createBoard } from '$lib/boards/boards.server';
import { anOrganisationWithOwner, aWorkshop } from './factories';
import { memberCookie, socketClass, until } from './realtime-harness';
import { RUN_PREFIX, TEMPLATE, urlFor } from './postgres-template';
import { startNode, type ClusterNode } from './cluster-harness';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const enabled = process.env.TEST_DB === 'postgres' && !!process.env.REDIS_URL && !!NGINX;
const prefix = `rr-test:${process.pid}-${crypto.randomUUID().slice(0, 8)}:`;

let name = '';
let nodes: ClusterNode[] = [];
let nginx: ChildProcess | null = null;
let dir = '';
let origin = '';
let cookie = '';
let workshopId = '';
const providers: WebsocketProvider[] = [];

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** The deploy file with our two nodes as upstreams and a free port, inside a minimal main config. */
async function startNginx(ports: number[]): Promise<string> {
	dir = mkdtempSync(join(tmpdir(), 'rr-nginx-'));
	chmodSync(dir, 0o777);
	for (const sub of ['body', 'proxy']) mkdirSync(join(dir, sub), { mode: 0o777 });
	const port = await freePort();
	const site = readFileSync('deploy/nginx.conf', 'utf8')
		.replace(
			/^\tserver 127\.0\.0\.1:3001 .*\n\tserver 127\.0\.0\.1:3002 .*$/m,
			ports.map((p) => `\tserver 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')
		)
		.replace('listen 80;', `listen 127.0.0.1:${port};`);
	expect(site).toContain(`127.0.0.1:${ports[1]}`);
	writeFileSync(join(dir, 'site.conf'), site);
	writeFileSync(
		join(dir, 'nginx.conf'),
		`daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 256; }
http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/proxy; uwsgi_temp_path ${dir}/proxy; scgi_temp_path ${dir}/proxy; include ${dir}/site.conf; }\n`
	);
	nginx = spawn(NGINX!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
	await until(() => existsSync(join(dir, 'nginx.pid')), 10_000);
	return `127.0.0.1:${port}`;
}

function connect(room: string, doc = new Y.Doc()) {
	const provider = new WebsocketProvider(`ws://${origin}/collab`, room, doc, {
		WebSocketPolyfill: socketClass({ cookie, origin: `http://${origin}` }) as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	providers.push(provider);
	return { doc, provider };
}
const texts = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

describe.runIf(enabled)('two nodes behind deploy/nginx.conf', () => {
	beforeAll(async () => {
		name = `${RUN_PREFIX}${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name}" template "${TEMPLATE}"`);
		await admin.end();
		const url = urlFor(name);
		await openDatabase({ databaseUrl: url, migrate: false });
		const { owner, organisationId } = await anOrganisationWithOwner();
		workshopId = (await aWorkshop(organisationId)).id;
		cookie = await memberCookie(owner.id);
		nodes = [
			await startNode(url, process.env.REDIS_URL!, prefix),
			await startNode(url, process.env.REDIS_URL!, prefix)
		];
		origin = await startNginx(nodes.map((n) => Number(new URL(n.origin).port)));
	});

	afterAll(async () => {
		for (const p of providers) p.destroy();
		nginx?.kill('SIGTERM');
		for (const n of nodes) await n.stop().catch(() => {});
		await closeDatabase();
		if (dir) rmSync(dir, { recursive: true, force: true });
		if (name) {
			const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});

	it('clients spread over both nodes converge; a killed node’s client moves to the other and loses nothing', async () => {
		const boardId = await createBoard(workshopId, 'Lewat nginx');
		const x = connect(boardId);
		const y = connect(boardId);
		await until(() => x.provider.synced && y.provider.synced);
		const held = nodes.map((n) => n.realtime.roomStats(boardId)?.connections ?? 0);
		expect(held).toEqual([1, 1]); // round robin, no stickiness
		addNote(x.doc, { text: 'Dari X' });
		addNote(y.doc, { text: 'Dari Y' });
		await until(() => texts(x.doc).length === 2 && texts(y.doc).length === 2);

		// Kill the first node; its client reconnects through nginx (the next upstream).
		await nodes[0].crash();
		addNote(x.doc, { text: 'Setelah node mati' });
		addNote(y.doc, { text: 'Y juga menulis' });
		await until(() => texts(x.doc).length === 4 && texts(y.doc).length === 4, 15_000);
		expect(texts(x.doc)).toEqual(texts(y.doc));
		expect(nodes[1].realtime.roomStats(boardId)?.connections).toBe(2);
	});
});
