import { fail } from '@sveltejs/kit';
import { requireWorkshop, updateRecord } from '$lib/workshops/workshops.server';
import { recordForm, recordFormValues } from '$lib/workshops/record';
import { parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The berita acara's details: only those who may edit the workshop see or change them. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
	return { workshop: { id: workshop.id, title: workshop.title }, values: recordFormValues(workshop.record) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const access = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
		const form = parseForm(recordForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await updateRecord(access, form.data);
		return { saved: true };
	}
};
