import { redirect } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { updateWorkshop } from '$lib/workshops/workshops.server';
import { workshopForm } from '$lib/workshops/forms';
import { formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.edit');
	return { workshop };
};

export const actions: Actions = {
	default: formAction(
		({ locals, params }) => workshopAccess(locals, params.workshopId, 'workshop.edit'),
		workshopForm,
		async (access, input) => {
			await updateWorkshop(access, input);
			redirect(303, `/w/${access.workshop.id}`);
		}
	)
};
