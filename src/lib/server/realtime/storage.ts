/**
 * Board persistence as the rooms see it: `snapshot` plus the update log after it
 * (y-websocket-server's bindState/writeState, split in calls). The SQL lives with the
 * boards domain (`$lib/boards/board-store.server.ts`), which hands its `BoardStore` in
 * through `configureRealtime` at start; this layer knows no tables.
 * Only updates produced by the server's own Y.Doc are stored, never raw client bytes.
 * A snapshot replaces the log only after it was verified to load (see room.ts); the
 * one before it is kept as a fallback.
 */

export type LogRow = { seq: number; data: Uint8Array };
export type StoredBoard = {
	snapshot: Uint8Array | null;
	previousSnapshot: Uint8Array | null;
	updates: LogRow[];
	lastSeq: number;
};
export type Quarantined = {
	kind: 'snapshot' | 'update' | 'pending';
	seq: number | null;
	data: Uint8Array;
	reason: string;
};

/** Where board documents are stored (implemented by the boards domain). */
export interface BoardStore {
	/** The stored snapshots and the log after them; null when there is no such board. */
	load(boardId: string): Promise<StoredBoard | null>;
	/** Whether the board is locked (only facilitators write). */
	locked(boardId: string): Promise<boolean>;
	/** Appends updates in one statement; returns the highest sequence number written. */
	append(boardId: string, updates: Uint8Array[]): Promise<number>;
	/**
	 * Replaces the log up to `uptoSeq` by a (verified) snapshot, atomically; keeps the old
	 * one. `merge`: fold the stored snapshot and the replaced rows into it first, under a
	 * row lock (several nodes, see `setSharedBoards`).
	 */
	compact(boardId: string, snapshot: Uint8Array, uptoSeq: number, merge: boolean): Promise<void>;
	/**
	 * After a load had to drop stored bytes: the bytes go to the quarantine, the recovered
	 * state becomes the snapshot, the log up to `uptoSeq` goes, and the board is marked.
	 */
	saveRecovered(boardId: string, snapshot: Uint8Array, uptoSeq: number, quarantined: Quarantined[]): Promise<void>;
}

let store: BoardStore | null = null;

/** Set by `configureRealtime`. */
export function setBoardStore(next: BoardStore | null): void {
	store = next;
}

function current(): BoardStore {
	if (!store) throw new Error('Realtime is not configured: call configureRealtime(policy) at start');
	return store;
}

/**
 * With several nodes (`setSharedBoards(true)`), a node's snapshot may lack what another
 * node stored but never relayed (Redis was down): the stored snapshot and the rows being
 * replaced are merged into it, under a row lock, so compaction never drops another
 * node's work. Yjs updates merge idempotently.
 */
let shared = false;
export function setSharedBoards(on: boolean): void {
	shared = on;
}

export const loadBoard = (boardId: string) => current().load(boardId);
export const boardLocked = (boardId: string) => current().locked(boardId);
export const appendUpdates = (boardId: string, updates: Uint8Array[]) =>
	updates.length === 0 ? Promise.resolve(0) : current().append(boardId, updates);
export const compactBoard = (boardId: string, snapshot: Uint8Array, uptoSeq: number) =>
	current().compact(boardId, snapshot, uptoSeq, shared);
export const saveRecovered = (boardId: string, snapshot: Uint8Array, uptoSeq: number, quarantined: Quarantined[]) =>
	current().saveRecovered(boardId, snapshot, uptoSeq, quarantined);
