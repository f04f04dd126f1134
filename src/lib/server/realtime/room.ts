/**
 * A room: one Y.Doc shared by its connections. Board rooms load from and write to SQL;
 * control rooms are rebuilt by the server and never persisted.
 *
 * Every connection is either a writer or read-only. Read-only connections still get
 * the document and live updates, but their document updates are dropped unread.
 *
 * A writer's update is checked (validate.ts) and then applied transactionally: what the
 * document emits while it integrates is held back, and only published (fanned out,
 * logged, kept as the rollback point) when the update applied cleanly. If applying
 * throws, or leaves the document stuck, the room goes back to its last good state,
 * the sender is closed with 1007 and everyone else keeps syncing.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { sanitizeAwareness, type Identity } from './awareness';
import { broadcast, send } from './fanout';
import { CLOSE, TokenBucket, type Limits } from './limits';
import type * as storage from './storage';
import { restoreBoard } from './recover';
import { encodeWithoutPending, isStuck, loadDoc, pendingBytes } from './safe-doc';
import { BoardLog } from './board-log';
import { checkUpdate } from './validate';
import { RELAYED, type RelayTarget, type RoomRelay } from './relay';
import type { Subject } from './types';

export type { Revocation, Subject } from './types';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** An awareness update as a y-websocket message. */
function frameAwareness(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export type ConnectionInfo = {
	identity: Identity;
	/** May write when the board is open. */
	canWrite: boolean;
	/** May still write when the board is locked (facilitators). */
	canWriteLocked: boolean;
	subject: Subject;
};

/** Set by the app at start (infrastructure knows no domain rules). */
export type RoomHooks = {
	/**
	 * May rewrite what a board stored before anyone receives it (a one-time migration,
	 * which stores its result itself); the result is then restored like any stored board.
	 */
	beforeLoad?: (boardId: string, stored: storage.StoredBoard) => Promise<storage.StoredBoard>;
	/** After a writer's update applied cleanly and was published; may change `doc` (as the server). */
	onClientUpdate?: (boardId: string, connection: ConnectionInfo, doc: Y.Doc, transaction: Y.Transaction) => void;
};

/**
 * Presence (awareness) goes only to connections that may write. Its states pair each
 * Yjs client id with the session's name, and a writer's client id is on every note it
 * created: participants, observers and the projector would learn who wrote what, hidden
 * authors or not. They send presence but never receive any.
 */
const SEES_PRESENCE = (connection: ConnectionInfo) => connection.canWrite;

export type Connection = ConnectionInfo & {
	socket: WebSocket;
	clientId: number | null;
	bucket: TokenBucket;
	chain: Promise<void>;
};

export type RoomStats = {
	droppedReadOnlyUpdates: number;
	badMessages: number;
	rolledBack: number;
	refusedPending: number;
};

type Emitted = { update: Uint8Array; origin: unknown; transaction: Y.Transaction };

/** A refusal of the sender's message (closed with 1007); the room itself is fine. */
export class Refused extends Error {}

export class Room implements RelayTarget {
	private current = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.current);
	readonly connections = new Map<WebSocket, Connection>();
	readonly ready: Promise<void>;
	locked = false;
	/** Set when even the rollback failed: the room is closed and loads afresh (with recovery) on next use. */
	broken = false;
	stats: RoomStats = { droppedReadOnlyUpdates: 0, badMessages: 0, rolledBack: 0, refusedPending: 0 };

	/** Updates emitted while a client update integrates; null when not integrating. */
	private held: Emitted[] | null = null;
	private readonly log: BoardLog | null;
	/** Other app nodes holding the same room (cluster mode), or null with one process. */
	private relay: RoomRelay | null = null;
	private readonly onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
		if (this.held) this.held.push({ update, origin, transaction });
		else this.publish(update, origin);
	};

	constructor(
		readonly name: string,
		readonly boardId: string | null,
		private readonly limits: Limits,
		after: Promise<void> = Promise.resolve(),
		private readonly hooks: RoomHooks = {},
		private readonly openRelay: ((room: string, target: RelayTarget) => Promise<RoomRelay>) | null = null
	) {
		this.log = boardId ? new BoardLog(boardId, limits, () => this.current) : null;
		// The server's own awareness has no state: it only relays clients'.
		this.awareness.setLocalState(null);
		this.ready = after.then(() => this.load());
		this.current.on('update', this.onUpdate);
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			// Encoded once: framed for the writers here, and as it is for the other nodes.
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, added.concat(updated, removed));
			const seeing: WebSocket[] = [];
			for (const [socket, connection] of this.connections) if (SEES_PRESENCE(connection)) seeing.push(socket);
			broadcast(seeing, frameAwareness(update), origin, this.limits.maxBufferedBytes);
			if (origin !== RELAYED) this.relay?.publishAwareness(update);
		});
	}

	/** The room's document; replaced by a rebuilt one after a rollback. */
	get doc(): Y.Doc {
		return this.current;
	}

	private async load(): Promise<void> {
		// Subscribed before loading, so nothing another node publishes meanwhile is missed.
		if (this.openRelay) this.relay = await this.openRelay(this.name, this);
		try {
			if (this.log) {
				const restored = await this.log.load(restoreBoard, this.hooks.beforeLoad);
				this.swap(restored.doc);
			}
		} catch (e) {
			await this.relay?.close(); // a room that never loaded is never destroyed
			throw e;
		}
		await this.relay?.catchUp();
	}

	applyRemoteUpdate(update: Uint8Array): void {
		try {
			Y.applyUpdate(this.doc, update, RELAYED);
		} catch (e) {
			console.error(`Room ${this.name}: an update from another node does not apply:`, e);
		}
	}

	applyRemoteAwareness(update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAYED);
	}

	encodeDiff(stateVector: Uint8Array): Uint8Array {
		return encodeWithoutPending(this.doc, stateVector);
	}

	stateVector(): Uint8Array {
		return Y.encodeStateVector(this.doc);
	}

	encodeAwareness(): Uint8Array | null {
		const ids = [...this.awareness.getStates().keys()];
		return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
	}

	private swap(doc: Y.Doc): void {
		this.current.off('update', this.onUpdate);
		this.current = doc;
		doc.on('update', this.onUpdate);
	}

	/** Adds a socket; sends our state vector and the current awareness. */
	join(socket: WebSocket, info: ConnectionInfo): void {
		const connection: Connection = {
			...info,
			socket,
			clientId: null,
			bucket: new TokenBucket(this.limits.messageBurst, this.limits.messagesPerSecond),
			chain: this.ready
		};
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
			connection.chain = connection.chain
				.then(() => this.handle(connection, message))
				.catch((e) => this.refuse(connection, e instanceof Refused ? e.message : 'Malformed message'));
		});
		socket.on('close', () => this.leave(connection));
		socket.on('error', () => socket.terminate());

		connection.chain = connection.chain.then(() => {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(encoder, this.doc);
			this.sendTo(connection, encoding.toUint8Array(encoder));
			const states = this.awareness.getStates();
			if (states.size > 0 && SEES_PRESENCE(connection))
				this.sendTo(connection, this.awarenessMessage([...states.keys()]));
		});
	}

	private writable(connection: Connection): boolean {
		return this.locked ? connection.canWriteLocked : connection.canWrite;
	}

	private handle(connection: Connection, message: Uint8Array): void {
		if (!this.connections.has(connection.socket)) return;
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		if (type === MESSAGE_SYNC) {
			const syncType = decoding.readVarUint(decoder);
			if (syncType === syncProtocol.messageYjsSyncStep1) {
				// As y-protocols' readSyncStep1, but never handing out pending data.
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, MESSAGE_SYNC);
				encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
				encoding.writeVarUint8Array(encoder, encodeWithoutPending(this.doc, decoding.readVarUint8Array(decoder)));
				this.sendTo(connection, encoding.toUint8Array(encoder));
			} else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
				if (!this.writable(connection)) {
					this.stats.droppedReadOnlyUpdates++;
					return;
				}
				this.applyFromClient(connection, decoding.readVarUint8Array(decoder));
			} else {
				throw new Refused('Unknown sync message');
			}
		} else if (type === MESSAGE_AWARENESS) {
			const update = decoding.readVarUint8Array(decoder);
			const clean = sanitizeAwareness(update, connection.identity, connection.clientId, (id) =>
				this.bindClientId(connection, id)
			);
			if (clean) awarenessProtocol.applyAwarenessUpdate(this.awareness, clean, connection.socket);
		} else if (type === MESSAGE_QUERY_AWARENESS) {
			if (SEES_PRESENCE(connection))
				this.sendTo(connection, this.awarenessMessage([...this.awareness.getStates().keys()]));
		} else {
			throw new Refused('Unknown message type');
		}
	}

	/** A connection may hold one awareness client id: its first, and only if no other live connection holds it. */
	private bindClientId(connection: Connection, clientId: number): boolean {
		for (const other of this.connections.values())
			if (other !== connection && other.clientId === clientId) return false;
		connection.clientId = clientId;
		return true;
	}

	/** Checks, then integrates with rollback; see the comment at the top. */
	private applyFromClient(connection: Connection, update: Uint8Array): void {
		const doc = this.doc;
		const reason = checkUpdate(doc, update, this.limits.updateBounds);
		if (reason) throw new Refused(reason);
		// Yjs merges new pending data into the pending object in place: keep a copy to restore.
		const { pendingStructs, pendingDs } = doc.store;
		const pendingCopy = pendingStructs && { missing: new Map(pendingStructs.missing), update: pendingStructs.update };
		const pendingBefore = pendingBytes(doc);
		this.held = [];
		let failed = false;
		try {
			Y.applyUpdate(doc, update, connection.socket);
		} catch {
			failed = true;
		}
		const held = this.held;
		this.held = null;
		if (failed || isStuck(doc)) {
			this.rollback();
			throw new Refused('Update does not apply');
		}
		// Data waiting for dependencies the server never saw stays small, or is refused.
		// Only an update that itself added pending data is refused: honest ones never do.
		const pendingAfter = pendingBytes(doc);
		const tooMuchPending = pendingAfter > this.limits.maxPendingBytes && pendingAfter > pendingBefore;
		if (tooMuchPending) {
			doc.store.pendingStructs = pendingCopy;
			doc.store.pendingDs = pendingDs;
			this.stats.refusedPending++;
		}
		for (const emitted of held) this.publish(emitted.update, emitted.origin);
		if (this.boardId && this.hooks.onClientUpdate) {
			// A failing hook is the app's bug, not the sender's: log it, keep the connection.
			for (const emitted of held) {
				try {
					this.hooks.onClientUpdate(this.boardId, connection, doc, emitted.transaction);
				} catch (e) {
					console.error(`onClientUpdate failed on board ${this.boardId}:`, e);
				}
			}
		}
		if (tooMuchPending) throw new Refused('Too many missing dependencies');
	}

	/** Back to the last published state: what every client has seen, nothing half-applied. */
	private rollback(): void {
		this.stats.rolledBack++;
		try {
			this.swap(this.log ? this.log.rebuild() : loadDoc([]));
		} catch (e) {
			console.error(`Room ${this.name} could not roll back; closing it:`, e);
			this.broken = true;
			for (const socket of this.connections.keys()) socket.close(1011, 'Board reloading');
		}
	}

	private refuse(connection: Connection, reason: string): void {
		this.stats.badMessages++;
		connection.socket.close(CLOSE.badMessage, reason.slice(0, 100));
	}

	/** Fans an update of the server's document out, and logs it (write-behind). */
	private publish(update: Uint8Array, origin: unknown): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeUpdate(encoder, update);
		broadcast(this.connections.keys(), encoding.toUint8Array(encoder), origin, this.limits.maxBufferedBytes);
		// Stored once: by the node where the change was made. Another node's update is only
		// remembered (rollback point, and the snapshot when this node compacts).
		if (origin === RELAYED) {
			this.log?.remember(update);
		} else if (origin !== 'storage') {
			this.log?.append(update);
			this.relay?.publishUpdate(update);
		}
	}

	private awarenessMessage(clientIds: number[]): Uint8Array {
		return frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
	}

	private sendTo(connection: Connection, message: Uint8Array): void {
		send(connection.socket, message, this.limits.maxBufferedBytes);
	}

	private leave(connection: Connection): void {
		this.connections.delete(connection.socket);
		if (connection.clientId !== null) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [connection.clientId], null);
		}
	}

	/** Closes the connections `match` selects (their rights changed); they may reconnect and are checked again. */
	revoke(match: (subject: Subject) => boolean, code: number, reason: string): number {
		let closed = 0;
		for (const connection of this.connections.values()) {
			if (!match(connection.subject)) continue;
			connection.socket.close(code, reason);
			this.leave(connection);
			closed++;
		}
		return closed;
	}

	/** Writes pending updates to the log now. */
	flush(): Promise<void> {
		return this.log ? this.log.flush() : Promise.resolve();
	}

	/** Flushes, compacts and frees the room (when the last person left, or on shutdown). */
	async destroy(closeCode?: number): Promise<void> {
		if (closeCode) for (const socket of this.connections.keys()) socket.close(closeCode, 'Server shutting down');
		await this.ready.catch(() => {}); // a load still running would otherwise land after the write
		await this.relay?.close();
		await this.log?.close();
		this.awareness.destroy();
		this.current.destroy();
	}
}
