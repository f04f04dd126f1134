import { fail } from '@sveltejs/kit';
import { changePasswordLimited } from '$lib/accounts/limits.server';
import {
	acknowledgeResetNotice,
	createRecoveryCode,
	pendingResetNotice,
	recoveryCodeCreatedAt
} from '$lib/accounts/recovery.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { changePasswordForm, recoveryForm } from '$lib/accounts/forms';
import { signedIn } from '$lib/orgs/access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	const [resetAt, recoveryAt] = await Promise.all([pendingResetNotice(user.id), recoveryCodeCreatedAt(user.id)]);
	return { resetAt: resetAt?.toISOString() ?? null, recoveryCodeAt: recoveryAt?.toISOString() ?? null };
};

export const actions: Actions = {
	/** Changing the password signs this person out everywhere, this browser included. */
	password: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = parseForm(changePasswordForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await changePasswordLimited(user.id, form.data.currentPassword, form.data.password);
		if (!result.ok)
			return fail(result.error === 'sec_error_too_many' ? 429 : 400, {
				errors: fieldError('currentPassword', result.error)
			});
		return { changed: true };
	},
	/** A new recovery code, shown once (the old one stops working). */
	recovery: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = parseForm(recoveryForm, await request.formData());
		if (!form.ok) return fail(400, { recoveryErrors: form.errors });
		const result = await createRecoveryCode(user.id, form.data.currentPassword);
		if (!result.ok)
			return fail(result.error === 'sec_error_too_many' ? 429 : 400, {
				recoveryErrors: fieldError('recoveryPassword', result.error)
			});
		return { recoveryCode: result.code };
	},
	/** "I have seen it": the reset notice goes away. */
	acknowledge: async ({ locals }) => {
		const user = signedIn(locals);
		await acknowledgeResetNotice(user.id);
		return { acknowledged: true };
	}
};
