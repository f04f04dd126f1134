/**
 * `npm start`: our own small HTTP server around adapter-node's handler, so that the
 * realtime endpoint (/collab, registered by hooks.server.ts on start) shares the app's
 * port and origin. Listens on all interfaces and prints the addresses phones on the
 * same Wi-Fi can use (venue mode).
 *
 * Runs directly under Node 24 (type stripping): keep this file to erasable TypeScript.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { execSync } from 'node:child_process';
import { lanAddresses } from './lib/server/venue.ts';
import { shutdownHandler, upgradeHandler } from './lib/server/handoff.ts';

const root = new URL('..', import.meta.url);
const handlerFile = new URL('build/handler.js', root);

if (!existsSync(handlerFile)) {
	console.log('No build yet: building the app once (npm run build)…');
	execSync('npm run -s build', { cwd: root, stdio: 'inherit' });
}

// adapter-node assumes https unless told otherwise. Without ORIGIN or PROTOCOL_HEADER we
// say what the socket really is (venue mode is plain http on the LAN), in a header of our
// own that a client cannot set.
const PROTOCOL = 'x-ruang-rembuk-protocol';
const tellProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (tellProtocol) process.env.PROTOCOL_HEADER = PROTOCOL;

// Evidence photos are up to 2 MB; adapter-node's default body limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '3M';

const { handler } = await import(handlerFile.href);

const server = createServer((req, res) => {
	if (tellProtocol) req.headers[PROTOCOL] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});
server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
	const upgrade = upgradeHandler();
	if (!upgrade || !upgrade(req, socket, head)) socket.destroy();
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

server.listen(port, host, () => {
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	console.log(`Ruang Rembuk is running: http://localhost:${actualPort}`);
	if (host === '0.0.0.0' || host === '::') {
		for (const ip of lanAddresses())
			console.log(`  on this network (phones on the same Wi-Fi): http://${ip}:${actualPort}`);
	}
});

// On stop, boards still being edited are written to the database before we exit.
async function shutdown() {
	setTimeout(() => process.exit(0), 5000).unref();
	server.close();
	server.closeAllConnections();
	const closeRooms = shutdownHandler();
	await closeRooms?.().catch((e) => console.error(e));
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
