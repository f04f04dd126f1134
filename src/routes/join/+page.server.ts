import { fail, redirect } from '@sveltejs/kit';
import { joinByIp } from '$lib/server/auth/rate-limit';
import { parseForm } from '$lib/accounts/forms';
import { joinCodeForm } from '$lib/workshops/forms';
import { normalizeJoinCode } from '$lib/workshops/rules';
import { findOpenWorkshopByCode } from '$lib/workshops/workshops.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	// /join?code=ABC123 (e.g. typed into a QR scanner) goes straight on.
	const code = normalizeJoinCode(url.searchParams.get('code') ?? '');
	if (code) redirect(303, `/j/${code}`);
};

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = parseForm(joinCodeForm, await request.formData());
		const typed = form.ok ? form.data.code : '';
		// Only wrong guesses count, so a room behind one shared address can still join.
		const ip = getClientAddress();
		if (joinByIp.retryAfter(ip) > 0) return fail(429, { error: 'error_too_many_codes', code: typed });
		const code = normalizeJoinCode(typed);
		if (!code) {
			joinByIp.hit(ip);
			return fail(400, { error: 'error_code', code: typed });
		}
		if (!(await findOpenWorkshopByCode(code))) {
			joinByIp.hit(ip);
			return fail(404, { error: 'error_code_unknown', code: typed });
		}
		redirect(303, `/j/${code}`);
	}
};
