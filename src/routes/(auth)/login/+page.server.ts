import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/sessions/sessions.server';
import { logIn } from '$lib/accounts/limits.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { loginForm } from '$lib/accounts/forms';
import { safeNext } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), '/orgs', url.origin));
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = parseForm(loginForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, email: String(form.values.email ?? '') });
		const { email, password } = form.data;

		// Throttled per address and per account and address; says when to try again.
		const result = await logIn(email, password, getClientAddress());
		if (!result.ok) {
			if (result.error === 'error_too_many_attempts') {
				return fail(429, {
					errors: fieldError('form', result.error),
					retryMinutes: Math.ceil((result.retryMs ?? 0) / 60_000),
					email
				});
			}
			return fail(400, { errors: fieldError('form', result.error), email });
		}
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, { userId: result.user.id });
		auth.setSessionCookie(cookies, 'member', token, session.expiresAt, !dev && url.protocol === 'https:');
		// A password reset since the last visit: the account page says so first.
		if (result.user.passwordResetNoticePending) redirect(303, '/account');
		redirect(303, safeNext(url.searchParams.get('next'), '/orgs', url.origin));
	}
};
