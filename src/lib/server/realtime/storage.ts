/**
 * Board persistence: `board.snapshot` plus the `board_update` log after it
 * (y-websocket-server's bindState/writeState, split in three calls).
 * Only updates produced by the server's own Y.Doc are stored, never raw client bytes.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { db } from '../db';
import { board, boardUpdate } from '../db/schema';

export type StoredBoard = { snapshot: Uint8Array | null; updates: Uint8Array[]; lastSeq: number };

export async function loadBoard(boardId: string): Promise<StoredBoard | null> {
	const [row] = await db.select({ snapshot: board.snapshot }).from(board).where(eq(board.id, boardId));
	if (!row) return null;
	const rows = await db
		.select({ seq: boardUpdate.seq, data: boardUpdate.data })
		.from(boardUpdate)
		.where(eq(boardUpdate.boardId, boardId))
		.orderBy(asc(boardUpdate.seq));
	return { snapshot: row.snapshot, updates: rows.map((r) => r.data), lastSeq: rows.at(-1)?.seq ?? 0 };
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

/** Replaces the log up to `uptoSeq` by a snapshot of the whole document, atomically. */
export async function compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.update(board).set({ snapshot }).where(eq(board.id, boardId));
		await tx.delete(boardUpdate).where(and(eq(boardUpdate.boardId, boardId), lte(boardUpdate.seq, uptoSeq)));
	});
}
