/**
 * The realtime endpoint: `/collab/<room>` on the app's own port (see src/serve.ts and
 * the dev plugin in vite.config.ts). Rooms load on first use and unload when empty.
 *
 * Upgrades are always accepted, then closed with a code when refused: y-websocket
 * retries forever after a rejected HTTP upgrade, but stops on 4400-4499.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { db } from '../db';
import { isAllowedOrigin } from '../origin';
import { CLOSE, readLimits, type Limits } from './limits';
import { Room, type Revocation, type RoomHooks, type Subject } from './room';
import { boardLocked, setBoardStore } from './storage';
import { pendingBytes } from './safe-doc';
import type { RealtimePolicy, RoomControl } from './policy';
import type { Cluster } from './relay';

export type { Revocation, RoomHooks, Subject } from './room';
export type { RealtimePolicy, RoomControl, Grant, Refusal } from './policy';
export { addedKeys } from './added-keys';

export const COLLAB_PATH = '/collab/';

let limits: Limits = readLimits();
const rooms = new Map<string, Room>();
const unloading = new Map<string, Promise<void>>();
const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
let policy: RealtimePolicy | null = null;
let hooks: RoomHooks = {};
let cluster: Cluster | null = null;
/** Set while closeAll runs: new connections are refused. */
let closing = false;

const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });

/** For tests and benchmarks: change limits before rooms are opened. */
export function configure(overrides: Partial<Limits>): void {
	limits = { ...readLimits(), ...overrides };
	wss.options.maxPayload = limits.maxMessageBytes;
}

/**
 * What this layer needs from the app (authorisation, control rooms, board storage, room
 * hooks), implemented by the boards domain and handed in at start, before rooms open.
 */
export function configureRealtime(next: RealtimePolicy): void {
	policy = next;
	hooks = next.hooks ?? {};
	setBoardStore(next.store);
}

function configured(): RealtimePolicy {
	if (!policy) throw new Error('Realtime is not configured: call configureRealtime(policy) at start');
	return policy;
}

/** Several app nodes (cluster/ on Redis); null (the default) is one process. Set before rooms open. */
export function setCluster(next: Cluster | null): void {
	cluster = next;
}

export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (!url.pathname.startsWith(COLLAB_PATH)) return false;
	let room: string;
	try {
		room = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
	} catch {
		room = '';
	}
	const viewOnly = url.searchParams.get('mode') === 'view';
	wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, req, room, viewOnly));
	return true;
}

async function accept(ws: WebSocket, req: IncomingMessage, name: string, viewOnly: boolean): Promise<void> {
	// Messages that arrive while we check access are held by ws until we listen.
	ws.pause?.();
	try {
		if (!name || name.length > 100 || !db) {
			ws.close(CLOSE.notFound, 'No such room');
			return;
		}
		if (!isAllowedOrigin(req.headers.origin ?? null, req.headers.host ?? null)) {
			ws.close(CLOSE.forbidden, 'Origin not allowed');
			return;
		}
		const grant = await configured().authorise(req, name, viewOnly);
		if ('code' in grant) {
			ws.close(grant.code, grant.reason);
			return;
		}
		// Checked right before opening, so a room is either opened before closeAll looks, or not at all.
		if (closing) {
			ws.close(CLOSE.shuttingDown, 'Server shutting down');
			return;
		}
		const room = await openRoom(name);
		// The client may have left while we checked: a socket that will never send 'close'
		// again must not join, or the room would never unload.
		if (ws.readyState !== ws.OPEN) {
			if (room.connections.size === 0) scheduleUnload(room);
			return;
		}
		if (room.boardId && room.connections.size >= limits.maxClientsPerBoard) {
			ws.close(CLOSE.boardFull, 'Board is full');
			scheduleUnload(room);
			return;
		}
		clearIdle(name);
		room.join(ws, grant);
		ws.on('close', () => {
			if (room.connections.size === 0) scheduleUnload(room);
		});
	} catch (e) {
		console.error('Realtime connection failed:', e);
		ws.close(1011, 'Server error');
	} finally {
		ws.resume?.();
	}
}

/** Gets a loaded room, loading it (after any unload still in progress) if needed. */
export async function openRoom(name: string): Promise<Room> {
	let room = rooms.get(name);
	if (room?.broken) {
		unload(room);
		room = undefined;
	}
	if (!room) {
		const { control } = configured();
		const controlOf = control.workshopOf(name);
		const isControl = controlOf !== null;
		const openRelay = cluster ? cluster.openRelay.bind(cluster) : null;
		room = new Room(name, isControl ? null : name, limits, unloading.get(name), isControl ? {} : hooks, openRelay);
		rooms.set(name, room);
		if (!isControl) room.locked = await boardLocked(name);
		room.ready.catch(() => rooms.delete(name));
		if (isControl) {
			const created = room;
			await created.ready;
			control.write(created.doc, await control.load(controlOf));
		}
	}
	await room.ready;
	return room;
}

function clearIdle(name: string) {
	const timer = idleTimers.get(name);
	if (timer) clearTimeout(timer);
	idleTimers.delete(name);
}

function scheduleUnload(room: Room): void {
	clearIdle(room.name);
	idleTimers.set(
		room.name,
		setTimeout(() => {
			idleTimers.delete(room.name);
			if (room.connections.size > 0 || rooms.get(room.name) !== room) return;
			unload(room);
		}, limits.idleUnloadMs)
	);
}

/**
 * Takes a room out of use and writes it. Until that is done, the same room name loads
 * only after it (openRoom waits on `unloading`): a load that overtook the last write
 * would read the board without it, and hand that to everyone who joins.
 */
function unload(room: Room, closeCode?: number): Promise<void> {
	if (rooms.get(room.name) === room) rooms.delete(room.name);
	const before = unloading.get(room.name) ?? Promise.resolve();
	const done: Promise<void> = before
		.then(() => room.destroy(closeCode))
		.catch((e) => console.error(`Could not close room ${room.name}:`, e))
		.finally(() => {
			if (unloading.get(room.name) === done) unloading.delete(room.name);
		});
	unloading.set(room.name, done);
	return done;
}

/**
 * Changes a board's document on the server, as the author of a server-checked action
 * (a participant's note). Loads the board if nobody has it open.
 */
export async function changeBoardDoc<T>(boardId: string, change: (doc: Y.Doc) => T): Promise<T> {
	const room = await openRoom(boardId);
	const result = change(room.doc);
	await room.flush();
	if (room.connections.size === 0) scheduleUnload(room);
	return result;
}

/** Reads a board's document (loading it if needed), e.g. to promote a cluster. */
export async function readBoardDoc<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
	const room = await openRoom(boardId);
	const result = read(room.doc);
	if (room.connections.size === 0) scheduleUnload(room);
	return result;
}

/** Rewrites a workshop's control document after the facilitator changed live state. */
export async function publishControl(workshopId: string, state: RoomControl): Promise<void> {
	applyControl(workshopId, state);
	cluster?.announceControl(workshopId, state);
}

/** A control change made here or on another node, applied to the rooms this node holds. */
export function applyControl(workshopId: string, state: RoomControl): void {
	for (const [boardId, control] of Object.entries(state.boards)) {
		const room = rooms.get(boardId);
		if (room) room.locked = control.locked;
	}
	// Without a policy no room was ever opened, so there is no control room to write.
	if (!policy) return;
	const room = rooms.get(policy.control.roomOf(workshopId));
	if (room) policy.control.write(room.doc, state);
}

/**
 * Closes the matching sockets in every loaded room. Rights that ended for good (the
 * session or password) close with 4401; changed rights close with 4000, so the client
 * reconnects and the upgrade check gives it what it may now do (read-only, or 4403).
 * Returns how many sockets were closed.
 */
export function revokeConnections(
	revocation: Revocation,
	why: 'signed-out' | 'rights-changed' = 'rights-changed'
): number {
	cluster?.announceRevocation(revocation, why);
	return revokeHere(revocation, why);
}

/** A revocation made here or on another node, applied to this node's sockets. */
export function revokeHere(revocation: Revocation, why: 'signed-out' | 'rights-changed'): number {
	const code = why === 'signed-out' ? CLOSE.unauthenticated : CLOSE.rightsChanged;
	const keys = (['sessionId', 'userId', 'participantId', 'organisationId', 'workshopId'] as const).filter(
		(k) => revocation[k] !== undefined
	);
	if (keys.length === 0 && !revocation.participants) return 0; // never everyone by accident
	const match = (subject: Subject) =>
		keys.every((k) => subject[k] === revocation[k]) && (!revocation.participants || subject.participantId !== null);
	let closed = 0;
	for (const room of rooms.values()) {
		closed += room.revoke(match, code, why === 'signed-out' ? 'Signed out' : 'Rights changed');
		if (room.connections.size === 0) scheduleUnload(room);
	}
	return closed;
}

/**
 * Flushes every room and closes every socket (shutdown, tests). New connections are
 * refused meanwhile; a room a server-side use case opens meanwhile is written too.
 */
export async function closeAll(): Promise<void> {
	closing = true;
	try {
		while (rooms.size > 0 || unloading.size > 0) {
			for (const timer of idleTimers.values()) clearTimeout(timer);
			idleTimers.clear();
			for (const room of [...rooms.values()]) unload(room, CLOSE.shuttingDown);
			await Promise.all(unloading.values());
		}
	} finally {
		closing = false;
	}
}

export function roomStats(name: string) {
	const room = rooms.get(name);
	return room ? { connections: room.connections.size, pendingBytes: pendingBytes(room.doc), ...room.stats } : null;
}
