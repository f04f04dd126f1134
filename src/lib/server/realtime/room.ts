/**
 * A room: one Y.Doc shared by its connections. Board rooms load from and write to SQL;
 * control rooms are rebuilt by the server and never persisted.
 *
 * Every connection is either a writer or read-only. Read-only connections still get
 * the document and live updates, but their document updates are dropped unread.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as wsModule from 'ws';
import type { WebSocket } from 'ws';
import { sanitizeAwareness, type Identity } from './awareness';
import { CLOSE, TokenBucket, type Limits } from './limits';
import * as storage from './storage';
import { collectAddedKeys } from './added-keys';

/** `ws` exports its frame builder at run time; @types/ws does not declare it. */
const { Sender } = wsModule as unknown as {
	Sender: { frame(data: Buffer, options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean }): Buffer[] };
};

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

export type ConnectionInfo = {
	identity: Identity;
	/** May write when the board is open. */
	canWrite: boolean;
	/** May still write when the board is locked (facilitators). */
	canWriteLocked: boolean;
	/** The session's person (user or participant id), for the domain's hooks. */
	actorId?: string;
};

/**
 * Domain hooks, passed in by configuration (this layer imports no domain code).
 * `beforeLoad` may rewrite what a board stored before anyone receives it (a one-time
 * migration, which stores its result itself); `onClientUpdate` runs after a client's
 * update was applied, with the keys it added to top-level maps.
 */
export type RoomHooks = {
	beforeLoad?: (boardId: string, stored: storage.StoredBoard) => Promise<storage.StoredBoard>;
	onClientUpdate?: (boardId: string, connection: ConnectionInfo, added: Map<string, string[]>) => void;
};

type Connection = ConnectionInfo & {
	socket: WebSocket;
	clientId: number | null;
	bucket: TokenBucket;
	chain: Promise<void>;
};

/**
 * Presence (awareness) goes only to connections that may write. Its states pair each
 * Yjs client id with the session's name, and a writer's client id is on every note it
 * created: participants, observers and the projector would learn who wrote what, hidden
 * authors or not. They send presence but never receive any.
 */
const SEES_PRESENCE = (connection: ConnectionInfo) => connection.canWrite;

export type RoomStats = { droppedReadOnlyUpdates: number; badMessages: number };

export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Map<WebSocket, Connection>();
	readonly ready: Promise<void>;
	locked = false;
	stats: RoomStats = { droppedReadOnlyUpdates: 0, badMessages: 0 };

	private pending: Uint8Array[] = [];
	private flushTimer: ReturnType<typeof setTimeout> | null = null;
	private writes: Promise<void> = Promise.resolve();
	private lastSeq = 0;
	private rowsSinceSnapshot = 0;
	private destroyed = false;

	constructor(
		readonly name: string,
		readonly boardId: string | null,
		private readonly limits: Limits,
		after: Promise<void> = Promise.resolve(),
		private readonly hooks: RoomHooks = {}
	) {
		// The server's own awareness has no state: it only relays clients'.
		this.awareness.setLocalState(null);
		this.ready = after.then(() => this.load());
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const changed = added.concat(updated, removed);
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
			this.broadcast(encoding.toUint8Array(encoder), origin, SEES_PRESENCE);
		});
	}

	private async load(): Promise<void> {
		if (!this.boardId) return;
		const loaded = await storage.loadBoard(this.boardId);
		if (!loaded) throw new Error(`Board ${this.boardId} not found`);
		const stored = this.hooks.beforeLoad ? await this.hooks.beforeLoad(this.boardId, loaded) : loaded;
		// Stored bytes were produced by this server's Y.Doc, never by a client.
		Y.transact(this.doc, () => {
			if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(this.doc, update);
		}, 'storage');
		this.lastSeq = stored.lastSeq;
		this.rowsSinceSnapshot = stored.updates.length;
	}

	/** Adds a socket; sends our state vector and the current awareness. */
	join(socket: WebSocket, info: ConnectionInfo): void {
		const connection: Connection = { ...info, socket, clientId: null, bucket: new TokenBucket(this.limits.messageBurst, this.limits.messagesPerSecond), chain: this.ready };
		this.connections.set(socket, connection);
		socket.on('message', (data: Buffer, isBinary: boolean) => {
			if (!connection.bucket.take()) {
				socket.close(CLOSE.rateLimited, 'Too many messages');
				return;
			}
			if (!isBinary) {
				this.refuse(connection, 'Binary messages only');
				return;
			}
			const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
			// Per connection, messages are handled in order and only once the board is loaded.
			connection.chain = connection.chain.then(() => this.handle(connection, message)).catch(() => this.refuse(connection, 'Malformed message'));
		});
		socket.on('close', () => this.leave(connection));
		socket.on('error', () => socket.terminate());

		connection.chain = connection.chain.then(() => {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(encoder, this.doc);
			this.send(connection, encoding.toUint8Array(encoder));
			const states = this.awareness.getStates();
			if (states.size > 0 && SEES_PRESENCE(connection)) {
				const aw = encoding.createEncoder();
				encoding.writeVarUint(aw, MESSAGE_AWARENESS);
				encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
				this.send(connection, encoding.toUint8Array(aw));
			}
		});
	}

	private writable(connection: Connection): boolean {
		return this.locked ? connection.canWriteLocked : connection.canWrite;
	}

	private handle(connection: Connection, message: Uint8Array): void {
		if (this.destroyed || !this.connections.has(connection.socket)) return;
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		if (type === MESSAGE_SYNC) {
			const syncType = decoding.readVarUint(decoder);
			if (syncType === syncProtocol.messageYjsSyncStep1) {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, MESSAGE_SYNC);
				syncProtocol.readSyncStep1(decoder, encoder, this.doc);
				this.send(connection, encoding.toUint8Array(encoder));
			} else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
				if (!this.writable(connection)) {
					this.stats.droppedReadOnlyUpdates++;
					return;
				}
				// Y.applyUpdate validates as it reads; a malformed update throws and the
				// connection is closed (see join). We never merge raw client updates.
				const update = decoding.readVarUint8Array(decoder);
				const added = collectAddedKeys(this.doc, () => Y.applyUpdate(this.doc, update, connection.socket));
				if (this.boardId && added.size > 0) this.hooks.onClientUpdate?.(this.boardId, connection, added);
			} else {
				throw new Error('Unknown sync message');
			}
		} else if (type === MESSAGE_AWARENESS) {
			const update = decoding.readVarUint8Array(decoder);
			const clean = sanitizeAwareness(update, connection.identity, connection.clientId, (id) => (connection.clientId = id));
			if (clean) awarenessProtocol.applyAwarenessUpdate(this.awareness, clean, connection.socket);
		} else if (type === MESSAGE_QUERY_AWARENESS) {
			if (!SEES_PRESENCE(connection)) return;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
			this.send(connection, encoding.toUint8Array(encoder));
		} else {
			throw new Error('Unknown message type');
		}
	}

	private refuse(connection: Connection, reason: string): void {
		this.stats.badMessages++;
		connection.socket.close(CLOSE.badMessage, reason);
	}

	private onDocUpdate(update: Uint8Array, origin: unknown): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeUpdate(encoder, update);
		this.broadcast(encoding.toUint8Array(encoder), origin);
		if (this.boardId && origin !== 'storage') {
			this.pending.push(update);
			this.flushTimer ??= setTimeout(() => void this.flush(), this.limits.flushDelayMs);
		}
	}

	/**
	 * Fan-out. The websocket frame is built once and written to every socket as a single
	 * chunk; `ws` would otherwise frame it again for each of up to 500 recipients (the
	 * benchmark measured this as the difference to the reference server). A socket whose
	 * sender is busy or queued gets the ordinary `send`, so frames never interleave.
	 */
	private broadcast(message: Uint8Array, origin: unknown, to: (connection: Connection) => boolean = () => true): void {
		const buffer = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
		const [header, payload] = Sender.frame(buffer, { fin: true, rsv1: false, opcode: 0x02, mask: false, readOnly: false });
		const frame = payload ? Buffer.concat([header, payload]) : header;
		for (const connection of this.connections.values()) {
			if (connection.socket !== origin && to(connection)) this.send(connection, buffer, frame);
		}
	}

	private send(connection: Connection, message: Uint8Array, frame?: Buffer): void {
		const { socket } = connection;
		if (socket.readyState !== socket.OPEN) return;
		// Backpressure: a socket that cannot keep up is closed rather than buffered forever.
		if (socket.bufferedAmount > this.limits.maxBufferedBytes) {
			socket.close(CLOSE.tooSlow, 'Too slow');
			return;
		}
		const raw = socket as unknown as { _socket?: { write(b: Buffer): boolean }; _sender?: { _state: number; _queue: unknown[] } };
		if (frame && raw._socket && raw._sender?._state === 0 && raw._sender._queue.length === 0) raw._socket.write(frame);
		else socket.send(message);
	}

	private leave(connection: Connection): void {
		this.connections.delete(connection.socket);
		if (connection.clientId !== null) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [connection.clientId], null);
		}
	}

	/** Writes pending updates to the log (write-behind); compacts past the threshold. */
	flush(): Promise<void> {
		if (this.flushTimer) clearTimeout(this.flushTimer);
		this.flushTimer = null;
		const batch = this.pending;
		this.pending = [];
		const boardId = this.boardId;
		if (!boardId) return this.writes;
		this.writes = this.writes.then(async () => {
			if (batch.length > 0) {
				this.lastSeq = Math.max(this.lastSeq, await storage.appendUpdates(boardId, batch));
				this.rowsSinceSnapshot += batch.length;
			}
			if (this.rowsSinceSnapshot >= this.limits.compactAfterRows) await this.compactNow();
		}).catch((e) => console.error(`Could not store board ${boardId}:`, e));
		return this.writes;
	}

	private async compactNow(): Promise<void> {
		if (!this.boardId || this.lastSeq === 0) return;
		await storage.compactBoard(this.boardId, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
		this.rowsSinceSnapshot = 0;
	}

	/** Flushes, compacts and frees the room (when the last person left, or on shutdown). */
	async destroy(closeCode?: number): Promise<void> {
		if (closeCode) for (const socket of this.connections.keys()) socket.close(closeCode, 'Server shutting down');
		await this.flush();
		this.writes = this.writes.then(() => this.compactNow()).catch((e) => console.error('Could not compact:', e));
		await this.writes;
		this.destroyed = true;
		this.awareness.destroy();
		this.doc.destroy();
	}
}
