import { fail, redirect } from '@sveltejs/kit';
import { parseForm } from '$lib/forms/forms';
import { joinCodeForm } from '$lib/workshops/forms';
import { normalizeJoinCode } from '$lib/workshops/rules';
import { lookUpCode } from '$lib/workshops/codes.server';
import { findJoinTarget } from '$lib/plans/join-target.server';
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
		// A known code goes on to /j/CODE, which explains a draft or closed forum exactly as
		// when the QR code is scanned.
		const found = await lookUpCode(typed, getClientAddress(), findJoinTarget);
		if (!found.ok) return fail(found.status, { error: found.error, code: typed });
		const code = found.code;
		redirect(303, `/j/${code}`);
	}
};
