import { fail, redirect } from '@sveltejs/kit';
import { findPasswordReset, resetPassword } from '$lib/accounts/accounts.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { newPasswordForm } from '$lib/accounts/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const reset = await findPasswordReset(params.token);
	return { valid: Boolean(reset), email: reset?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = parseForm(newPasswordForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await resetPassword(params.token, form.data.password);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		redirect(303, '/login?reset=1');
	}
};
