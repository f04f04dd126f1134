import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { requirePermission } from '$lib/orgs/orgs.server';
import { createPartner, deletePartner, listPartners } from '$lib/plans/delivery.server';
import { partnerForm } from '$lib/plans/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await requirePermission(requireUser(locals).id, params.orgId, 'org.view');
	const canEdit = can(role, 'workshop.edit');
	const partners = await listPartners(organisation.id);
	// Contact people are shown only to those who manage partners.
	return {
		organisation,
		canEdit,
		partners: partners.map((p) => (canEdit ? p : { ...p, contactName: '', contact: '' }))
	};
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'workshop.edit');
		const form = parseForm(partnerForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await createPartner(params.orgId, form.data);
		return { done: 'added' };
	},
	remove: async ({ request, locals, params }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'workshop.edit');
		const form = parseForm(z.object({ partnerId: z.string().min(1).max(64) }), await request.formData());
		if (!form.ok || !(await deletePartner(params.orgId, form.data.partnerId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { done: 'removed' };
	}
};
