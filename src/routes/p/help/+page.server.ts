import { fail, redirect } from '@sveltejs/kit';
import { requestHelp } from '$lib/safeguarding/safeguarding.server';
import { requireParticipant } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/p');

export const actions: Actions = {
	/** "I need help": a private alert to this workshop's facilitators; no content, no name. */
	default: async ({ locals }) => {
		const result = await requestHelp(requireParticipant(locals));
		if (!result.ok) return fail(404, { error: result.error });
		return { helped: true };
	}
};
