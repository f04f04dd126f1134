import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/sessions/sessions.server';
import { signOut } from '$lib/accounts/accounts.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session) await signOut(locals.session.id);
		auth.deleteSessionCookie(cookies, 'member');
		redirect(303, '/login');
	}
};
