/**
 * Retention: personal data of a closed workshop does not outlive its purpose. After the
 * organisation's retention days (default 90) from closing, a workshop is anonymised:
 * - participant sessions end (the cookie on a phone opens nothing any more);
 * - notes keep their text but lose their author link (note_author rows of participants);
 * - attendance keeps one row per person with groups (the counts by group), no names;
 * - masked notes' originals, private notes, help requests and notes never approved go.
 * The plan, results, ballots (which never had a person) and counts stay.
 *
 * `anonymiseDue(now)` takes the clock as an argument, so tests control time; the server
 * runs it at start and daily (`startRetentionJob`).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { board, boardSubmission } from '$lib/boards/boards.schema';
import { helpRequest, noteOriginal, privateNote, workshopSafeguarding } from './safeguarding.schema';
import { noteAuthor } from '$lib/boards/authorship.schema';
import { participant, workshop } from '$lib/workshops/workshops.schema';
import { session } from '$lib/sessions/sessions.schema';
import { anonymiseAfter } from './rules';
import { getOrgSettings, setWorkshopSettings } from './safeguarding.server';

/** What a closed workshop's attendance keeps instead of a name or pseudonym. */
export const ANONYMOUS = '—';

/** Anonymises one workshop now (idempotent). */
export async function anonymiseWorkshop(workshopId: string, now: Date): Promise<void> {
	const people = (
		await db.select({ id: participant.id }).from(participant).where(eq(participant.workshopId, workshopId))
	).map((p) => p.id);
	const boards = (await db.select({ id: board.id }).from(board).where(eq(board.workshopId, workshopId))).map(
		(b) => b.id
	);
	await db.transaction(async (tx) => {
		if (people.length) await tx.delete(session).where(inArray(session.participantId, people));
		if (boards.length) {
			await tx.delete(noteAuthor).where(and(inArray(noteAuthor.boardId, boards), eq(noteAuthor.kind, 'participant')));
			await tx.delete(noteOriginal).where(inArray(noteOriginal.boardId, boards));
			await tx.delete(boardSubmission).where(inArray(boardSubmission.boardId, boards));
		}
		await tx.delete(privateNote).where(eq(privateNote.workshopId, workshopId));
		await tx.delete(helpRequest).where(eq(helpRequest.workshopId, workshopId));
		await tx
			.update(participant)
			.set({ displayName: null, pseudonym: ANONYMOUS, addedBy: null })
			.where(eq(participant.workshopId, workshopId));
	});
	await setWorkshopSettings(workshopId, { anonymisedAt: now });
}

/**
 * Anonymises every closed workshop whose retention has run out at `now`; returns their
 * ids. A workshop closed before closing times were recorded starts its clock now.
 */
export async function anonymiseDue(now: Date = new Date()): Promise<string[]> {
	const closed = await db
		.select({
			id: workshop.id,
			organisationId: workshop.organisationId,
			closedAt: workshop.closedAt,
			anonymisedAt: workshopSafeguarding.anonymisedAt
		})
		.from(workshop)
		.leftJoin(workshopSafeguarding, eq(workshopSafeguarding.workshopId, workshop.id))
		.where(and(eq(workshop.status, 'closed'), isNull(workshopSafeguarding.anonymisedAt)));
	const done: string[] = [];
	const days = new Map<string, number>();
	for (const w of closed) {
		if (!w.closedAt) {
			await db.update(workshop).set({ closedAt: now }).where(eq(workshop.id, w.id));
			continue;
		}
		if (!days.has(w.organisationId)) days.set(w.organisationId, (await getOrgSettings(w.organisationId)).retentionDays);
		if (now < anonymiseAfter(w.closedAt, days.get(w.organisationId)!)) continue;
		await anonymiseWorkshop(w.id, now);
		done.push(w.id);
	}
	return done;
}

const DAY_MS = 86_400_000;
let timer: ReturnType<typeof setInterval> | null = null;

/** At start and then once a day; a failure is logged and retried the next day. */
export function startRetentionJob(clock: () => Date = () => new Date()): () => void {
	const run = () =>
		anonymiseDue(clock()).then(
			(ids) => ids.length && console.log(`Retention: anonymised ${ids.length} closed workshop(s)`),
			(error) => console.error('Retention job failed', error)
		);
	void run();
	if (timer) clearInterval(timer);
	timer = setInterval(run, DAY_MS);
	timer.unref?.();
	return () => {
		if (timer) clearInterval(timer);
		timer = null;
	};
}
