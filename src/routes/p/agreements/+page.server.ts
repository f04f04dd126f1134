import { fail, redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import { parseForm } from '$lib/forms/forms';
import { agreementsForParticipant, endorse } from '$lib/social/agreements.server';
import { endorseForm } from '$lib/social/forms';
import { phoneMayAct } from '$lib/social/limits.server';
import type { Actions, PageServerLoad } from './$types';

/** The working agreements in force: read (aloud), and endorse each once; only the count is ever shown. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.participant) redirect(303, '/join');
	return { agreements: await agreementsForParticipant(participantAccess(locals)) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const who = participantAccess(locals);
		if (!(await phoneMayAct(who))) return fail(429, { error: 'soc_error_too_many' });
		const form = parseForm(endorseForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await endorse(who, form.data.versionId);
		if (!result.ok) return fail(400, { error: result.error });
		return { endorsed: true };
	}
};
