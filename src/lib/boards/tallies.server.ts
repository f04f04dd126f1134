/**
 * Open dot voting and reactions, per person, kept by the server. Whose dots and
 * reactions these are stays in SQL; the board document gets only each note's totals,
 * so no device in the room can link a person's dots or reactions together, or to them.
 * Members and participants alike go through here (members no longer write dots into
 * the document), so the dots per person hold for everyone.
 */
import { and, eq, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { boardDot, boardReaction } from './authorship.schema';
import * as realtime from '$lib/server/realtime';
import { withClusterLock } from '$lib/server/cluster/lock';
import { notesOf, REACTIONS, setDotCount, setReactionCount } from './model';

export type Person = { kind: 'member' | 'participant'; id: string };

// One change at a time per board: the check (dots left) and the write stay together,
// and the document's totals follow SQL in order. With several nodes, a Redis lock per
// board keeps them together across nodes too.
const queues = new Map<string, Promise<unknown>>();
function serially<T>(boardId: string, work: () => Promise<T>): Promise<T> {
	const locked = () => withClusterLock(`board:${boardId}`, work);
	const run = (queues.get(boardId) ?? Promise.resolve()).then(locked, locked);
	const tail = run.catch(() => undefined);
	queues.set(boardId, tail);
	void tail.then(() => queues.get(boardId) === tail && queues.delete(boardId));
	return run;
}

const notesOnBoard = (boardId: string) => realtime.readBoardDoc(boardId, (doc) => new Set(notesOf(doc).keys()));

/** Dots this person has on notes still on the board (a deleted note gives its dots back). */
export async function dotsUsed(boardId: string, person: Person, present?: Set<string>): Promise<number> {
	const notes = present ?? (await notesOnBoard(boardId));
	const rows = await db
		.select({ noteId: boardDot.noteId, count: boardDot.count })
		.from(boardDot)
		.where(and(eq(boardDot.boardId, boardId), eq(boardDot.voterKind, person.kind), eq(boardDot.voterId, person.id)));
	return rows.reduce((sum, r) => sum + (notes.has(r.noteId) ? r.count : 0), 0);
}

async function noteTotal(boardId: string, noteId: string): Promise<number> {
	const [row] = await db
		.select({ total: sql<number>`coalesce(sum(${boardDot.count}), 0)` })
		.from(boardDot)
		.where(and(eq(boardDot.boardId, boardId), eq(boardDot.noteId, noteId)));
	return Number(row?.total ?? 0);
}

export type DotResult = { ok: true; used: number } | { ok: false; error: 'error_not_found' | 'error_no_dots_left' };

/** Places (or takes back) one of this person's dots on a note, within `limit` per person. */
export function placeDot(
	boardId: string,
	person: Person,
	noteId: string,
	action: 'add' | 'remove',
	limit: number
): Promise<DotResult> {
	return serially(boardId, async () => {
		const present = await notesOnBoard(boardId);
		if (!present.has(noteId)) return { ok: false, error: 'error_not_found' };
		const used = await dotsUsed(boardId, person, present);
		const key = and(
			eq(boardDot.boardId, boardId),
			eq(boardDot.noteId, noteId),
			eq(boardDot.voterKind, person.kind),
			eq(boardDot.voterId, person.id)
		);
		if (action === 'add') {
			if (used >= limit) return { ok: false, error: 'error_no_dots_left' };
			await db
				.insert(boardDot)
				.values({ boardId, noteId, voterKind: person.kind, voterId: person.id, count: 1 })
				.onConflictDoUpdate({
					target: [boardDot.boardId, boardDot.noteId, boardDot.voterKind, boardDot.voterId],
					set: { count: sql`${boardDot.count} + 1` }
				});
		} else {
			const [mine] = await db.select({ count: boardDot.count }).from(boardDot).where(key);
			if (!mine || mine.count <= 0) return { ok: false, error: 'error_not_found' };
			if (mine.count === 1) await db.delete(boardDot).where(key);
			else
				await db
					.update(boardDot)
					.set({ count: mine.count - 1 })
					.where(key);
		}
		const total = await noteTotal(boardId, noteId);
		await realtime.changeBoardDoc(boardId, (doc) => setDotCount(doc, noteId, total, 'tally'));
		return { ok: true, used: used + (action === 'add' ? 1 : -1) };
	});
}

/** Toggles this person's reaction on a note; the document gets the new count. */
export function toggleReaction(boardId: string, person: Person, noteId: string, emoji: string): Promise<boolean> {
	return serially(boardId, async () => {
		if (!(REACTIONS as readonly string[]).includes(emoji) || !(await notesOnBoard(boardId)).has(noteId)) return false;
		const mine = and(
			eq(boardReaction.boardId, boardId),
			eq(boardReaction.noteId, noteId),
			eq(boardReaction.emoji, emoji),
			eq(boardReaction.reactorKind, person.kind),
			eq(boardReaction.reactorId, person.id)
		);
		const removed = await db.delete(boardReaction).where(mine).returning({ noteId: boardReaction.noteId });
		if (removed.length === 0)
			await db.insert(boardReaction).values({ boardId, noteId, emoji, reactorKind: person.kind, reactorId: person.id });
		const [row] = await db
			.select({ n: sql<number>`count(*)` })
			.from(boardReaction)
			.where(and(eq(boardReaction.boardId, boardId), eq(boardReaction.noteId, noteId), eq(boardReaction.emoji, emoji)));
		await realtime.changeBoardDoc(boardId, (doc) => setReactionCount(doc, noteId, emoji, Number(row?.n ?? 0), 'tally'));
		return true;
	});
}
