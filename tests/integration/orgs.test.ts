import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { acceptInvitation, changeRole, createInvitation, listMembers, requirePermission } from '$lib/orgs/orgs.server';
import { createUser } from '$lib/accounts/accounts.server';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop } from './factories';

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
		expect(await statusOf(requirePermission(owner.id, organisationId, 'org.manageMembers'))).toBe('ok');
		expect(await statusOf(requirePermission(facilitator.id, organisationId, 'org.manageMembers'))).toBe(403);
		expect(await statusOf(requirePermission(facilitator.id, organisationId, 'workshop.create'))).toBe('ok');
		expect(await statusOf(requirePermission(member.id, organisationId, 'workshop.create'))).toBe(403);
		expect(await statusOf(requirePermission(observer.id, organisationId, 'workshop.edit'))).toBe(403);
		expect(await statusOf(requirePermission(observer.id, organisationId, 'workshop.view'))).toBe('ok');
	});

	it("a member of organisation A gets 404 for organisation B and B's workshop", async () => {
		const a = await anOrganisationWithOwner('Org A');
		const b = await anOrganisationWithOwner('Org B');
		const workshopB = await aWorkshop(b.organisationId);
		expect(await statusOf(requirePermission(a.owner.id, b.organisationId, 'org.view'))).toBe(404);
		expect(await statusOf(requireWorkshop(a.owner.id, workshopB.id, 'workshop.view'))).toBe(404);
		expect(await statusOf(requireWorkshop(b.owner.id, workshopB.id, 'workshop.run'))).toBe('ok');
	});

	it('one person may belong to several organisations with different roles', async () => {
		const a = await anOrganisationWithOwner('Org A');
		const b = await anOrganisationWithOwner('Org B');
		const token = await createInvitation(b.organisationId, b.owner.id, 'observer');
		expect(await acceptInvitation(token, a.owner.id)).toMatchObject({ ok: true, role: 'observer' });
		expect((await requirePermission(a.owner.id, b.organisationId, 'org.view')).role).toBe('observer');
		expect((await requirePermission(a.owner.id, a.organisationId, 'org.view')).role).toBe('owner');
	});
});

describe('invitations', () => {
	it('are one-time', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const token = await createInvitation(organisationId, owner.id, 'facilitator');
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
		const token = await createInvitation(organisationId, owner.id, 'member');
		expect(await acceptInvitation(token, owner.id)).toEqual({ ok: false, error: 'error_already_member' });
		const newcomer = await createUser({ name: 'New', email: `new-${Date.now()}@test.id`, password: 'password-123' });
		if (!newcomer.ok) throw new Error('setup');
		expect(await acceptInvitation(token, newcomer.user.id)).toMatchObject({ ok: true });
	});

	it('the last owner cannot step down', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		expect(await changeRole(organisationId, owner.id, 'member')).toEqual({ ok: false, error: 'error_last_owner' });
		const second = await aMember(organisationId, owner.id, 'facilitator');
		expect(await changeRole(organisationId, second.id, 'owner')).toEqual({ ok: true });
		expect(await changeRole(organisationId, owner.id, 'member')).toEqual({ ok: true });
		const roles = Object.fromEntries((await listMembers(organisationId)).map((m) => [m.userId, m.role]));
		expect(roles).toEqual({ [owner.id]: 'member', [second.id]: 'owner' });
	});
});
