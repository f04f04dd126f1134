import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { participant } from '../../src/lib/workshops/workshops.schema';
import * as auth from '$lib/sessions/sessions.server';
import {
	addParticipant,
	findOpenWorkshopByCode,
	getAttendance,
	listAgenda,
	replaceAgenda,
	setStatus,
	addAssisted
} from '$lib/workshops/workshops.server';
import { JOIN_CODE_ALPHABET } from '$lib/workshops/rules';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asOwner } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

describe('workshops', () => {
	it('get a unique 6-character join code without look-alike characters', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const codes = new Set<string>();
		for (let i = 0; i < 20; i++) codes.add((await aWorkshop(organisationId)).joinCode);
		expect(codes.size).toBe(20);
		for (const code of codes) {
			expect(code).toHaveLength(6);
			for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
		}
	});

	it('can be found by code only while open', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId, { open: false });
		expect(await findOpenWorkshopByCode(w.joinCode)).toBeNull();
		await setStatus(await asOwner(w.id), 'open');
		expect((await findOpenWorkshopByCode(w.joinCode))?.id).toBe(w.id);
		await setStatus(await asOwner(w.id), 'closed');
		expect(await findOpenWorkshopByCode(w.joinCode)).toBeNull();
	});

	it('keep their agenda in order', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [
			{ title: 'Pembukaan', minutes: 10 },
			{ title: 'Diskusi', minutes: 45 },
			{ title: 'Penutup', minutes: 5 }
		]);
		await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [
			{ title: 'Diskusi', minutes: 45 },
			{ title: 'Pembukaan', minutes: 10 }
		]);
		expect((await listAgenda(w.id)).map((i) => [i.position, i.title, i.minutes])).toEqual([
			[0, 'Diskusi', 45],
			[1, 'Pembukaan', 10]
		]);
	});
});

describe('participants', () => {
	it('a child keeps no name and gets a pseudonym; an adult may give a name', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const child = await addParticipant(w, { displayName: 'Budi', groups: ['child-7-12'] });
		const adult = await addParticipant(w, { displayName: 'Ibu Sari', groups: ['woman', 'community-leader'] });
		if (!child.ok || !adult.ok) throw new Error('setup');
		expect(child.participant.displayName).toBeNull();
		expect(child.participant.pseudonym).toMatch(/^\S.+ \d\d$/);
		expect(adult.participant.displayName).toBe('Ibu Sari');
		const [stored] = await db.select().from(participant).where(eq(participant.id, child.participant.id));
		expect(JSON.stringify(stored)).not.toContain('Budi');
	});

	it('refuses a group the workshop does not offer', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId, { groups: ['woman', 'elder'] });
		expect(await addParticipant(w, { displayName: '', groups: ['government'] })).toEqual({
			ok: false,
			error: 'error_groups'
		});
		expect((await getAttendance(w.id)).total).toBe(0);
	});

	it('attendance counts by group and marks assisted people', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		await addParticipant(w, { displayName: '', groups: ['woman'] });
		await addParticipant(w, { displayName: '', groups: ['woman', 'disability'] });
		await addAssisted(await workshopAccessFor(owner.id, w.id, 'workshop.run'), {
			displayName: 'Pak RT',
			groups: ['elder']
		});
		const attendance = await getAttendance(w.id);
		expect(attendance.total).toBe(3);
		expect(attendance.assisted).toBe(1);
		expect(attendance.byGroup).toEqual([
			{ group: 'woman', count: 2 },
			{ group: 'disability', count: 1 },
			{ group: 'elder', count: 1 }
		]);
		expect(attendance.people.find((p) => p.assisted)?.name).toBe('Pak RT');
	});

	it("a participant session opens only that participant's workshop", async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const joined = await addParticipant(w, { displayName: '', groups: [] });
		if (!joined.ok) throw new Error('setup');
		const token = auth.generateSessionToken();
		await auth.createSession(token, { participantId: joined.participant.id });
		const found = await auth.validateParticipantSession(token);
		expect(found?.participant.workshopId).toBe(w.id);
		expect(await auth.validateMemberSession(token)).toBeNull();
	});
});
