import { fail, redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import { parseForm } from '$lib/forms/forms';
import { answerPulse, openPulseFor } from '$lib/social/pulse.server';
import { pulseAnswerForm } from '$lib/social/forms';
import { phoneMayAct } from '$lib/social/limits.server';
import type { Actions, PageServerLoad } from './$types';

/** The open trust pulse of this phone's workshop: faces 1-5, read aloud, one answer set (replaceable). */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.participant) redirect(303, '/join');
	return { pulse: await openPulseFor(participantAccess(locals)) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const who = participantAccess(locals);
		if (!(await phoneMayAct(who))) return fail(429, { error: 'soc_error_too_many' });
		const form = parseForm(pulseAnswerForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'soc_error_answer_all' });
		const { pulseId, ...scores } = form.data;
		const result = await answerPulse(who, pulseId, scores);
		if (!result.ok) return fail(400, { error: result.error });
		return { answered: true };
	}
};
