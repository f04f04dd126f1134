import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/sessions/sessions.server';
import { createUser } from '$lib/accounts/accounts.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { registerForm } from '$lib/accounts/forms';
import { acceptInvitation, findInvitation } from '$lib/orgs/orgs.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const invitation = await findInvitation(params.token);
	return {
		token: params.token,
		invitation: invitation && { organisationName: invitation.organisationName, role: invitation.role }
	};
};

export const actions: Actions = {
	/** A signed-in person accepts the invitation. */
	accept: async ({ params, locals }) => {
		if (!locals.user) redirect(303, `/login?next=/invite/${params.token}`);
		const result = await acceptInvitation(params.token, locals.user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		redirect(303, `/orgs/${result.organisationId}`);
	},
	/** Someone new creates an account and joins in one step. */
	register: async ({ params, request, cookies, url }) => {
		const form = parseForm(registerForm, await request.formData());
		const v = form.ok ? form.data : (form.values as Record<string, string | undefined>);
		const values = { name: v.name ?? '', email: v.email ?? '' };
		if (!form.ok) return fail(400, { errors: form.errors, values });
		if (!(await findInvitation(params.token)))
			return fail(400, { errors: fieldError('form', 'error_link_invalid'), values });
		const created = await createUser(form.data);
		// Never "this e-mail is registered": the same general answer as sign-up gives.
		if (!created.ok) return fail(400, { errors: fieldError('form', 'sec_error_signup_failed'), values });
		const result = await acceptInvitation(params.token, created.user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error), values });
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, { userId: created.user.id });
		auth.setSessionCookie(cookies, 'member', token, session.expiresAt, !dev && url.protocol === 'https:');
		redirect(303, `/orgs/${result.organisationId}`);
	}
};
