import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/server/auth/session';
import { loginByAccount, loginByIp } from '$lib/server/auth/rate-limit';
import { checkCredentials } from '$lib/accounts/accounts.server';
import { fieldError, loginForm, parseForm } from '$lib/accounts/forms';
import { safeNext } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), '/orgs'));
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = parseForm(loginForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, email: String(form.values.email ?? '') });
		const { email, password } = form.data;

		// Throttle per IP and per account, and say when to try again.
		const ip = getClientAddress();
		const wait = Math.max(loginByIp.retryAfter(ip), loginByAccount.retryAfter(email));
		if (wait > 0) {
			return fail(429, { errors: fieldError('form', 'error_too_many_attempts'), retryMinutes: Math.ceil(wait / 60_000), email });
		}
		const found = await checkCredentials(email, password);
		if (!found) {
			loginByIp.hit(ip);
			loginByAccount.hit(email);
			return fail(400, { errors: fieldError('form', 'error_login'), email });
		}
		loginByAccount.reset(email);
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, { userId: found.id });
		auth.setSessionCookie(cookies, 'member', token, session.expiresAt, !dev && url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next'), '/orgs'));
	}
};
