import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { acceptInvitation, changeRole, createInvitation, listMembers } from '$lib/orgs/orgs.server';
import { createUser } from '$lib/accounts/accounts.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, asOrgOwner } from './factories';
import { orgAccessFor } from '$lib/orgs/access.server';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('roles', () => {
	it('each role gets exactly its permissions', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const facilitator = await aMember(organisationId, owner.id, 'facilitator');
		const member = await aMember(organisationId, owner.id, 'member');
		const observer = await aMember(organisationId, owner.id, 'observer');
		expect(await statusOf(orgAccessFor(owner.id, organisationId, 'org.manageMembers'))).toBe('ok');
		expect(await statusOf(orgAccessFor(facilitator.id, organisationId, 'org.manageMembers'))).toBe(403);
		expect(await statusOf(orgAccessFor(facilitator.id, organisationId, 'workshop.create'))).toBe('ok');
		expect(await statusOf(orgAccessFor(member.id, organisationId, 'workshop.create'))).toBe(403);
		expect(await statusOf(orgAccessFor(observer.id, organisationId, 'workshop.edit'))).toBe(403);
		expect(await statusOf(orgAccessFor(observer.id, organisationId, 'workshop.view'))).toBe('ok');
	});

	it("a member of organisation A gets 404 for organisation B and B's workshop", async () => {
		const a = await anOrganisationWithOwner('Org A');
		const b = await anOrganisationWithOwner('Org B');
		const workshopB = await aWorkshop(b.organisationId);
		expect(await statusOf(orgAccessFor(a.owner.id, b.organisationId, 'org.view'))).toBe(404);
		expect(await statusOf(workshopAccessFor(a.owner.id, workshopB.id, 'workshop.view'))).toBe(404);
		expect(await statusOf(workshopAccessFor(b.owner.id, workshopB.id, 'workshop.run'))).toBe('ok');
	});

	it('one person may belong to several organisations with different roles', async () => {
		const a = await anOrganisationWithOwner('Org A');
		const b = await anOrganisationWithOwner('Org B');
		const token = await createInvitation(
			await orgAccessFor(b.owner.id, b.organisationId, 'org.manageMembers'),
			'observer'
		);
		expect(await acceptInvitation(token, a.owner.id)).toMatchObject({ ok: true, role: 'observer' });
		expect((await orgAccessFor(a.owner.id, b.organisationId, 'org.view')).role).toBe('observer');
		expect((await orgAccessFor(a.owner.id, a.organisationId, 'org.view')).role).toBe('owner');
	});
});

describe('invitations', () => {
	it('are one-time', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const token = await createInvitation(
			await orgAccessFor(owner.id, organisationId, 'org.manageMembers'),
			'facilitator'
		);
		const first = await createUser({ name: 'First', email: `first-${Date.now()}@test.id`, password: 'password-123' });
		const second = await createUser({
			name: 'Second',
			email: `second-${Date.now()}@test.id`,
			password: 'password-123'
		});
		if (!first.ok || !second.ok) throw new Error('setup');
		expect(await acceptInvitation(token, first.user.id)).toMatchObject({ ok: true, role: 'facilitator' });
		expect(await acceptInvitation(token, second.user.id)).toEqual({ ok: false, error: 'error_link_invalid' });
		expect(await acceptInvitation('made-up-token', second.user.id)).toEqual({ ok: false, error: 'error_link_invalid' });
	});

	it('an existing member does not use up the link', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const token = await createInvitation(await orgAccessFor(owner.id, organisationId, 'org.manageMembers'), 'member');
		expect(await acceptInvitation(token, owner.id)).toEqual({ ok: false, error: 'error_already_member' });
		const newcomer = await createUser({ name: 'New', email: `new-${Date.now()}@test.id`, password: 'password-123' });
		if (!newcomer.ok) throw new Error('setup');
		expect(await acceptInvitation(token, newcomer.user.id)).toMatchObject({ ok: true });
	});

	it('the last owner cannot step down', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		expect(await changeRole(await asOrgOwner(organisationId, 'org.manageMembers'), owner.id, 'member')).toEqual({
			ok: false,
			error: 'error_last_owner'
		});
		const second = await aMember(organisationId, owner.id, 'facilitator');
		expect(await changeRole(await asOrgOwner(organisationId, 'org.manageMembers'), second.id, 'owner')).toEqual({
			ok: true
		});
		expect(await changeRole(await asOrgOwner(organisationId, 'org.manageMembers'), owner.id, 'member')).toEqual({
			ok: true
		});
		const roles = Object.fromEntries((await listMembers(organisationId)).map((m) => [m.userId, m.role]));
		expect(roles).toEqual({ [owner.id]: 'member', [second.id]: 'owner' });
	});
});
