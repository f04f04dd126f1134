/**
 * A participant's note on its way to a board. It passes safeguarding first: a note
 * "only for the facilitator" goes to the private list and never near the board
 * document; personal details are masked, with the original kept in SQL for the
 * facilitator. Then it is queued (moderation on) or written into the board by the
 * server, with its author recorded in SQL. A rejected note's original goes with it.
 */
import type * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { sharedLimiter, type RateLimiter } from '$lib/server/auth/rate-limit';
import * as realtime from '$lib/server/realtime';
import { boardSubmission } from '$lib/boards/boards.schema';
import type { BoardAccess, ParticipantBoardAccess } from '$lib/boards/access.server';
import { writableBoard } from '$lib/boards/boards.server';
import { addNote, framesOf, hasNote, notesOf, type Contribution } from '$lib/boards/model';
import { participantAuthor, recordAuthor } from '$lib/boards/authorship.server';
import { announceModeration } from '$lib/live/announce.server';
import { maskPersonalDetails, type DetailKind } from './rules';
import { forgetOriginal, recordOriginal, sendPrivately } from './safeguarding.server';

/** A participant answering a prompt: the note goes inside that frame, below its title. */
function placeInFrame(doc: Y.Doc, frameId: string | null) {
	const frame = frameId ? framesOf(doc).get(frameId) : undefined;
	if (!frame) return {};
	const inside = [...notesOf(doc).values()].filter((n) => n.get('frameId') === frameId).length;
	const x = Number(frame.get('x')) + 10 + (inside % 2) * 180;
	const y = Number(frame.get('y')) + 70 + Math.floor(inside / 2) * 120;
	return { frameId, x, y };
}

// Per participant: 20 notes a minute are plenty in a room.
const notesPerParticipant: RateLimiter = sharedLimiter('notes-participant', { max: 20, windowMs: 60_000 });

/**
 * A participant's note. Outcomes: 'added' (written into the board with the participant
 * as author), 'queued' (moderation on: waits for approval), 'duplicate' (this id was
 * already received: offline queues resend), or an error key.
 */
export async function contributeNote(access: ParticipantBoardAccess, input: Contribution) {
	const { participant } = access;
	const boardId = access.board.id;
	const checked = await writableBoard(access);
	if (!checked.ok) return checked;
	const found = checked.board;
	const [sub] = await db
		.select({ id: boardSubmission.id })
		.from(boardSubmission)
		.where(and(eq(boardSubmission.boardId, boardId), eq(boardSubmission.id, input.id)));
	if (sub || (await realtime.readBoardDoc(boardId, (doc) => hasNote(doc, input.id))))
		return { ok: true as const, outcome: 'duplicate' as const };
	// The phone is told when to try again, so it can say so and resend by itself.
	const wait = await notesPerParticipant.retryAfter(participant.id);
	if (wait > 0) return { ok: false as const, error: 'error_slow_down', retryAfterMs: wait };
	await notesPerParticipant.hit(participant.id);
	// "Only for the facilitator": kept whole in SQL, never near the board document.
	if (input.private) return { ok: true as const, outcome: await sendPrivately(access, input.id, input.text) };
	// Personal details are masked before anything reaches the room; the original stays
	// in SQL for the facilitator's moderation view.
	const { text, kinds } = maskPersonalDetails(input.text);
	if (kinds.length > 0) await recordOriginal(boardId, input.id, input.text, kinds);
	// `hidden` only when something was: which kinds, so the author can be told.
	const hidden: { hidden?: DetailKind[] } = kinds.length > 0 ? { hidden: kinds } : {};
	// Kept with a waiting note for the facilitator's queue; never written into the board.
	const authorName = participant.displayName ?? participant.pseudonym;
	if (found.moderation) {
		await db.insert(boardSubmission).values({
			id: input.id,
			boardId,
			participantId: participant.id,
			authorName,
			text,
			colour: input.colour,
			pictogram: input.pictogram
		});
		announceModeration(boardId);
		return { ok: true as const, outcome: 'queued' as const, ...hidden };
	}
	// Authorship first, in SQL; the document gets the note without any author.
	await recordAuthor(boardId, [input.id], participantAuthor(participant));
	await realtime.changeBoardDoc(boardId, (doc) =>
		addNote(
			doc,
			{ text, colour: input.colour, pictogram: input.pictogram, ...placeInFrame(doc, input.frameId ?? null) },
			input.id
		)
	);
	return { ok: true as const, outcome: 'added' as const, ...hidden };
}

export async function rejectSubmission(access: BoardAccess<'workshop.run'>, submissionId: string) {
	const boardId = access.board.id;
	const rows = await db
		.delete(boardSubmission)
		.where(and(eq(boardSubmission.id, submissionId), eq(boardSubmission.boardId, boardId)))
		.returning({ id: boardSubmission.id });
	if (rows.length > 0) {
		// A rejected note's unmasked original goes with it.
		await forgetOriginal(boardId, submissionId);
		announceModeration(boardId);
	}
	return rows.length > 0 ? { ok: true as const } : { ok: false as const, error: 'error_not_found' };
}
