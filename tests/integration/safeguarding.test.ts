/**
 * Safeguarding through real y-websocket clients:
 * - a note with a phone number reaches another participant's document masked; the
 *   facilitator's moderation view shows the original;
 * - a note sent "only for the facilitator", or moved off the wall, never reaches the
 *   projector or another participant's document;
 * - "I need help" reaches only the facilitators of that workshop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as realtime from '$lib/server/realtime';
import { createBoard, listSubmissions, setBoardFlags } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { settleAuthorship } from '$lib/boards/authorship.server';
import { notesOf } from '$lib/boards/model';
import { listHelpRequests, listPrivateNotes, moveOffWall, requestHelp } from '$lib/safeguarding/safeguarding.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, aParticipant } from './factories';
import { connect, memberCookie, participantCookie, startServer, until, type Harness } from './realtime-harness';
import { boardAs, onBoard, phone, workshopAsOwner } from './access';
import { boardAccess, boardAccessOrNull, participantBoardAccess } from '$lib/boards/access.server';

useTestDatabase();

let h: Harness;
let workshop: Awaited<ReturnType<typeof aWorkshop>>;
let owner: { id: string; name: string };
let sari: SessionParticipant;
let budi: SessionParticipant;
const cookies = { owner: '', sari: '', budi: '' };

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
	h = await startServer();
	const org = await anOrganisationWithOwner();
	owner = { id: org.owner.id, name: org.owner.name };
	workshop = await aWorkshop(org.organisationId);
	sari = await aParticipant(workshop, 'Sari', ['woman']);
	budi = await aParticipant(workshop, 'Budi', ['youth']);
	cookies.owner = await memberCookie(owner.id);
	cookies.sari = await participantCookie(sari.id);
	cookies.budi = await participantCookie(budi.id);
});
afterAll(async () => {
	await settleAuthorship();
	await h.close();
});

const card = (text: string, extra: { private?: boolean } = {}) => ({
	id: crypto.randomUUID(),
	text,
	colour: 'yellow' as const,
	pictogram: null,
	...extra
});

/** Everything a device holds of the board, as text (the encoded document). */
function downloaded(doc: Y.Doc): string {
	return new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
}

async function receivedBy(
	boardId: string,
	who: keyof typeof cookies,
	notes: number,
	params: Record<string, string> = {}
) {
	const client = connect(h, boardId, cookies[who], params);
	await until(() => client.provider.synced && notesOf(client.doc).size === notes);
	const texts = [...notesOf(client.doc).values()].map((n) => String(n.get('text')));
	const bytes = downloaded(client.doc);
	client.provider.destroy();
	return { texts, bytes };
}

const event = (locals: object, params: Record<string, string>) =>
	({ locals, params, url: new URL('http://127.0.0.1/'), depends: () => {} }) as never;

describe('personal details never reach the wall', () => {
	it('a phone number reaches another participant masked; the moderation view shows the original', async () => {
		const boardId = await createBoard(workshop.id, 'Papan nomor');
		const note = card('Hubungi saya 0812-3456-7890 atau sari@mail.id, Jl. Mawar No. 12');
		const result = await contributeNote(await onBoard(sari, boardId), note);
		expect(result).toMatchObject({ ok: true, outcome: 'added', hidden: ['phone', 'email', 'address'] });
		const { texts, bytes } = await receivedBy(boardId, 'budi', 1);
		expect(texts).toEqual(['Hubungi saya [nomor disembunyikan] atau [email disembunyikan], [alamat disembunyikan]']);
		for (const secret of ['0812', '3456-7890', 'sari@mail.id', 'Mawar']) expect(bytes).not.toContain(secret);
		const projector = await receivedBy(boardId, 'owner', 1, { mode: 'view' });
		expect(projector.bytes).not.toContain('3456-7890');
		// The facilitator's moderation view: the original, from SQL.
		const page = await import('../../src/routes/(app)/w/[workshopId]/safeguarding/+page.server');
		const data = (await page.load(event({ user: owner }, { workshopId: workshop.id }))) as {
			attention: { noteId: string; original: string | null }[];
		};
		expect(data.attention).toContainEqual(expect.objectContaining({ noteId: note.id, original: note.text }));
	});

	it('a moderated note waits masked; the queue shows the original to the facilitator', async () => {
		const boardId = await createBoard(workshop.id, 'Papan moderasi');
		await setBoardFlags(await boardAs(boardId), { moderation: true });
		const note = card('NIK saya 7371012345670001, saya dipukul');
		expect(await contributeNote(await onBoard(sari, boardId), note)).toMatchObject({
			outcome: 'queued',
			hidden: ['nik']
		});
		expect((await listSubmissions(boardId))[0].text).toBe('NIK saya [NIK disembunyikan], saya dipukul');
		const page = await import('../../src/routes/(app)/w/[workshopId]/boards/[boardId]/+page.server');
		const data = (await page.load(event({ user: owner }, { workshopId: workshop.id, boardId }))) as {
			submissions: { id: string; original: string | null; words: string[] }[];
		};
		expect(data.submissions[0]).toMatchObject({ id: note.id, original: note.text, words: ['dipukul'] });
	});

	it('the moderation view is refused to an observer and to a member of another organisation', async () => {
		const page = await import('../../src/routes/(app)/w/[workshopId]/safeguarding/+page.server');
		const observer = await aMember(workshop.organisationId, owner.id, 'observer');
		await expect(
			page.load(event({ user: { id: observer.id, name: observer.name } }, { workshopId: workshop.id }))
		).rejects.toMatchObject({ status: 403 });
		const stranger = await anOrganisationWithOwner('Lain');
		await expect(
			page.load(event({ user: { id: stranger.owner.id, name: 'x' } }, { workshopId: workshop.id }))
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('disclosures are handled, not broadcast', () => {
	it('a note sent only for the facilitator never reaches the projector or another participant', async () => {
		const boardId = await createBoard(workshop.id, 'Papan pribadi');
		await contributeNote(await onBoard(sari, boardId), card('Lampu lorong mati'));
		const secret = card('Saya diancam om saya di rumah', { private: true });
		expect(await contributeNote(await onBoard(sari, boardId), secret)).toMatchObject({ ok: true, outcome: 'private' });
		// Resending from an offline queue stores it once.
		expect(await contributeNote(await onBoard(sari, boardId), secret)).toMatchObject({
			ok: true,
			outcome: 'duplicate'
		});
		for (const [who, params] of [
			['budi', {}],
			['sari', {}],
			['owner', { mode: 'view' }]
		] as const) {
			const { texts, bytes } = await receivedBy(boardId, who, 1, params);
			expect(texts).toEqual(['Lampu lorong mati']);
			expect(bytes).not.toContain('diancam');
		}
		const list = await listPrivateNotes(workshop.id);
		expect(list.filter((n) => n.text === secret.text)).toHaveLength(1);
	});

	it('a note moved off the wall leaves every document, and waits in the private list', async () => {
		const boardId = await createBoard(workshop.id, 'Papan pindah');
		const keep = card('Taman bermain');
		const disclosure = card('Adik saya dikurung di gudang');
		await contributeNote(await onBoard(sari, boardId), keep);
		await contributeNote(await onBoard(sari, boardId), disclosure);
		expect((await receivedBy(boardId, 'budi', 2)).texts).toContain(disclosure.text);
		expect(await moveOffWall(await boardAs(boardId), disclosure.id)).toEqual({ ok: true });
		for (const [who, params] of [
			['budi', {}],
			['owner', { mode: 'view' }]
		] as const) {
			const { texts, bytes } = await receivedBy(boardId, who, 1, params);
			expect(texts).toEqual([keep.text]);
			expect(bytes).not.toContain('dikurung');
		}
		// After the board unloads and loads again from storage, still gone.
		await realtime.closeAll();
		expect((await receivedBy(boardId, 'budi', 1)).bytes).not.toContain('dikurung');
		expect(await listPrivateNotes(workshop.id)).toContainEqual(
			expect.objectContaining({ origin: 'moved', text: disclosure.text })
		);
		// Refused for a board of another workshop.
		const other = await aWorkshop(workshop.organisationId);
		// The refusal is the access layer's now: no board access through another workshop.
		expect(await boardAccessOrNull(await workshopAsOwner(other.id), boardId)).toBeNull();
		await expect(boardAccess(await workshopAsOwner(other.id), boardId)).rejects.toMatchObject({ status: 404 });
	});
});

describe('"I need help"', () => {
	it('reaches only the facilitators of that workshop, with the pseudonym and no content', async () => {
		const child = await aParticipant(workshop, '', ['child-7-12']);
		expect(await requestHelp(phone(child))).toEqual({ ok: true });
		const alerts = await listHelpRequests(workshop.id);
		expect(alerts).toEqual([expect.objectContaining({ pseudonym: child.pseudonym })]);
		const other = await aWorkshop(workshop.organisationId);
		expect(await listHelpRequests(other.id)).toEqual([]);
		// The facilitator's workshop page shows it; an observer's and the projector's do not.
		const page = await import('../../src/routes/(app)/w/[workshopId]/+page.server');
		const mine = (await page.load(event({ user: owner }, { workshopId: workshop.id }))) as { helpRequests: unknown[] };
		expect(mine.helpRequests).toHaveLength(1);
		const observer = await aMember(workshop.organisationId, owner.id, 'observer');
		const theirs = (await page.load(
			event({ user: { id: observer.id, name: observer.name } }, { workshopId: workshop.id })
		)) as { helpRequests: unknown[] };
		expect(theirs.helpRequests).toEqual([]);
		const projector = await import('../../src/routes/(app)/w/[workshopId]/boards/[boardId]/projector/+page.server');
		const boardId = await createBoard(workshop.id, 'Papan proyektor');
		expect(
			JSON.stringify(await projector.load(event({ user: owner }, { workshopId: workshop.id, boardId })))
		).not.toContain(child.pseudonym);
	});

	it('is refused where the workshop has no child groups', async () => {
		const adults = await aWorkshop(workshop.organisationId, { groups: ['woman', 'youth'] });
		const adult = await aParticipant(adults, 'Ani', ['woman']);
		expect(await requestHelp(phone(adult))).toEqual({ ok: false, error: 'error_not_found' });
	});
});

describe('refusals', () => {
	const post = (
		action: (e: never) => unknown,
		locals: object,
		params: Record<string, string>,
		fields: Record<string, string>
	) => {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		return action({ locals, params, request: new Request('http://127.0.0.1/', { method: 'POST', body }) } as never);
	};

	it('"I need help" needs a participant session', async () => {
		const help = await import('../../src/routes/p/help/+page.server');
		await expect(post(help.actions.default as never, {}, {}, {})).rejects.toMatchObject({ status: 401 });
		const child = await aParticipant(workshop, '', ['child-13-17']);
		expect(await post(help.actions.default as never, { participant: child }, {}, {})).toEqual({ helped: true });
	});

	it('private notes are deleted only by facilitators of the workshop', async () => {
		const page = await import('../../src/routes/(app)/w/[workshopId]/safeguarding/+page.server');
		const boardId = await createBoard(workshop.id, 'Papan hapus');
		const note = card('Rahasia untuk fasilitator', { private: true });
		await contributeNote(await onBoard(sari, boardId), note);
		const observer = await aMember(workshop.organisationId, owner.id, 'observer');
		await expect(
			post(
				page.actions.deletePrivate as never,
				{ user: { id: observer.id, name: 'o' } },
				{ workshopId: workshop.id },
				{ id: note.id }
			)
		).rejects.toMatchObject({ status: 403 });
		const stranger = await anOrganisationWithOwner('Lain lagi');
		await expect(
			post(
				page.actions.deletePrivate as never,
				{ user: { id: stranger.owner.id, name: 's' } },
				{ workshopId: workshop.id },
				{ id: note.id }
			)
		).rejects.toMatchObject({ status: 404 });
		// A facilitator of another workshop cannot reach it through their own workshop's page.
		const other = await aWorkshop(workshop.organisationId);
		expect(
			await post(page.actions.deletePrivate as never, { user: owner }, { workshopId: other.id }, { id: note.id })
		).toMatchObject({ status: 404 });
		expect((await listPrivateNotes(workshop.id)).some((n) => n.id === note.id)).toBe(true);
		expect(
			await post(page.actions.deletePrivate as never, { user: owner }, { workshopId: workshop.id }, { id: note.id })
		).toEqual({ done: 'deleted' });
		expect((await listPrivateNotes(workshop.id)).some((n) => n.id === note.id)).toBe(false);
	});

	it('the watch-word list is validated and used for the workshop', async () => {
		const page = await import('../../src/routes/(app)/w/[workshopId]/safeguarding/+page.server');
		expect(
			await post(
				page.actions.words as never,
				{ user: owner },
				{ workshopId: workshop.id },
				{ words: 'x'.repeat(12_001) }
			)
		).toMatchObject({ status: 400 });
		expect(
			await post(
				page.actions.words as never,
				{ user: owner },
				{ workshopId: workshop.id },
				{ words: 'Dijewer\nlocked in' }
			)
		).toEqual({ done: 'words' });
		const boardId = await createBoard(workshop.id, 'Papan kata');
		await contributeNote(await onBoard(sari, boardId), card('Saya sering dijewer guru'));
		const data = (await page.load(event({ user: owner }, { workshopId: workshop.id }))) as {
			attention: { text: string; words: string[] }[];
			watchwords: string[];
		};
		expect(data.watchwords).toEqual(['dijewer', 'locked in']);
		expect(data.attention).toContainEqual(
			expect.objectContaining({ text: 'Saya sering dijewer guru', words: ['dijewer'] })
		);
	});

	it('a participant cannot post a private note to a board of another workshop', async () => {
		const other = await aWorkshop(workshop.organisationId);
		const boardId = await createBoard(other.id, 'Papan lain');
		// Refused by the access layer: no phone access to another workshop's board.
		expect(await participantBoardAccess(phone(sari), boardId)).toBeNull();
		// And through the phone's action: 404, nothing kept.
		const page = await import('../../src/routes/p/b/[boardId]/+page.server');
		const note = card('x', { private: true });
		expect(
			await post(
				page.actions.note as never,
				{ participant: sari },
				{ boardId },
				{ id: note.id, text: note.text, colour: note.colour, private: 'on' }
			)
		).toMatchObject({ status: 404, data: { error: 'error_not_found' } });
		expect((await listPrivateNotes(other.id)).some((n) => n.id === note.id)).toBe(false);
	});
});
