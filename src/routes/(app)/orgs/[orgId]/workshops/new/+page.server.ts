import { redirect } from '@sveltejs/kit';
import { orgAccess } from '$lib/orgs/access.server';
import { createWorkshop } from '$lib/workshops/workshops.server';
import { workshopForm } from '$lib/workshops/forms';
import { formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation } = await orgAccess(locals, params.orgId, 'workshop.create');
	return { organisation };
};

export const actions: Actions = {
	default: formAction(
		({ locals, params }) => orgAccess(locals, params.orgId, 'workshop.create'),
		workshopForm,
		async (access, input) => {
			const created = await createWorkshop(access, input);
			redirect(303, `/w/${created.id}`);
		}
	)
};
