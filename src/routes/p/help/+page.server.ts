import { fail, redirect } from '@sveltejs/kit';
import { requestHelp } from '$lib/safeguarding/safeguarding.server';
import { participantAccess } from '$lib/workshops/access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/p');

export const actions: Actions = {
	/** "I need help": a private alert to this workshop's facilitators; no content, no name. */
	default: async ({ locals }) => {
		const result = await requestHelp(participantAccess(locals));
		if (!result.ok) return fail(404, { error: result.error });
		return { helped: true };
	}
};
