import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/sessions/sessions.server';
import { signUpLimited } from '$lib/accounts/limits.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { signUpForm } from '$lib/accounts/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/orgs');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = parseForm(signUpForm, await request.formData());
		if (!form.ok) {
			const v = form.values as Record<string, string | undefined>;
			return fail(400, {
				errors: form.errors,
				values: { name: v.name ?? '', email: v.email ?? '', organisationName: v.organisationName ?? '' }
			});
		}
		const { name, email, organisationName } = form.data;
		// Throttled per address; a taken e-mail gets the same general answer as any refusal.
		const created = await signUpLimited(form.data, getClientAddress());
		if (!created.ok)
			return fail(created.error === 'sec_error_signup_too_many' ? 429 : 400, {
				errors: fieldError('form', created.error),
				values: { name, email, organisationName }
			});
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, { userId: created.user.id });
		auth.setSessionCookie(cookies, 'member', token, session.expiresAt, !dev && url.protocol === 'https:');
		redirect(303, `/orgs/${created.organisationId}`);
	}
};
