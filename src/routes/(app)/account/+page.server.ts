import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/accounts/accounts.server';
import { fieldError, changePasswordForm, parseForm } from '$lib/accounts/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	/** Changing the password signs this person out everywhere, this browser included. */
	password: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = parseForm(changePasswordForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await changePassword(user.id, form.data.currentPassword, form.data.password);
		if (!result.ok) return fail(400, { errors: fieldError('currentPassword', result.error) });
		return { changed: true };
	}
};
