import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createOrganisation, listMemberships } from '$lib/orgs/orgs.server';
import { parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const newOrganisation = z.object({
	name: z.string().trim().min(1, { error: 'error_required' }).max(120, { error: 'error_too_long' })
});

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await listMemberships(requireUser(locals).id)
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = parseForm(newOrganisation, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		redirect(303, `/orgs/${await createOrganisation(user.id, form.data.name)}`);
	}
};
