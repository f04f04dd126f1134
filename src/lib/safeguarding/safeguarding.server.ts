/**
 * Safeguarding use cases: masking before the wall, private notes for the facilitator,
 * moving a note off the wall, the watch words, "I need help", guardian consent and the
 * organisation's settings. The board document never holds an original or a private note.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { board, boardSubmission } from '$lib/boards/boards.schema';
import { helpRequest, noteOriginal, orgSafeguarding, privateNote, workshopSafeguarding } from './safeguarding.schema';
import { noteAuthor } from '$lib/boards/authorship.schema';
import { participant, workshop } from '$lib/workshops/workshops.schema';
import { generateId } from '$lib/server/auth/tokens';
import { sharedLimiter, type RateLimiter } from '$lib/server/auth/rate-limit';
import * as realtime from '$lib/server/realtime';
import type { ParticipantAccess, WorkshopAccess, SessionParticipant } from '$lib/workshops/access.server';
import type { BoardAccess, ParticipantBoardAccess } from '$lib/boards/access.server';
import { deleteNote, notesOf } from '$lib/boards/model';
import { isChild } from '$lib/workshops/rules';
import { DEFAULT_RETENTION_DAYS, DEFAULT_WATCHWORDS, matchWatchwords, type DetailKind } from './rules';
import { announceSafeguarding } from '$lib/live/announce.server';

export async function getOrgSettings(organisationId: string) {
	const [row] = await db.select().from(orgSafeguarding).where(eq(orgSafeguarding.organisationId, organisationId));
	return {
		retentionDays: row?.retentionDays ?? DEFAULT_RETENTION_DAYS,
		referralGuidance: row?.referralGuidance ?? null
	};
}

export async function setOrgSettings(
	organisationId: string,
	settings: { retentionDays: number; referralGuidance: string | null }
) {
	await db
		.insert(orgSafeguarding)
		.values({ organisationId, ...settings })
		.onConflictDoUpdate({ target: orgSafeguarding.organisationId, set: settings });
}

export async function getWorkshopSettings(workshopId: string) {
	// When it closed is the workshop's own fact; the rest is safeguarding's row, if any.
	const [row] = await db
		.select({
			watchwords: workshopSafeguarding.watchwords,
			guardianConsents: workshopSafeguarding.guardianConsents,
			anonymisedAt: workshopSafeguarding.anonymisedAt,
			closedAt: workshop.closedAt
		})
		.from(workshop)
		.leftJoin(workshopSafeguarding, eq(workshopSafeguarding.workshopId, workshop.id))
		.where(eq(workshop.id, workshopId));
	return {
		watchwords: row?.watchwords ?? [...DEFAULT_WATCHWORDS],
		guardianConsents: row?.guardianConsents ?? null,
		closedAt: row?.closedAt ?? null,
		anonymisedAt: row?.anonymisedAt ?? null
	};
}

/** The watch words a facilitator set for this workshop (notes matching them are shown for attention). */
export async function setWatchwords(access: WorkshopAccess<'workshop.run'>, watchwords: string[]) {
	await setWorkshopSettings(access.workshop.id, { watchwords });
}

/** Guardian consent: a count only; the paper forms stay on paper. */
export async function setGuardianConsents(access: WorkshopAccess<'workshop.run'>, guardianConsents: number) {
	await setWorkshopSettings(access.workshop.id, { guardianConsents });
}

type WorkshopSettings = Partial<
	Pick<typeof workshopSafeguarding.$inferInsert, 'watchwords' | 'guardianConsents' | 'anonymisedAt'>
>;

export async function setWorkshopSettings(workshopId: string, settings: WorkshopSettings) {
	await db
		.insert(workshopSafeguarding)
		.values({ workshopId, ...settings })
		.onConflictDoUpdate({ target: workshopSafeguarding.workshopId, set: settings });
}

/** The masked note's original, for the facilitator's moderation view only. */
export async function recordOriginal(boardId: string, noteId: string, text: string, kinds: DetailKind[]) {
	await db.insert(noteOriginal).values({ boardId, noteId, text, kinds }).onConflictDoNothing();
}

/** A note's original goes with it (rejected, or moved off the wall into the private list). */
export async function forgetOriginal(boardId: string, noteId: string) {
	await db.delete(noteOriginal).where(and(eq(noteOriginal.boardId, boardId), eq(noteOriginal.noteId, noteId)));
}

export async function originalsFor(boardId: string, noteIds?: string[]) {
	const where = noteIds
		? and(eq(noteOriginal.boardId, boardId), inArray(noteOriginal.noteId, noteIds.length ? noteIds : ['']))
		: eq(noteOriginal.boardId, boardId);
	const rows = await db.select().from(noteOriginal).where(where);
	return Object.fromEntries(rows.map((r) => [r.noteId, { text: r.text, kinds: r.kinds }]));
}

/** A contribution only the facilitators see ("hanya untuk fasilitator"); kept whole, unmasked. */
export async function sendPrivately(access: ParticipantBoardAccess, id: string, text: string) {
	const { participant } = access;
	const boardId = access.board.id;
	const [existing] = await db.select({ id: privateNote.id }).from(privateNote).where(eq(privateNote.id, id));
	if (existing) return 'duplicate' as const;
	await db.insert(privateNote).values({
		id,
		workshopId: participant.workshopId,
		boardId,
		participantId: participant.id,
		origin: 'private',
		text
	});
	announceSafeguarding(participant.workshopId);
	return 'private' as const;
}

/**
 * One action: the note leaves the wall (the document keeps no text of it; Yjs collects
 * deleted content) and waits in the private list with its original text.
 */
export async function moveOffWall(access: BoardAccess<'workshop.run'>, noteId: string) {
	const workshopId = access.workshop.id;
	const boardId = access.board.id;
	// Kept privately first, then taken off the wall: a failure in between loses nothing.
	const text = await realtime.readBoardDoc(boardId, (doc) => {
		const note = notesOf(doc).get(noteId);
		return note ? String(note.get('text') ?? '') : null;
	});
	if (text === null) return { ok: false as const, error: 'error_not_found' };
	const original = (await originalsFor(boardId, [noteId]))[noteId];
	const [author] = await db
		.select({ participantId: noteAuthor.participantId })
		.from(noteAuthor)
		.where(and(eq(noteAuthor.boardId, boardId), eq(noteAuthor.noteId, noteId)));
	const id = generateId();
	await db.insert(privateNote).values({
		id,
		workshopId,
		boardId,
		participantId: author?.participantId ?? null,
		origin: 'moved',
		text: original?.text ?? text
	});
	try {
		await realtime.changeBoardDoc(boardId, (doc) => deleteNote(doc, noteId));
	} catch (e) {
		await db.delete(privateNote).where(eq(privateNote.id, id));
		throw e;
	}
	await forgetOriginal(boardId, noteId);
	announceSafeguarding(workshopId);
	return { ok: true as const };
}

export async function listPrivateNotes(workshopId: string) {
	return db
		.select({
			id: privateNote.id,
			origin: privateNote.origin,
			text: privateNote.text,
			createdAt: privateNote.createdAt,
			boardTitle: board.title,
			pseudonym: participant.pseudonym
		})
		.from(privateNote)
		.leftJoin(board, eq(board.id, privateNote.boardId))
		.leftJoin(participant, eq(participant.id, privateNote.participantId))
		.where(eq(privateNote.workshopId, workshopId))
		.orderBy(desc(privateNote.createdAt));
}

export async function deletePrivateNote(access: WorkshopAccess<'workshop.run'>, id: string) {
	const workshopId = access.workshop.id;
	const rows = await db
		.delete(privateNote)
		.where(and(eq(privateNote.id, id), eq(privateNote.workshopId, workshopId)))
		.returning({ id: privateNote.id });
	if (rows.length > 0) announceSafeguarding(workshopId);
	return rows.length > 0;
}

/**
 * Notes on the workshop's boards that the facilitator should look at: those whose
 * details were masked (with the original) and those matching a watch word.
 */
export async function notesForAttention(workshopId: string) {
	const { watchwords } = await getWorkshopSettings(workshopId);
	const boards = await db
		.select({ id: board.id, title: board.title })
		.from(board)
		.where(eq(board.workshopId, workshopId))
		.orderBy(asc(board.position));
	const found: {
		boardId: string;
		boardTitle: string;
		noteId: string;
		text: string;
		original: string | null;
		words: string[];
	}[] = [];
	for (const b of boards) {
		const originals = await originalsFor(b.id);
		const notes = await realtime.readBoardDoc(b.id, (doc) =>
			[...notesOf(doc).entries()].map(([id, n]) => ({ id, text: String(n.get('text') ?? '') }))
		);
		for (const note of notes) {
			const original = originals[note.id]?.text ?? null;
			const words = matchWatchwords(original ?? note.text, watchwords);
			if (original || words.length)
				found.push({ boardId: b.id, boardTitle: b.title, noteId: note.id, text: note.text, original, words });
		}
	}
	return found;
}

// One alert a minute per child is plenty; more would only repeat it.
const helpPerParticipant: RateLimiter = sharedLimiter('help-participant', { max: 3, windowMs: 60_000 });

/** Only where the workshop has child groups, and only the person's own workshop. */
export async function helpAvailable(workshopId: string) {
	const [w] = await db
		.select({ groups: workshop.groups, status: workshop.status })
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	return !!w && w.status === 'open' && isChild(w.groups);
}

/** "I need help": no content, no name; the facilitator sees the pseudonym and the time. */
export async function requestHelp(access: ParticipantAccess & { participant: SessionParticipant }) {
	const { participant } = access;
	if (!(await helpAvailable(participant.workshopId))) return { ok: false as const, error: 'error_not_found' };
	if ((await helpPerParticipant.retryAfter(participant.id)) > 0) return { ok: true as const }; // already alerted
	await helpPerParticipant.hit(participant.id);
	await db
		.insert(helpRequest)
		.values({ id: generateId(), workshopId: participant.workshopId, participantId: participant.id });
	announceSafeguarding(participant.workshopId);
	return { ok: true as const };
}

/** Unseen alerts of one workshop, for its facilitators' screens (never the projector). */
export async function listHelpRequests(workshopId: string) {
	return db
		.select({ id: helpRequest.id, pseudonym: participant.pseudonym, createdAt: helpRequest.createdAt })
		.from(helpRequest)
		.leftJoin(participant, eq(participant.id, helpRequest.participantId))
		.where(and(eq(helpRequest.workshopId, workshopId), isNull(helpRequest.seenAt)))
		.orderBy(asc(helpRequest.createdAt));
}

export async function markHelpSeen(access: WorkshopAccess<'workshop.run'>, id: string, now = new Date()) {
	const workshopId = access.workshop.id;
	const rows = await db
		.update(helpRequest)
		.set({ seenAt: now })
		.where(and(eq(helpRequest.id, id), eq(helpRequest.workshopId, workshopId)))
		.returning({ id: helpRequest.id });
	if (rows.length > 0) announceSafeguarding(workshopId);
	return rows.length > 0;
}

/** The moderation queue, for facilitators: each waiting note (id, text,
 * author) with its unmasked original and the watch words it matches; for the board page and
 * its live stream alike. */
export async function moderationQueue(boardId: string, workshopId: string) {
	const submissions = await db
		.select()
		.from(boardSubmission)
		.where(eq(boardSubmission.boardId, boardId))
		.orderBy(asc(boardSubmission.createdAt));
	if (submissions.length === 0) return [];
	const originals = await originalsFor(
		boardId,
		submissions.map((s) => s.id)
	);
	const { watchwords } = await getWorkshopSettings(workshopId);
	return submissions.map((s) => {
		const original = originals[s.id]?.text ?? null;
		return {
			id: s.id,
			text: s.text,
			authorName: s.authorName,
			original,
			words: matchWatchwords(original ?? s.text, watchwords)
		};
	});
}
