/**
 * Hand-offs between the three ways the app is started and the SvelteKit server code.
 *
 * `src/serve.ts` (`npm start`) and the dev plugin in `vite.config.ts` own the HTTP server,
 * so they receive websocket upgrades and the stop signal; the realtime rooms live in the
 * SvelteKit server bundle (started by `init` in `hooks.server.ts`). These are separate
 * module graphs (the built handler is imported at run time, vite loads its config on its
 * own), so a module-level variable would not be shared: the values go through
 * `globalThis` under `Symbol.for` keys, which every graph in the process resolves to the
 * same symbol. This file is the only place that touches them.
 *
 * Imported directly by src/serve.ts under Node's type stripping: keep it free of runtime imports
 * and to erasable TypeScript.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Takes a websocket upgrade; false when the path is not ours (the caller destroys the socket). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
/** Writes what must not be lost (boards being edited, waiting ballots) before the process exits. */
export type ShutdownHandler = () => Promise<void>;

const UPGRADE = Symbol.for('ruang-rembuk.upgrade');
const SHUTDOWN = Symbol.for('ruang-rembuk.shutdown');

type Slots = { [UPGRADE]?: UpgradeHandler; [SHUTDOWN]?: ShutdownHandler };
const slots = globalThis as typeof globalThis & Slots;

/** Set by hooks.server.ts once the server started. */
export function setUpgradeHandler(handler: UpgradeHandler): void {
	slots[UPGRADE] = handler;
}

/** For src/serve.ts and the vite dev plugin; undefined until the SvelteKit server started. */
export function upgradeHandler(): UpgradeHandler | undefined {
	return slots[UPGRADE];
}

/** Set by hooks.server.ts once the server started. */
export function setShutdownHandler(handler: ShutdownHandler): void {
	slots[SHUTDOWN] = handler;
}

/** For src/serve.ts on SIGTERM/SIGINT; undefined when the SvelteKit server never started. */
export function shutdownHandler(): ShutdownHandler | undefined {
	return slots[SHUTDOWN];
}
