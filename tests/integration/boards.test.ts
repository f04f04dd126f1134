import { beforeAll, describe, expect, it } from 'vitest';
import * as realtime from '$lib/server/realtime';
import {
	approveSubmission,
	createBoard,
	getControlState,
	listSubmissions,
	setBoardFlags,
	setFollow,
	setTimer
} from '$lib/boards/boards.server';
import { contributeNote, rejectSubmission } from '$lib/safeguarding/contributions.server';
import { readBoard } from '$lib/boards/model';
import { authorNamesFor } from '$lib/boards/authorship.server';
import { db } from '$lib/server/db';
import { noteAuthor } from '../../src/lib/boards/authorship.schema';
import { eq } from 'drizzle-orm';
import { replaceAgenda, listAgenda, setStatus } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, aParticipant, asOwner } from './factories';
import { boardAs, onBoard, phone, workshopAsOwner } from './access';
import { participantBoardAccess } from '$lib/boards/access.server';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

const card = (text: string) => ({ id: crypto.randomUUID(), text, colour: 'green' as const, pictogram: null });
/** Each note with its author as the server recorded it (names are not in the document). */
async function texts(boardId: string) {
	const names = await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false });
	const kinds = new Map(
		(await db.select().from(noteAuthor).where(eq(noteAuthor.boardId, boardId))).map((r) => [r.noteId, r.kind])
	);
	return realtime.readBoardDoc(boardId, (doc) =>
		readBoard(doc).notes.map((n) => `${n.text}|${names[n.id]}|${kinds.get(n.id)}`)
	);
}

describe('participant contributions', () => {
	it('are written into the board with the participant as author, once per id', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		const sari = await aParticipant(w);
		const idea = card('Lampu lorong');
		expect(await contributeNote(await onBoard(sari, boardId), idea)).toEqual({ ok: true, outcome: 'added' });
		expect(await contributeNote(await onBoard(sari, boardId), idea)).toEqual({ ok: true, outcome: 'duplicate' });
		expect(await texts(boardId)).toEqual(['Lampu lorong|Sari|participant']);
	});

	it('are refused on a locked board and on another workshop', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const other = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		const otherBoard = await createBoard(other.id, 'Papan lain');
		const sari = await aParticipant(w);
		// Another workshop's board: refused by the access layer (the phone's actions answer 404).
		expect(await participantBoardAccess(phone(sari), otherBoard)).toBeNull();
		await setBoardFlags(await boardAs(boardId), { locked: true });
		expect(await contributeNote(await onBoard(sari, boardId), card('terkunci'))).toEqual({
			ok: false,
			error: 'error_board_locked'
		});
		await setStatus(await asOwner(w.id), 'closed');
		expect(await contributeNote(await onBoard(sari, boardId), card('sudah tutup'))).toEqual({
			ok: false,
			error: 'error_workshop_closed'
		});
		expect(await texts(boardId)).toEqual([]);
		expect(await texts(otherBoard)).toEqual([]);
	});

	it('wait for approval when moderation is on', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		await setBoardFlags(await boardAs(boardId), { moderation: true });
		const sari = await aParticipant(w);
		const good = card('Posyandu remaja');
		const bad = card('kata kasar');
		expect(await contributeNote(await onBoard(sari, boardId), good)).toEqual({ ok: true, outcome: 'queued' });
		expect(await contributeNote(await onBoard(sari, boardId), bad)).toEqual({ ok: true, outcome: 'queued' });
		expect(await contributeNote(await onBoard(sari, boardId), good)).toEqual({ ok: true, outcome: 'duplicate' });
		expect(await texts(boardId)).toEqual([]);
		expect((await listSubmissions(boardId)).map((s) => s.text)).toEqual(['Posyandu remaja', 'kata kasar']);
		expect(await approveSubmission(await boardAs(boardId), good.id)).toEqual({ ok: true });
		expect(await rejectSubmission(await boardAs(boardId), bad.id)).toEqual({ ok: true });
		expect(await approveSubmission(await boardAs(boardId), bad.id)).toEqual({ ok: false, error: 'error_not_found' });
		expect(await texts(boardId)).toEqual(['Posyandu remaja|Sari|participant']);
		expect(await listSubmissions(boardId)).toEqual([]);
	});

	it('are rate limited per participant', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		const eager = await aParticipant(w, 'Cepat');
		const calm = await aParticipant(w, 'Tenang');
		for (let i = 0; i < 20; i++)
			expect((await contributeNote(await onBoard(eager, boardId), card(`ide ${i}`))).ok).toBe(true);
		// The refusal says when to try again (within the minute), so the phone can tell its user.
		const refused = await contributeNote(await onBoard(eager, boardId), card('satu lagi'));
		expect(refused).toMatchObject({ ok: false, error: 'error_slow_down' });
		const wait = (refused as { retryAfterMs?: number }).retryAfterMs ?? 0;
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60_000);
		expect((await contributeNote(await onBoard(calm, boardId), card('giliranku'))).ok).toBe(true);
	});
});

describe('live controls', () => {
	it('lock, timer and follow me reach the control state', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [{ title: 'Menggali masalah', minutes: 30 }]);
		const [item] = await listAgenda(w.id);
		await setBoardFlags(await boardAs(boardId), { locked: true, hideAuthors: true });
		await setTimer(await workshopAsOwner(w.id), 5);
		expect(await setFollow(await workshopAsOwner(w.id), { agendaItemId: item.id, boardId })).toEqual({ ok: true });
		const state = await getControlState(w.id);
		expect(state.boards[boardId]).toMatchObject({ locked: true, hideAuthors: true, moderation: false });
		expect(state.currentBoardId).toBe(boardId);
		expect(state.currentAgendaTitle).toBe('Menggali masalah');
		expect(state.timerEndsAt! - Date.now()).toBeGreaterThan(4 * 60_000);
		const other = await aWorkshop(organisationId);
		expect(await setFollow(await workshopAsOwner(other.id), { agendaItemId: item.id, boardId: null })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
	});
});
