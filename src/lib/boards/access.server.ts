/**
 * Access to one board, derived from the access to its workshop: a member's checked
 * `WorkshopAccess<P>` becomes a `BoardAccess<P>` only when the board is in that workshop
 * (404 otherwise), and a joined participant's `ParticipantAccess` becomes a
 * `ParticipantBoardAccess` only for a board of the workshop they joined.
 *
 * Use cases that change a board take these values, never a bare board id; only this
 * module builds them.
 */
import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { board } from './boards.schema';
import type { ParticipantAccess, WorkshopAccess, SessionParticipant } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';

declare const checked: unique symbol;
declare const onPhone: unique symbol;

export type Board = typeof board.$inferSelect;

/** Proof that the member holds `P` in the workshop that holds `board`. */
export type BoardAccess<P extends Permission = Permission> = WorkshopAccess<P> & {
	readonly board: Board;
	readonly [checked]: P;
};

/** Proof that the person on this phone joined the workshop that holds `board`. */
export type ParticipantBoardAccess = {
	readonly participant: SessionParticipant;
	readonly board: Board;
	readonly [onPhone]: true;
};

async function boardIn(workshopId: string, boardId: string): Promise<Board | null> {
	const [found] = await db.select().from(board).where(eq(board.id, boardId));
	return found && found.workshopId === workshopId ? found : null;
}

/** The board, if it is in the checked workshop; 404 otherwise. */
export async function boardAccess<P extends Permission>(
	access: WorkshopAccess<P>,
	boardId: string
): Promise<BoardAccess<P>> {
	return (await boardAccessOrNull(access, boardId)) ?? error(404, 'Not found');
}

/** The same check for a form that names a board: null when it is not in the workshop. */
export async function boardAccessOrNull<P extends Permission>(
	access: WorkshopAccess<P>,
	boardId: string
): Promise<BoardAccess<P> | null> {
	const found = await boardIn(access.workshop.id, boardId);
	return found ? ({ ...access, board: found } as BoardAccess<P>) : null;
}

/**
 * The board, if it is in the workshop this participant joined; null otherwise (the phone's
 * actions answer that as a form failure, its page load as 404).
 */
export async function participantBoardAccess(
	who: ParticipantAccess & { participant: SessionParticipant },
	boardId: string
): Promise<ParticipantBoardAccess | null> {
	const found = await boardIn(who.workshopId, boardId);
	return found ? ({ participant: who.participant, board: found } as ParticipantBoardAccess) : null;
}
