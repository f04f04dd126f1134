/**
 * Several app nodes in one test process: each node is a fresh copy of the server modules
 * (vi.resetModules), with its own database pool, rooms, Redis connections and HTTP
 * server, on one Postgres database and one Redis. `crash` stops a node as kill -9 would
 * look from outside: sockets cut, nothing flushed, Redis and database gone.
 * A TCP proxy in front of Redis lets a test take Redis away from one node and bring it back.
 */
import { createServer, type Server } from 'node:http';
import {
	createServer as createTcpServer,
	connect as tcpConnect,
	type Server as TcpServer,
	type Socket
} from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { vi } from 'vitest';

export type ClusterNode = Awaited<ReturnType<typeof startNode>>;

export async function startNode(databaseUrl: string, redisUrl: string, prefix: string) {
	vi.resetModules();
	const db = await import('$lib/server/db');
	await db.openDatabase({ databaseUrl, migrate: false });
	const realtime = await import('$lib/server/realtime');
	const cluster = await import('$lib/server/cluster');
	const status = await import('$lib/server/cluster/status');
	const boards = await import('$lib/boards/boards.server');
	const contributions = await import('$lib/safeguarding/contributions.server');
	const { boardsRealtime } = await import('$lib/boards/realtime-policy.server');
	const limits = await import('$lib/server/auth/rate-limit');
	const events = await import('$lib/server/events');
	const tallies = await import('$lib/boards/tallies.server');
	const rounds = await import('$lib/voting/rounds.server');
	// Closing a round goes through plans, which puts the winners into the plan.
	const roundWinners = await import('$lib/plans/round-winners.server');
	const pool = await import('$lib/voting/ballot-pool.server');
	realtime.configure({ idleUnloadMs: 200, flushDelayMs: 20 });
	realtime.configureRealtime(boardsRealtime);
	const link = await cluster.startCluster({
		url: redisUrl,
		prefix,
		writeRound: pool.writeRoundWaiting,
		useOthersWriteRound: pool.setOthersWriteRound
	});
	const sockets = new Set<Duplex>();
	const server: Server = createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		wsOrigin: `ws://127.0.0.1:${port}`,
		realtime,
		boards,
		contributions,
		limits,
		events,
		tallies,
		rounds,
		roundWinners,
		status,
		link,
		/** Orderly stop: rooms flushed and compacted. */
		async stop() {
			await realtime.closeAll();
			await cluster.stopCluster();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
			await db.closeDatabase();
		},
		/** As kill -9: nothing flushed. */
		async crash() {
			realtime.setCluster(null);
			await link.close();
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			server.close();
			await db.closeDatabase().catch(() => {});
		}
	};
}

/** A TCP proxy to Redis that can be cut (Redis "stopped") and restored on the same port. */
export async function redisProxy(target: URL) {
	const open = new Set<Socket>();
	let server: TcpServer | null = null;
	let port = 0;
	const listen = () =>
		new Promise<void>((resolve) => {
			server = createTcpServer((client) => {
				const upstream = tcpConnect(Number(target.port || 6379), target.hostname);
				for (const s of [client, upstream]) {
					open.add(s);
					s.on('close', () => open.delete(s));
					s.on('error', () => s.destroy());
				}
				client.pipe(upstream).pipe(client);
				client.on('close', () => upstream.destroy());
				upstream.on('close', () => client.destroy());
			});
			server.listen(port, '127.0.0.1', () => {
				port = (server!.address() as AddressInfo).port;
				resolve();
			});
		});
	await listen();
	return {
		url: () => `redis://127.0.0.1:${port}`,
		async cut() {
			const closed = new Promise((resolve) => server!.close(resolve));
			for (const s of open) s.destroy();
			await closed;
		},
		restore: listen,
		async close() {
			const closed = new Promise((resolve) => server!.close(resolve));
			for (const s of open) s.destroy();
			await closed;
		}
	};
}
