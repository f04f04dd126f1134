import { redirect } from '@sveltejs/kit';
import { createOrganisation, listMemberships } from '$lib/orgs/orgs.server';
import { signedIn } from '$lib/orgs/access.server';
import { organisationForm } from '$lib/orgs/forms';
import { formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await listMemberships(signedIn(locals).id)
});

export const actions: Actions = {
	create: formAction(
		({ locals }) => signedIn(locals),
		organisationForm,
		async (user, input) => redirect(303, `/orgs/${await createOrganisation(user.id, input.name)}`)
	)
};
