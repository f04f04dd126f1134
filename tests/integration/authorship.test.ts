/**
 * Authorship belongs to the server, and no author reaches the room's devices:
 * - a member cannot make their note appear to come from a participant;
 * - the board document a participant or observer downloads (a real y-websocket client)
 *   holds no author name and no person's id: with hide authors on, and for children always;
 * - the facilitator still sees names (from SQL) while authors are shown;
 * - boards written before this are cleaned on load, their authors kept in SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import { board } from '../../src/lib/boards/boards.schema';
import { boardDot, noteAuthor } from '../../src/lib/boards/authorship.schema';
import { user } from '../../src/lib/orgs/orgs.schema';
import * as realtime from '$lib/server/realtime';
import { createBoard, dotNote, dotNoteAsMember, reactToNote, setBoardFlags } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { authorNamesFor, settleAuthorship } from '$lib/boards/authorship.server';
import { addNote, dotsOf, notesOf, reactionsOf, readBoard } from '$lib/boards/model';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, aParticipant } from './factories';
import { connect, memberCookie, participantCookie, startServer, until, type Harness } from './realtime-harness';
import { boardAs, onBoard } from './access';

useTestDatabase();

let h: Harness;
let workshop: Awaited<ReturnType<typeof aWorkshop>>;
let owner: { id: string; name: string };
let observer: { id: string; name: string };
let sari: SessionParticipant;
let child: SessionParticipant;
const cookies: Record<'owner' | 'observer' | 'sari' | 'child', string> = {
	owner: '',
	observer: '',
	sari: '',
	child: ''
};

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
	h = await startServer();
	const org = await anOrganisationWithOwner();
	owner = { id: org.owner.id, name: 'Ibu Fasilitator Terang' };
	await db.update(user).set({ name: owner.name }).where(eq(user.id, owner.id));
	workshop = await aWorkshop(org.organisationId);
	const obs = await aMember(org.organisationId, owner.id, 'observer');
	observer = { id: obs.id, name: obs.name };
	sari = await aParticipant(workshop, 'Sari Warga Terang', ['woman']);
	child = await aParticipant(workshop, 'Nama Asli Anak', ['child-7-12']);
	cookies.owner = await memberCookie(owner.id);
	cookies.observer = await memberCookie(observer.id);
	cookies.sari = await participantCookie(sari.id);
	cookies.child = await participantCookie(child.id);
});
afterAll(async () => {
	await settleAuthorship();
	await h.close();
});

const card = (text: string) => ({ id: crypto.randomUUID(), text, colour: 'green' as const, pictogram: null });

/** What a device downloaded: the whole document as bytes, read as text. */
function downloaded(doc: Y.Doc): string {
	return (
		Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1') + new TextDecoder().decode(Y.encodeStateAsUpdate(doc))
	);
}

/** Connects as `who`, waits until its copy holds `notes` notes, returns the bytes it holds. */
async function receivedBy(
	boardId: string,
	who: keyof typeof cookies,
	notes: number,
	params: Record<string, string> = {}
) {
	const client = connect(h, boardId, cookies[who], params);
	await until(() => client.provider.synced && notesOf(client.doc).size === notes);
	const bytes = downloaded(client.doc);
	client.provider.destroy();
	return bytes;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000) {
	const started = Date.now();
	while (!(await check())) {
		if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function secrets() {
	return [owner.name, owner.id, sari.displayName!, sari.id, child.pseudonym, child.id, 'Nama Asli Anak'];
}

describe('authorship', () => {
	it('a member writing a note that claims a participant as author is recorded as themselves', async () => {
		const boardId = await createBoard(workshop.id, 'Papan klaim');
		const writer = connect(h, boardId, cookies.owner);
		await until(() => writer.provider.synced);
		const noteId = addNote(writer.doc, { text: 'Saya bukan Sari' });
		// The forged author fields, as an old or hostile client would write them.
		writer.doc.transact(() => {
			const note = notesOf(writer.doc).get(noteId)!;
			note.set('authorId', sari.id);
			note.set('authorName', sari.displayName);
			note.set('authorKind', 'participant');
		});
		await eventually(
			async () => (await db.select().from(noteAuthor).where(eq(noteAuthor.boardId, boardId))).length > 0
		);
		await settleAuthorship();
		const [row] = await db
			.select()
			.from(noteAuthor)
			.where(and(eq(noteAuthor.boardId, boardId), eq(noteAuthor.noteId, noteId)));
		expect(row).toMatchObject({ kind: 'member', userId: owner.id, participantId: null });
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false })).toEqual({ [noteId]: owner.name });
		// The forged fields are gone from the server's copy, and from what anyone downloads.
		expect(
			await realtime.readBoardDoc(boardId, (doc) =>
				[...notesOf(doc).get(noteId)!.keys()].filter((k) => k.startsWith('author'))
			)
		).toEqual([]);
		const bytes = await receivedBy(boardId, 'sari', 1);
		for (const secret of [sari.displayName!, sari.id, owner.name, owner.id]) expect(bytes).not.toContain(secret);
		writer.provider.destroy();
	});

	it('with hide authors on, no name or id reaches a participant, an observer or the projector', async () => {
		const boardId = await createBoard(workshop.id, 'Papan tersembunyi');
		await setBoardFlags(await boardAs(boardId), { hideAuthors: true, dotsPerPerson: 3 });
		const a = card('Lampu lorong mati');
		const b = card('Takut pulang malam');
		expect(await contributeNote(await onBoard(sari, boardId), a)).toMatchObject({ ok: true, outcome: 'added' });
		expect(await contributeNote(await onBoard(child, boardId), b)).toMatchObject({ ok: true, outcome: 'added' });
		// Dots and reactions, per person, must not carry the person into the document either.
		expect(await dotNote(await onBoard(sari, boardId), a.id, 'add')).toEqual({ ok: true, used: 1 });
		expect(await dotNote(await onBoard(child, boardId), a.id, 'add')).toEqual({ ok: true, used: 1 });
		expect(await dotNote(await onBoard(child, boardId), b.id, 'add')).toEqual({ ok: true, used: 2 });
		expect(await dotNoteAsMember(await boardAs(boardId, owner.id, 'board.edit'), b.id, 'add')).toEqual({
			ok: true,
			used: 1
		});
		expect(await reactToNote(await onBoard(child, boardId), a.id, '👍')).toEqual({ ok: true });
		expect(await reactToNote(await onBoard(sari, boardId), a.id, '👍')).toEqual({ ok: true });
		const writer = connect(h, boardId, cookies.owner);
		await until(() => writer.provider.synced);
		addNote(writer.doc, { text: 'Catatan fasilitator' });
		for (const [who, params] of [
			['sari', {}],
			['child', {}],
			['observer', {}],
			['owner', { mode: 'view' }]
		] as const) {
			const bytes = await receivedBy(boardId, who, 3, params);
			for (const secret of secrets()) expect(bytes, `${who} received ${secret}`).not.toContain(secret);
		}
		// Counts are there, for everyone to see.
		const view = await realtime.readBoardDoc(boardId, readBoard);
		expect(view.dots.get(a.id)).toBe(2);
		expect(view.dots.get(b.id)).toBe(2);
		expect(view.reactions.get(a.id)).toEqual({ '👍': 2 });
		// Nobody's page gets names while authors are hidden.
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: true })).toEqual({});
		writer.provider.destroy();
	});

	it("a child's pseudonym never reaches the room, even with authors shown; the facilitator still sees names", async () => {
		const boardId = await createBoard(workshop.id, 'Papan terbuka');
		const a = card('Taman bermain kotor');
		const b = card('Jalan licin');
		await contributeNote(await onBoard(sari, boardId), a);
		await contributeNote(await onBoard(child, boardId), b);
		for (const who of ['sari', 'child', 'observer'] as const) {
			const bytes = await receivedBy(boardId, who, 2);
			for (const secret of secrets()) expect(bytes, `${who} received ${secret}`).not.toContain(secret);
		}
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false })).toEqual({
			[a.id]: sari.displayName,
			[b.id]: child.pseudonym
		});
		// The projector is a screen the whole room reads: no child's pseudonym there.
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false, projector: true })).toEqual({
			[a.id]: sari.displayName
		});
		// Observers never get names.
		expect(await authorNamesFor(boardId, { mayEdit: false, hideAuthors: false })).toEqual({});
	});

	it("the board pages give names to the facilitator while shown, none to an observer, and the phone's own dots only", async () => {
		const { load } = await import('../../src/routes/(app)/w/[workshopId]/boards/[boardId]/+page.server');
		const projector = await import('../../src/routes/(app)/w/[workshopId]/boards/[boardId]/projector/+page.server');
		const phone = await import('../../src/routes/p/b/[boardId]/+page.server');
		const boardId = await createBoard(workshop.id, 'Papan halaman');
		await setBoardFlags(await boardAs(boardId), { dotsPerPerson: 2 });
		const a = card('Sampah di lorong');
		const b = card('Anak butuh taman');
		await contributeNote(await onBoard(sari, boardId), a);
		await contributeNote(await onBoard(child, boardId), b);
		await dotNote(await onBoard(sari, boardId), a.id, 'add');
		const event = (locals: object) =>
			({
				locals,
				params: { workshopId: workshop.id, boardId },
				url: new URL('http://127.0.0.1/'),
				depends: () => {}
			}) as never;
		const asMember = (who: { id: string; name: string }) => event({ user: { id: who.id, name: who.name } });
		const names = async (run: unknown) => ((await run) as { authors: Record<string, string> }).authors;
		expect(await names(load(asMember(owner)))).toEqual({ [a.id]: sari.displayName, [b.id]: child.pseudonym });
		expect(await names(projector.load(asMember(owner)))).toEqual({ [a.id]: sari.displayName });
		expect(await names(load(asMember(observer)))).toEqual({});
		expect(await names(projector.load(asMember(observer)))).toEqual({});
		const mine = (await phone.load(event({ participant: sari }))) as Record<string, unknown>;
		expect(mine.myDots).toBe(1);
		expect(JSON.stringify(mine)).not.toContain(child.pseudonym);
		await setBoardFlags(await boardAs(boardId), { hideAuthors: true });
		expect(await names(load(asMember(owner)))).toEqual({});
		expect(await names(projector.load(asMember(owner)))).toEqual({});
	});

	it("members' dots go through the server too: counted per person, refused to observers and on a locked board", async () => {
		const { actions } = await import('../../src/routes/(app)/w/[workshopId]/boards/[boardId]/+page.server');
		const boardId = await createBoard(workshop.id, 'Papan titik');
		const a = card('Pos ronda');
		await contributeNote(await onBoard(sari, boardId), a);
		const member = await aMember(workshop.organisationId, owner.id, 'member');
		const dot = (who: { id: string; name: string }, action = 'add') => {
			const body = new FormData();
			body.set('noteId', a.id);
			body.set('action', action);
			return actions.dot!({
				locals: { user: who },
				params: { workshopId: workshop.id, boardId },
				request: new Request('http://127.0.0.1/', { method: 'POST', body })
			} as never);
		};
		expect(await dot(member)).toMatchObject({ status: 400, data: { errors: { form: 'error_dots_off' } } });
		await setBoardFlags(await boardAs(boardId), { dotsPerPerson: 1 });
		expect(await dot(member)).toEqual({ done: 'dot', used: 1 });
		expect(await dot(member)).toMatchObject({ status: 400, data: { errors: { form: 'error_no_dots_left' } } });
		expect(await dot(owner)).toEqual({ done: 'dot', used: 1 });
		await expect(dot(observer)).rejects.toMatchObject({ status: 403 });
		await setBoardFlags(await boardAs(boardId), { locked: true });
		expect(await dot(member, 'remove')).toMatchObject({
			status: 400,
			data: { errors: { form: 'error_board_locked' } }
		});
		const doc = await realtime.readBoardDoc(boardId, (d) => new TextDecoder().decode(Y.encodeStateAsUpdate(d)));
		expect(await realtime.readBoardDoc(boardId, (d) => readBoard(d).dots.get(a.id))).toBe(2);
		for (const id of [member.id, owner.id]) expect(doc).not.toContain(id);
	});

	it('presence (which pairs a Yjs client id with a name) reaches editors only, never a participant or observer', async () => {
		const boardId = await createBoard(workshop.id, 'Papan hadir');
		const writer = connect(h, boardId, cookies.owner);
		const editor = connect(h, boardId, cookies.owner);
		const phone = connect(h, boardId, cookies.sari);
		const watcher = connect(h, boardId, cookies.observer);
		const all = [writer, editor, phone, watcher];
		await until(() => all.every((c) => c.provider.synced));
		writer.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
		addNote(writer.doc, { text: 'Ditulis oleh fasilitator' });
		// Another editor sees the writer's presence, with the name the session holds.
		await until(() =>
			Boolean(
				(editor.provider.awareness.getStates().get(writer.doc.clientID) as { cursor?: unknown } | undefined)?.cursor
			)
		);
		await until(() => notesOf(phone.doc).size === 1 && notesOf(watcher.doc).size === 1);
		await new Promise((resolve) => setTimeout(resolve, 200));
		for (const c of [phone, watcher]) {
			const others = [...c.provider.awareness.getStates().entries()].filter(([id]) => id !== c.doc.clientID);
			expect(others).toEqual([]);
		}
		for (const c of all) c.provider.destroy();
	});

	it('an older board with authors, dots and reactions in its document is cleaned on load; SQL keeps them', async () => {
		const boardId = await createBoard(workshop.id, 'Papan lama');
		const old = new Y.Doc();
		const a = addNote(old, { text: 'Catatan lama Sari' });
		const b = addNote(old, { text: 'Catatan lama anak' });
		const put = (id: string, authorId: string, authorName: string, authorKind: string) => {
			const note = notesOf(old).get(id)!;
			note.set('authorId', authorId);
			note.set('authorName', authorName);
			note.set('authorKind', authorKind);
		};
		put(a, sari.id, sari.displayName!, 'participant');
		put(b, child.id, child.pseudonym, 'participant');
		dotsOf(old).set(`${a}|${child.id}|0`, 1);
		dotsOf(old).set(`${a}|${owner.id}|0`, 1);
		reactionsOf(old).set(`${b}|❤️|${sari.id}`, 1);
		await db
			.update(board)
			.set({ snapshot: Y.encodeStateAsUpdate(old) })
			.where(eq(board.id, boardId));

		const bytes = await receivedBy(boardId, 'observer', 2);
		for (const secret of secrets()) expect(bytes).not.toContain(secret);
		// Rebuilt once and stored so: what the database holds for the board has no one either.
		const [stored] = await db.select({ snapshot: board.snapshot }).from(board).where(eq(board.id, boardId));
		const storedText = Buffer.from(stored.snapshot!).toString('latin1');
		for (const secret of secrets()) expect(storedText).not.toContain(secret);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		expect(readBoard(reloaded).notes.map((n) => n.text)).toEqual(['Catatan lama Sari', 'Catatan lama anak']);
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false })).toEqual({
			[a]: sari.displayName,
			[b]: child.pseudonym
		});
		const view = await realtime.readBoardDoc(boardId, readBoard);
		expect(view.dots.get(a)).toBe(2);
		expect(view.reactions.get(b)).toEqual({ '❤️': 1 });
		const dots = await db.select().from(boardDot).where(eq(boardDot.boardId, boardId));
		expect(dots.map((d) => `${d.voterKind}:${d.voterId}:${d.count}`).sort()).toEqual(
			[`member:${owner.id}:1`, `participant:${child.id}:1`].sort()
		);
		// The child keeps their dot: the server counts it against their allowance.
		await setBoardFlags(await boardAs(boardId), { dotsPerPerson: 1 });
		expect(await dotNote(await onBoard(child, boardId), b, 'add')).toEqual({ ok: false, error: 'error_no_dots_left' });
	});
});
