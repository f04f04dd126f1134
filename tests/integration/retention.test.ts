/**
 * Retention with a clock the test controls: a closed workshop keeps its participants'
 * personal data for the organisation's retention days, then is anonymised: notes keep
 * their text and lose their author, attendance keeps its counts by group, sessions end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { helpRequest, noteOriginal, privateNote } from '../../src/lib/safeguarding/safeguarding.schema';
import { noteAuthor } from '../../src/lib/boards/authorship.schema';
import { session } from '../../src/lib/sessions/sessions.schema';
import * as realtime from '$lib/server/realtime';
import * as auth from '$lib/sessions/sessions.server';
import { createBoard } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { authorNamesFor, settleAuthorship } from '$lib/boards/authorship.server';
import { notesOf } from '$lib/boards/model';
import { getAttendance, setStatus } from '$lib/workshops/workshops.server';
import { getWorkshopSettings, requestHelp, setOrgSettings } from '$lib/safeguarding/safeguarding.server';
import { ANONYMOUS, anonymiseDue } from '$lib/safeguarding/retention.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, aParticipant, asOwner } from './factories';
import { onBoard, phone } from './access';

useTestDatabase();

const DAY = 86_400_000;

beforeAll(() => realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 }));
afterAll(() => settleAuthorship());

describe('retention', () => {
	it('anonymises a closed workshop after the set days, keeping note texts and counts by group', async () => {
		const org = await anOrganisationWithOwner();
		await setOrgSettings(org.organisationId, { retentionDays: 30, referralGuidance: null });
		const w = await aWorkshop(org.organisationId);
		const sari = await aParticipant(w, 'Sari Lengkap', ['woman']);
		const child = await aParticipant(w, '', ['child-7-12']);
		const token = auth.generateSessionToken();
		await auth.createSession(token, { participantId: sari.id });
		const boardId = await createBoard(w.id, 'Papan retensi');
		await contributeNote(await onBoard(sari, boardId), {
			id: crypto.randomUUID(),
			text: 'Lampu lorong, hubungi 0812-3456-7890',
			colour: 'yellow',
			pictogram: null
		});
		await contributeNote(await onBoard(child, boardId), {
			id: crypto.randomUUID(),
			text: 'Taman bermain',
			colour: 'green',
			pictogram: null
		});
		await contributeNote(await onBoard(sari, boardId), {
			id: crypto.randomUUID(),
			text: 'Saya takut',
			colour: 'green',
			pictogram: null,
			private: true
		});
		await requestHelp(phone(child));
		const before = await getAttendance(w.id);

		// An open workshop is never anonymised, however late.
		expect(await anonymiseDue(new Date(Date.now() + 1000 * DAY))).toEqual([]);
		await setStatus(await asOwner(w.id), 'closed');
		const closedAt = (await getWorkshopSettings(w.id)).closedAt!;
		expect(closedAt).toBeInstanceOf(Date);

		// Day 29: still kept.
		expect(await anonymiseDue(new Date(closedAt.getTime() + 29 * DAY))).toEqual([]);
		expect(await auth.validateParticipantSession(token)).not.toBeNull();

		// Day 31: anonymised.
		expect(await anonymiseDue(new Date(closedAt.getTime() + 31 * DAY))).toEqual([w.id]);
		expect(await auth.validateParticipantSession(token)).toBeNull();
		expect(await db.select().from(session).where(eq(session.participantId, sari.id))).toEqual([]);
		expect(await db.select().from(noteAuthor).where(eq(noteAuthor.boardId, boardId))).toEqual([]);
		expect(await authorNamesFor(boardId, { mayEdit: true, hideAuthors: false })).toEqual({});
		expect(await db.select().from(noteOriginal).where(eq(noteOriginal.boardId, boardId))).toEqual([]);
		expect(await db.select().from(privateNote).where(eq(privateNote.workshopId, w.id))).toEqual([]);
		expect(await db.select().from(helpRequest).where(eq(helpRequest.workshopId, w.id))).toEqual([]);
		// The notes keep their (masked) text.
		const texts = await realtime.readBoardDoc(boardId, (doc) =>
			[...notesOf(doc).values()].map((n) => n.get('text')).sort()
		);
		expect(texts).toEqual(['Lampu lorong, hubungi [nomor disembunyikan]', 'Taman bermain']);
		// Attendance: the same counts by group, no names or pseudonyms.
		const after = await getAttendance(w.id);
		expect(after.total).toBe(before.total);
		expect(after.byGroup).toEqual(before.byGroup);
		expect(after.people.map((p) => p.name)).toEqual([ANONYMOUS, ANONYMOUS]);
		expect(JSON.stringify(after)).not.toContain('Sari Lengkap');
		expect(JSON.stringify(after)).not.toContain(child.pseudonym);
		// Done once: the next run leaves it alone.
		expect(await anonymiseDue(new Date(closedAt.getTime() + 400 * DAY))).toEqual([]);
	});

	it('uses each organisation’s own setting (default 90 days)', async () => {
		const org = await anOrganisationWithOwner('Default');
		const w = await aWorkshop(org.organisationId);
		await aParticipant(w, 'Budi', ['youth']);
		await setStatus(await asOwner(w.id), 'closed');
		const closedAt = (await getWorkshopSettings(w.id)).closedAt!;
		expect(await anonymiseDue(new Date(closedAt.getTime() + 89 * DAY))).not.toContain(w.id);
		expect(await anonymiseDue(new Date(closedAt.getTime() + 91 * DAY))).toContain(w.id);
	});

	it('reopening a workshop stops its clock', async () => {
		const org = await anOrganisationWithOwner('Reopen');
		const w = await aWorkshop(org.organisationId);
		await setStatus(await asOwner(w.id), 'closed');
		await setStatus(await asOwner(w.id), 'open');
		expect((await getWorkshopSettings(w.id)).closedAt).toBeNull();
		expect(await anonymiseDue(new Date(Date.now() + 1000 * DAY))).not.toContain(w.id);
	});

	it('the data register shows the setting; only owners change it, with valid days', async () => {
		const page = await import('../../src/routes/(app)/orgs/[orgId]/data/+page.server');
		const org = await anOrganisationWithOwner('Register');
		const owner = { id: org.owner.id, name: 'Owner' };
		const facilitator = await aMember(org.organisationId, owner.id, 'facilitator');
		const post = (who: { id: string; name: string }, fields: Record<string, string>) => {
			const body = new FormData();
			for (const [k, v] of Object.entries(fields)) body.set(k, v);
			return page.actions.settings!({
				locals: { user: who },
				params: { orgId: org.organisationId },
				request: new Request('http://127.0.0.1/', { method: 'POST', body })
			} as never);
		};
		const load = (who: { id: string; name: string }) =>
			page.load({ locals: { user: who }, params: { orgId: org.organisationId } } as never) as Promise<{
				settings: { retentionDays: number };
				canEdit: boolean;
			}>;
		expect((await load(owner)).settings.retentionDays).toBe(90);
		await expect(post({ id: facilitator.id, name: facilitator.name }, { retentionDays: '1' })).rejects.toMatchObject({
			status: 403
		});
		expect(await post(owner, { retentionDays: '0' })).toMatchObject({ status: 400 });
		expect(await post(owner, { retentionDays: '45', referralGuidance: 'UPTD PPA Makassar: 0411-000' })).toEqual({
			saved: true
		});
		expect(await load({ id: facilitator.id, name: facilitator.name })).toMatchObject({
			settings: { retentionDays: 45, referralGuidance: 'UPTD PPA Makassar: 0411-000' },
			canEdit: false
		});
	});
});
