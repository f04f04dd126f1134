import { fail, redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import { parseForm, type FormErrors } from '$lib/forms/forms';
import { recordAssetFromPhone } from '$lib/social/assets.server';
import { phoneAssetForm } from '$lib/social/forms';
import { phoneMayAct } from '$lib/social/limits.server';
import type { Actions, PageServerLoad } from './$types';

/** What we can bring: a participant records a community asset for the asset map. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.participant) redirect(303, '/join');
	return {};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const who = participantAccess(locals);
		if (!(await phoneMayAct(who))) return fail(429, { errors: { form: 'soc_error_too_many' } as FormErrors });
		const form = parseForm(phoneAssetForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await recordAssetFromPhone(who, form.data);
		if (!result.ok) return fail(400, { errors: { form: result.error } as FormErrors });
		return { recorded: true };
	}
};
