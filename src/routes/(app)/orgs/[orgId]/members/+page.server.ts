import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { changeRole, createInvitation, listMembers, requirePermission } from '$lib/orgs/orgs.server';
import { issuePasswordReset } from '$lib/accounts/accounts.server';
import { can, ROLES } from '$lib/orgs/roles';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const roleForm = z.object({ role: z.enum(ROLES, { error: 'error_invalid' }) });
const memberForm = z.object({ userId: z.string().min(1).max(64) });

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await requirePermission(requireUser(locals).id, params.orgId, 'org.view');
	const canManage = can(role, 'org.manageMembers');
	const members = await listMembers(organisation.id);
	return {
		organisation,
		canManage,
		// Only owners see e-mail addresses.
		members: members.map((mem) => ({ ...mem, email: canManage ? mem.email : null }))
	};
};

export const actions: Actions = {
	invite: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		await requirePermission(user.id, params.orgId, 'org.manageMembers');
		const form = parseForm(roleForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const token = await createInvitation(params.orgId, user.id, form.data.role);
		return { inviteLink: `${url.origin}/invite/${token}`, inviteRole: form.data.role };
	},
	reset: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		await requirePermission(user.id, params.orgId, 'org.manageMembers');
		const form = parseForm(memberForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const members = await listMembers(params.orgId);
		const target = members.find((mem) => mem.userId === form.data.userId);
		if (!target) return fail(404, { errors: fieldError('form', 'error_not_member') });
		// Only for someone whose only organisation is this one; others reset with their own recovery code.
		const issued = await issuePasswordReset(user.id, target.userId, params.orgId);
		if (!issued.ok) return fail(400, { errors: fieldError('form', issued.error) });
		return { resetLink: `${url.origin}/reset/${issued.token}`, resetFor: target.name };
	},
	role: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requirePermission(user.id, params.orgId, 'org.manageMembers');
		const form = parseForm(memberForm.extend(roleForm.shape), await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await changeRole(params.orgId, form.data.userId, form.data.role);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { roleChanged: true };
	}
};
