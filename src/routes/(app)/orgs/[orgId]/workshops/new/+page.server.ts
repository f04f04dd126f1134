import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/orgs/orgs.server';
import { createWorkshop } from '$lib/workshops/workshops.server';
import { workshopForm } from '$lib/workshops/forms';
import { parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation } = await requirePermission(requireUser(locals).id, params.orgId, 'workshop.create');
	return { organisation };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'workshop.create');
		const form = parseForm(workshopForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const created = await createWorkshop(params.orgId, form.data);
		redirect(303, `/w/${created.id}`);
	}
};
