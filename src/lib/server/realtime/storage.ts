/**
 * Board persistence: `board.snapshot` plus the `board_update` log after it
 * (y-websocket-server's bindState/writeState, split in calls).
 * Only updates produced by the server's own Y.Doc are stored, never raw client bytes.
 * A snapshot replaces the log only after it was verified to load (see room.ts); the
 * one before it is kept in `previous_snapshot` as a fallback.
 */
import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '../db';
import { board, boardQuarantine, boardUpdate } from '$lib/boards/boards.schema';

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

export async function loadBoard(boardId: string): Promise<StoredBoard | null> {
	const [row] = await db
		.select({ snapshot: board.snapshot, previousSnapshot: board.previousSnapshot })
		.from(board)
		.where(eq(board.id, boardId));
	if (!row) return null;
	const rows = await db
		.select({ seq: boardUpdate.seq, data: boardUpdate.data })
		.from(boardUpdate)
		.where(eq(boardUpdate.boardId, boardId))
		.orderBy(asc(boardUpdate.seq));
	return {
		snapshot: row.snapshot,
		previousSnapshot: row.previousSnapshot,
		updates: rows,
		lastSeq: rows.at(-1)?.seq ?? 0
	};
}

/** Appends updates in one statement; returns the highest sequence number written. */
export async function appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number> {
	if (updates.length === 0) return 0;
	const rows = await db
		.insert(boardUpdate)
		.values(updates.map((data) => ({ boardId, data })))
		.returning({ seq: boardUpdate.seq });
	return Math.max(...rows.map((r) => r.seq));
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

/** Replaces the log up to `uptoSeq` by a (verified) snapshot, atomically; keeps the old one. */
export async function compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
	await db.transaction(async (tx) => {
		if (shared) {
			const [row] = await tx
				.select({ snapshot: board.snapshot })
				.from(board)
				.where(eq(board.id, boardId))
				.for('update');
			const rows = await tx
				.select({ data: boardUpdate.data })
				.from(boardUpdate)
				.where(and(eq(boardUpdate.boardId, boardId), lte(boardUpdate.seq, uptoSeq)));
			const parts = [...(row?.snapshot ? [row.snapshot] : []), ...rows.map((r) => r.data), snapshot];
			snapshot = Y.mergeUpdates(parts);
		}
		await tx
			.update(board)
			.set({ previousSnapshot: sql`${board.snapshot}`, snapshot })
			.where(eq(board.id, boardId));
		await tx.delete(boardUpdate).where(and(eq(boardUpdate.boardId, boardId), lte(boardUpdate.seq, uptoSeq)));
	});
}

/**
 * After a load had to drop stored bytes: the bytes go to the quarantine, the recovered
 * state becomes the snapshot, the log up to `uptoSeq` goes, and the board is marked.
 */
export async function saveRecovered(
	boardId: string,
	snapshot: Uint8Array,
	uptoSeq: number,
	quarantined: Quarantined[]
): Promise<void> {
	await db.transaction(async (tx) => {
		if (quarantined.length > 0) await tx.insert(boardQuarantine).values(quarantined.map((q) => ({ boardId, ...q })));
		await tx.update(board).set({ snapshot, recoveredAt: new Date() }).where(eq(board.id, boardId));
		await tx.delete(boardUpdate).where(and(eq(boardUpdate.boardId, boardId), lte(boardUpdate.seq, uptoSeq)));
	});
}

/** For the facilitator: when the board was recovered and how many stored pieces were set aside. */
export async function recoveryOf(boardId: string): Promise<{ recoveredAt: Date; dropped: number } | null> {
	const [row] = await db.select({ recoveredAt: board.recoveredAt }).from(board).where(eq(board.id, boardId));
	if (!row?.recoveredAt) return null;
	const [{ dropped }] = await db
		.select({ dropped: count() })
		.from(boardQuarantine)
		.where(eq(boardQuarantine.boardId, boardId));
	return { recoveredAt: row.recoveredAt, dropped };
}
