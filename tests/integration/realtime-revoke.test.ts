/**
 * A socket loses its rights with the session or role behind it: logout, password
 * change, a role change, a removed participant, a closed workshop. Each goes through
 * the use case, which closes the live sockets; a reconnect is checked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as realtime from '$lib/server/realtime';
import * as auth from '$lib/sessions/sessions.server';
import { changePassword, signOut } from '$lib/accounts/accounts.server';
import { changeRole } from '$lib/orgs/orgs.server';
import { addParticipant, removeParticipant, setStatus } from '$lib/workshops/workshops.server';
import { createBoard } from '$lib/boards/boards.server';
import { addNote, readBoard } from '$lib/boards/model';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, asOrgOwner, asOwner } from './factories';
import { connect, participantCookie, rawClose, startServer, until, type Harness } from './realtime-harness';

useTestDatabase();

let h: Harness;
beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
	h = await startServer();
});
afterAll(() => h.close());

const note = (text: string) => ({ text });
const textsOf = (doc: Y.Doc) => readBoard(doc).notes.map((n) => n.text);

async function memberSession(userId: string) {
	const token = auth.generateSessionToken();
	const session = await auth.createSession(token, { userId });
	return { cookie: `${auth.COOKIE.member}=${token}`, sessionId: session.id };
}

/** Connects and records the close codes the server sends. */
function watched(room: string, cookie: string) {
	const client = connect(h, room, cookie);
	const codes: number[] = [];
	client.provider.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code));
	return { ...client, codes };
}

async function setup() {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const workshop = await aWorkshop(organisationId);
	const boardId = await createBoard(workshop.id, 'papan');
	const facilitator = await aMember(organisationId, owner.id, 'facilitator');
	return { owner, organisationId, workshop, boardId, facilitator };
}

describe('revoking live sockets', () => {
	it('logout closes that session’s sockets with 4401 and they stay closed', async () => {
		const { boardId, facilitator } = await setup();
		const { cookie, sessionId } = await memberSession(facilitator.id);
		const other = await memberSession(facilitator.id);
		const c = watched(boardId, cookie);
		const keep = watched(boardId, other.cookie);
		await until(() => c.provider.synced && keep.provider.synced);
		await signOut(sessionId);
		await until(() => c.codes.includes(4401));
		await new Promise((r) => setTimeout(r, 300));
		expect(c.provider.wsconnected).toBe(false);
		expect(keep.codes).toEqual([]); // another browser of the same person stays
		c.provider.destroy();
		keep.provider.destroy();
	});

	it('a password change closes every socket of that person with 4401', async () => {
		const { boardId, owner } = await setup();
		const a = watched(boardId, (await memberSession(owner.id)).cookie);
		const b = watched(boardId, (await memberSession(owner.id)).cookie);
		await until(() => a.provider.synced && b.provider.synced);
		expect((await changePassword(owner.id, 'password-123', 'password-456')).ok).toBe(true);
		await until(() => a.codes.includes(4401) && b.codes.includes(4401));
		a.provider.destroy();
		b.provider.destroy();
	});

	it('a member demoted to observer can no longer write through the open socket', async () => {
		const { boardId, organisationId, facilitator, owner } = await setup();
		const writer = watched(boardId, (await memberSession(facilitator.id)).cookie);
		const witness = watched(boardId, (await memberSession(owner.id)).cookie);
		await until(() => writer.provider.synced && witness.provider.synced);
		addNote(writer.doc, note('masih fasilitator'));
		await until(() => textsOf(witness.doc).includes('masih fasilitator'));
		expect(
			(await changeRole(await asOrgOwner(organisationId, 'org.manageMembers'), facilitator.id, 'observer')).ok
		).toBe(true);
		await until(() => writer.codes.includes(4000));
		// It reconnects as an observer: its edits are dropped, it still reads.
		await until(() => writer.provider.synced && writer.provider.wsconnected);
		addNote(writer.doc, note('sudah pengamat'));
		addNote(witness.doc, note('dari pemilik'));
		await until(() => textsOf(writer.doc).includes('dari pemilik'));
		await new Promise((r) => setTimeout(r, 200));
		expect(textsOf(witness.doc)).not.toContain('sudah pengamat');
		writer.provider.destroy();
		witness.provider.destroy();
	});

	it('a removed participant stops receiving at once', async () => {
		const { boardId, workshop, owner } = await setup();
		const joined = await addParticipant(workshop, { displayName: 'Sari', groups: ['woman'] });
		if (!joined.ok) throw new Error('setup');
		const p = watched(boardId, await participantCookie(joined.participant.id));
		const writer = watched(boardId, (await memberSession(owner.id)).cookie);
		await until(() => p.provider.synced && writer.provider.synced);
		expect(await removeParticipant(await asOwner(workshop.id), joined.participant.id)).toBe(true);
		await until(() => p.codes.includes(4401));
		addNote(writer.doc, note('setelah dikeluarkan'));
		await new Promise((r) => setTimeout(r, 300));
		expect(textsOf(p.doc)).not.toContain('setelah dikeluarkan');
		p.provider.destroy();
		writer.provider.destroy();
	});

	it('closing the workshop closes participants’ sockets; they cannot come back; members stay', async () => {
		const { boardId, workshop, owner } = await setup();
		const joined = await addParticipant(workshop, { displayName: 'Budi', groups: ['elder'] });
		if (!joined.ok) throw new Error('setup');
		const cookie = await participantCookie(joined.participant.id);
		const p = watched(boardId, cookie);
		const member = watched(boardId, (await memberSession(owner.id)).cookie);
		await until(() => p.provider.synced && member.provider.synced);
		await setStatus(await asOwner(workshop.id), 'closed');
		await until(() => p.codes.includes(4403));
		expect(p.codes[0]).toBe(4000);
		expect(member.codes).toEqual([]);
		expect(await rawClose(h, boardId, { cookie })).toBe(4403);
		p.provider.destroy();
		member.provider.destroy();
	});
});
