import { fail } from '@sveltejs/kit';
import { recoverAccount } from '$lib/accounts/recovery.server';
import { requestResetByEmail } from '$lib/accounts/mails.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { recoverForm, resetMailForm } from '$lib/accounts/forms';
import { mailEnabled } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ byEmail: mailEnabled() });

export const actions: Actions = {
	code: async ({ request, getClientAddress }) => {
		const form = parseForm(recoverForm, await request.formData());
		const address = String(form.ok ? form.data.email : (form.values.email ?? ''));
		if (!form.ok) return fail(400, { errors: form.errors, email: address });
		const result = await recoverAccount(form.data, getClientAddress());
		if (!result.ok)
			return fail(result.error === 'sec_error_too_many' ? 429 : 400, {
				errors: fieldError('form', result.error),
				email: address
			});
		return { recovered: true, recoveryCode: result.code };
	},
	/** Only when mail is set up; the answer never says whether the address has an account. */
	email: async ({ request, getClientAddress }) => {
		const form = parseForm(resetMailForm, await request.formData());
		if (!form.ok) return fail(400, { mailErrors: form.errors });
		const result = await requestResetByEmail(form.data.email, getClientAddress());
		if (!result.ok)
			return fail(result.error === 'sec_error_too_many' ? 429 : 400, {
				mailErrors: fieldError('mailEmail', result.error)
			});
		return { mailed: true };
	}
};
