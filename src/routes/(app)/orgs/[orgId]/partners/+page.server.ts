import { fail } from '@sveltejs/kit';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { createPartner, deletePartner, listPartners } from '$lib/plans/delivery.server';
import { partnerForm, partnerIdForm } from '$lib/plans/forms';
import { fieldError, formAction, parseForm } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const canEdit = allows(access, 'workshop.edit');
	const partners = await listPartners(access.organisation.id);
	// Contact people are shown only to those who manage partners.
	return {
		organisation: access.organisation,
		canEdit,
		partners: partners.map((p) => (canEdit ? p : { ...p, contactName: '', contact: '' }))
	};
};

/** Those who may edit workshops manage the organisation's partners. */
const editor = ({ locals, params }: RequestEvent) => orgAccess(locals, params.orgId, 'workshop.edit');

export const actions: Actions = {
	add: formAction(editor, partnerForm, async (access, input) => {
		await createPartner(access, input);
		return { done: 'added' };
	}),
	remove: async (event) => {
		const access = await editor(event);
		const form = parseForm(partnerIdForm, await event.request.formData());
		if (!form.ok || !(await deletePartner(access, form.data.partnerId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { done: 'removed' };
	}
};
