/**
 * A real HTTP server on port 0 with the realtime endpoint, and y-websocket clients in
 * Node that carry a session cookie, as a browser would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as realtime from '$lib/server/realtime';
import * as auth from '$lib/sessions/sessions.server';
import { boardsRealtime } from '$lib/boards/realtime-policy.server';

export type Harness = { server: Server; origin: string; wsOrigin: string; close: () => Promise<void> };

export async function startServer(): Promise<Harness> {
	realtime.configureRealtime(boardsRealtime);
	const server = createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => {
		if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		server,
		origin: `http://127.0.0.1:${port}`,
		wsOrigin: `ws://127.0.0.1:${port}`,
		close: async () => {
			await realtime.closeAll();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** A `ws` WebSocket class that sends our cookie and Origin, for y-websocket's polyfill slot. */
export function socketClass(headers: { cookie?: string; origin: string }) {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	};
}

export async function memberCookie(userId: string) {
	const token = auth.generateSessionToken();
	await auth.createSession(token, { userId });
	return `${auth.COOKIE.member}=${token}`;
}

export async function participantCookie(participantId: string) {
	const token = auth.generateSessionToken();
	await auth.createSession(token, { participantId });
	return `${auth.COOKIE.participant}=${token}`;
}

export function connect(h: Harness, room: string, cookie?: string, params: Record<string, string> = {}) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${h.wsOrigin}/collab`, room, doc, {
		WebSocketPolyfill: socketClass({ cookie, origin: h.origin }) as unknown as typeof globalThis.WebSocket,
		params,
		disableBc: true
	});
	return { doc, provider };
}

export function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tick = () => {
			if (check()) return resolve();
			if (Date.now() - started > timeoutMs) return reject(new Error('Timed out waiting'));
			setTimeout(tick, 10);
		};
		tick();
	});
}

/** Opens a raw socket and resolves with how it was closed (or 'open' after `waitMs`). */
export function rawClose(
	h: Harness,
	room: string,
	headers: { cookie?: string; origin?: string },
	waitMs = 1500
): Promise<number | 'open'> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${h.wsOrigin}/collab/${room}`, { headers: { origin: h.origin, ...headers } });
		const timer = setTimeout(() => {
			ws.terminate();
			resolve('open');
		}, waitMs);
		ws.on('close', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
		ws.on('error', () => {});
	});
}
