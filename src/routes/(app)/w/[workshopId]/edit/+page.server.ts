import { fail, redirect } from '@sveltejs/kit';
import { requireWorkshop, updateWorkshop } from '$lib/workshops/workshops.server';
import { workshopForm } from '$lib/workshops/forms';
import { parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
	return { workshop };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
		const form = parseForm(workshopForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await updateWorkshop(params.workshopId, form.data);
		redirect(303, `/w/${params.workshopId}`);
	}
};
