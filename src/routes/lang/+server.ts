import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/redirects';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post that sets the `lang` cookie and goes back. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const data = await request.formData();
	const lang = String(data.get('lang') ?? '');
	const next = String(data.get('next') ?? '/');
	if (isLocale(lang)) {
		cookies.set('lang', lang, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
	}
	// Only paths on this site: never an open redirect.
	redirect(303, safeNext(next, '/', url.origin));
};
