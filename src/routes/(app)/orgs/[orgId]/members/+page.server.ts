import { fail } from '@sveltejs/kit';
import { changeRole, createInvitation, listMembers } from '$lib/orgs/orgs.server';
import { issuePasswordReset } from '$lib/accounts/accounts.server';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { memberForm, memberRoleForm, roleForm } from '$lib/orgs/forms';
import { fieldError, formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const canManage = allows(access, 'org.manageMembers');
	const members = await listMembers(access.organisation.id);
	return {
		organisation: access.organisation,
		canManage,
		// Only owners see e-mail addresses.
		members: members.map((mem) => ({ ...mem, email: canManage ? mem.email : null }))
	};
};

const manager = ({ locals, params }: RequestEvent) => orgAccess(locals, params.orgId, 'org.manageMembers');

export const actions: Actions = {
	invite: formAction(manager, roleForm, async (access, input, { url }) => {
		const token = await createInvitation(access, input.role);
		return { inviteLink: `${url.origin}/invite/${token}`, inviteRole: input.role };
	}),
	reset: formAction(manager, memberForm, async (access, input, { url }) => {
		const members = await listMembers(access.organisation.id);
		const target = members.find((mem) => mem.userId === input.userId);
		if (!target) return fail(404, { errors: fieldError('form', 'error_not_member') });
		// Only for someone whose only organisation is this one; others reset with their own recovery code.
		const issued = await issuePasswordReset(access, target.userId);
		if (!issued.ok) return fail(400, { errors: fieldError('form', issued.error) });
		return { resetLink: `${url.origin}/reset/${issued.token}`, resetFor: target.name };
	}),
	role: formAction(manager, memberRoleForm, async (access, input) => {
		const result = await changeRole(access, input.userId, input.role);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { roleChanged: true };
	})
};
