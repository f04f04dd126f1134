/**
 * Board documents in SQL: `board.snapshot` plus the `board_update` log after it, and
 * `board_quarantine` for what a load had to set aside. The realtime layer calls these
 * through its `BoardStore` interface (handed in by `boardsRealtime`); the rules about
 * when to write, compact and verify are the realtime layer's (board-log.ts, safe-doc.ts).
 */
import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import type { BoardStore, Quarantined, StoredBoard } from '$lib/server/realtime/storage';
import { board, boardQuarantine, boardUpdate } from './boards.schema';

/**
 * The log is read before the snapshot: a compaction that commits between the two reads
 * has folded the rows already read into the snapshot read after them (Yjs updates merge
 * idempotently). Read the other way round, such a load would get the old snapshot and
 * an emptied log, and lose the board's content.
 */
async function load(boardId: string): Promise<StoredBoard | null> {
	const rows = await db
		.select({ seq: boardUpdate.seq, data: boardUpdate.data })
		.from(boardUpdate)
		.where(eq(boardUpdate.boardId, boardId))
		.orderBy(asc(boardUpdate.seq));
	const [row] = await db
		.select({ snapshot: board.snapshot, previousSnapshot: board.previousSnapshot })
		.from(board)
		.where(eq(board.id, boardId));
	if (!row) return null;
	return {
		snapshot: row.snapshot,
		previousSnapshot: row.previousSnapshot,
		updates: rows,
		lastSeq: rows.at(-1)?.seq ?? 0
	};
}

async function locked(boardId: string): Promise<boolean> {
	const [row] = await db.select({ locked: board.locked }).from(board).where(eq(board.id, boardId));
	return row?.locked ?? false;
}

async function append(boardId: string, updates: Uint8Array[]): Promise<number> {
	if (updates.length === 0) return 0;
	const rows = await db
		.insert(boardUpdate)
		.values(updates.map((data) => ({ boardId, data })))
		.returning({ seq: boardUpdate.seq });
	return Math.max(...rows.map((r) => r.seq));
}

async function compact(boardId: string, snapshot: Uint8Array, uptoSeq: number, merge: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		if (merge) {
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

async function saveRecovered(
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

export const boardStore: BoardStore = { load, locked, append, compact, saveRecovered };

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
