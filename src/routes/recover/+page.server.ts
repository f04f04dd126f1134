import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { recoverAccount } from '$lib/accounts/recovery.server';
import { fieldError, newPasswordForm, parseForm } from '$lib/accounts/forms';
import type { Actions } from './$types';

/** Self-service reset with the person's own recovery code: no owner, no e-mail server. */
const recoverForm = newPasswordForm.extend({
	email: z.string().trim().toLowerCase().max(200).pipe(z.email({ error: 'error_email' })),
	code: z.string().trim().min(1, { error: 'error_required' }).max(64)
});

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = parseForm(recoverForm, await request.formData());
		const email = String(form.ok ? form.data.email : (form.values.email ?? ''));
		if (!form.ok) return fail(400, { errors: form.errors, email });
		const result = await recoverAccount(form.data, getClientAddress());
		if (!result.ok) return fail(result.error === 'sec_error_too_many' ? 429 : 400, { errors: fieldError('form', result.error), email });
		return { recovered: true, recoveryCode: result.code };
	}
};
