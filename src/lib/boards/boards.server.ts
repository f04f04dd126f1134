/**
 * Use cases for boards: create and list them, the facilitator's live controls (lock,
 * hide authors, moderation, timer, follow me), participants' reactions and dots, and the
 * moderation queue. A participant's note comes in through safeguarding/contributions.server.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { agendaItem, participant as participantTable, workshop } from '$lib/workshops/workshops.schema';
import { board, boardSubmission } from './boards.schema';
import { generateId } from '$lib/server/auth/tokens';
import { sharedLimiter, type RateLimiter } from '$lib/server/auth/rate-limit';
import * as realtime from '$lib/server/realtime';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { BoardAccess, ParticipantBoardAccess } from './access.server';
import { addNote, type Colour, type Pictogram } from './model';
import { participantAuthor, recordAuthor } from './authorship.server';
import { placeDot, toggleReaction } from './tallies.server';
import { FREE, type Conductor, type ControlState } from './control';
import { announceControl, announceModeration } from '$lib/live/announce.server';
import { can } from '$lib/orgs/roles';

export type Board = typeof board.$inferSelect;

export async function listBoards(workshopId: string) {
	return db
		.select({
			id: board.id,
			title: board.title,
			locked: board.locked,
			hideAuthors: board.hideAuthors,
			moderation: board.moderation,
			dotsPerPerson: board.dotsPerPerson,
			stage: board.stage
		})
		.from(board)
		.where(eq(board.workshopId, workshopId))
		.orderBy(asc(board.position), asc(board.createdAt));
}

export async function createBoard(
	workshopId: string,
	title: string,
	options: { stage?: string | null; continuesPlanItemId?: string } = {}
): Promise<string> {
	const id = generateId();
	const existing = await listBoards(workshopId);
	await db.insert(board).values({
		id,
		workshopId,
		title,
		position: existing.length,
		stage: options.stage ?? null,
		continuesPlanItemId: options.continuesPlanItemId ?? null
	});
	await publish(workshopId);
	return id;
}

/** Whether participants may still add to this workshop (closed or draft: the input card explains instead). */
export async function isWorkshopOpen(workshopId: string): Promise<boolean> {
	const [w] = await db.select({ status: workshop.status }).from(workshop).where(eq(workshop.id, workshopId));
	return w?.status === 'open';
}

export async function findBoard(boardId: string) {
	const [found] = await db.select().from(board).where(eq(board.id, boardId));
	return found ?? null;
}

/** The authoritative live state, as the control document shows it. */
export async function getControlState(workshopId: string): Promise<ControlState> {
	const [w] = await db
		.select({
			currentAgendaItemId: workshop.currentAgendaItemId,
			currentBoardId: workshop.currentBoardId,
			timerEndsAt: workshop.timerEndsAt,
			conductor: workshop.conductor
		})
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	const boards = await listBoards(workshopId);
	let currentAgendaTitle: string | null = null;
	if (w?.currentAgendaItemId) {
		const [item] = await db
			.select({ title: agendaItem.title })
			.from(agendaItem)
			.where(eq(agendaItem.id, w.currentAgendaItemId));
		currentAgendaTitle = item?.title ?? null;
	}
	return {
		boards: Object.fromEntries(
			boards.map((b) => [
				b.id,
				{
					title: b.title,
					locked: b.locked,
					hideAuthors: b.hideAuthors,
					moderation: b.moderation,
					dots: b.dotsPerPerson
				}
			])
		),
		currentAgendaItemId: w?.currentAgendaItemId ?? null,
		currentAgendaTitle,
		currentBoardId: w?.currentBoardId ?? null,
		timerEndsAt: w?.timerEndsAt ? w.timerEndsAt.getTime() : null,
		// Before the conductor existed, follow me was only a board.
		conductor:
			(w?.conductor as Conductor | null) ?? (w?.currentBoardId ? { kind: 'board', id: w.currentBoardId } : FREE)
	};
}

/** What a phone without the control document needs: where the room is, and board titles. */
export async function getRoomState(workshopId: string) {
	const state = await getControlState(workshopId);
	return {
		conductor: state.conductor,
		boards: Object.fromEntries(Object.entries(state.boards).map(([id, b]) => [id, { title: b.title }]))
	};
}

/** Rewrites the workshop's control document and tells the live pages. */
export async function publish(workshopId: string) {
	await realtime.publishControl(workshopId, await getControlState(workshopId));
	announceControl(workshopId);
}

/** The facilitator's switches on a board (lock, hide authors, moderation, title, dots per person). */
export async function setBoardFlags(
	access: BoardAccess<'workshop.run'>,
	flags: Partial<Pick<Board, 'locked' | 'hideAuthors' | 'moderation' | 'title' | 'dotsPerPerson'>>
) {
	const [updated] = await db
		.update(board)
		.set(flags)
		.where(eq(board.id, access.board.id))
		.returning({ workshopId: board.workshopId });
	if (updated) await publish(updated.workshopId);
}

/** Starts the shared timer for `minutes`, or stops it (null). */
export async function setTimer(access: WorkshopAccess<'workshop.run'>, minutes: number | null) {
	const workshopId = access.workshop.id;
	const timerEndsAt = minutes ? new Date(Date.now() + minutes * 60_000) : null;
	await db.update(workshop).set({ timerEndsAt }).where(eq(workshop.id, workshopId));
	await publish(workshopId);
}

/** "Follow me": everyone's screen follows this agenda item and board. */
export async function setFollow(
	access: WorkshopAccess<'workshop.run'>,
	follow: { agendaItemId: string | null; boardId: string | null }
) {
	const workshopId = access.workshop.id;
	if (follow.agendaItemId) {
		const [item] = await db
			.select()
			.from(agendaItem)
			.where(and(eq(agendaItem.id, follow.agendaItemId), eq(agendaItem.workshopId, workshopId)));
		if (!item) return { ok: false as const, error: 'error_not_found' };
	}
	if (follow.boardId) {
		const found = await findBoard(follow.boardId);
		if (!found || found.workshopId !== workshopId) return { ok: false as const, error: 'error_not_found' };
	}
	const conductor: Conductor = follow.boardId
		? { kind: 'board', id: follow.boardId, at: Date.now() }
		: { kind: 'free', at: Date.now() };
	await db
		.update(workshop)
		.set({ currentAgendaItemId: follow.agendaItemId, currentBoardId: follow.boardId, conductor })
		.where(eq(workshop.id, workshopId));
	await publish(workshopId);
	return { ok: true as const };
}

// Per participant: 60 reactions and dots a minute are plenty in a room (notes: safeguarding/contributions.server.ts).
const reactionsPerParticipant: RateLimiter = sharedLimiter('reactions-participant', { max: 60, windowMs: 60_000 });

/** The board as it is now, if this participant may write to it; otherwise why not. */
export async function writableBoard(access: ParticipantBoardAccess) {
	const found = await findBoard(access.board.id);
	if (!found || found.workshopId !== access.participant.workshopId)
		return { ok: false as const, error: 'error_not_found' };
	const [w] = await db.select({ status: workshop.status }).from(workshop).where(eq(workshop.id, found.workshopId));
	if (w?.status !== 'open') return { ok: false as const, error: 'error_workshop_closed' };
	if (found.locked) return { ok: false as const, error: 'error_board_locked' };
	return { ok: true as const, board: found };
}

export async function reactToNote(access: ParticipantBoardAccess, noteId: string, emoji: string) {
	const { participant } = access;
	const boardId = access.board.id;
	const checked = await writableBoard(access);
	if (!checked.ok) return checked;
	if ((await reactionsPerParticipant.retryAfter(participant.id)) > 0)
		return { ok: false as const, error: 'error_slow_down' };
	await reactionsPerParticipant.hit(participant.id);
	await toggleReaction(boardId, { kind: 'participant', id: participant.id }, noteId, emoji);
	return { ok: true as const };
}

/** Open dot voting for a participant: the server enforces the board's dots per person. */
export async function dotNote(access: ParticipantBoardAccess, noteId: string, action: 'add' | 'remove') {
	const { participant } = access;
	const boardId = access.board.id;
	const checked = await writableBoard(access);
	if (!checked.ok) return checked;
	if (checked.board.dotsPerPerson <= 0) return { ok: false as const, error: 'error_dots_off' };
	if ((await reactionsPerParticipant.retryAfter(participant.id)) > 0)
		return { ok: false as const, error: 'error_slow_down' };
	await reactionsPerParticipant.hit(participant.id);
	return placeDot(boardId, { kind: 'participant', id: participant.id }, noteId, action, checked.board.dotsPerPerson);
}

/**
 * Open dot voting for a member who may write on boards (over a form action, like
 * participants: the server counts). A locked board takes dots only from those who run it.
 */
export async function dotNoteAsMember(access: BoardAccess<'board.edit'>, noteId: string, action: 'add' | 'remove') {
	const boardId = access.board.id;
	const found = await findBoard(boardId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	if (found.locked && !can(access.role, 'workshop.run')) return { ok: false as const, error: 'error_board_locked' };
	if (found.dotsPerPerson <= 0) return { ok: false as const, error: 'error_dots_off' };
	return placeDot(boardId, { kind: 'member', id: access.userId }, noteId, action, found.dotsPerPerson);
}

export async function listSubmissions(boardId: string) {
	return db
		.select()
		.from(boardSubmission)
		.where(eq(boardSubmission.boardId, boardId))
		.orderBy(asc(boardSubmission.createdAt));
}

/** The facilitator approves a waiting note: the server writes it into the board. */
export async function approveSubmission(access: BoardAccess<'workshop.run'>, submissionId: string) {
	const boardId = access.board.id;
	const [sub] = await db
		.delete(boardSubmission)
		.where(and(eq(boardSubmission.id, submissionId), eq(boardSubmission.boardId, boardId)))
		.returning();
	if (!sub) return { ok: false as const, error: 'error_not_found' };
	announceModeration(boardId);
	const [author] = await db
		.select({ id: participantTable.id, groups: participantTable.groups })
		.from(participantTable)
		.where(eq(participantTable.id, sub.participantId));
	await recordAuthor(
		boardId,
		[sub.id],
		author ? participantAuthor(author) : { kind: 'participant', participantId: null, child: true }
	);
	await realtime.changeBoardDoc(boardId, (doc) =>
		addNote(doc, { text: sub.text, colour: sub.colour as Colour, pictogram: sub.pictogram as Pictogram | null }, sub.id)
	);
	return { ok: true as const };
}
