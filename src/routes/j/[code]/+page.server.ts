import { error, fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/server/auth/session';
import { fieldError, parseForm } from '$lib/accounts/forms';
import { joinForm } from '$lib/workshops/forms';
import { normalizeJoinCode } from '$lib/workshops/rules';
import { addParticipant, findOpenWorkshopByCode } from '$lib/workshops/workshops.server';
import { publicFollowUp } from '$lib/plans/follow-up.server';
import type { Actions, PageServerLoad } from './$types';

async function openWorkshop(rawCode: string) {
	const code = normalizeJoinCode(rawCode);
	const found = code ? await findOpenWorkshopByCode(code) : null;
	if (!found) {
		// After the forum, the same link and QR code lead to what became of its plan.
		if (code && (await publicFollowUp(code))?.workshop.status === 'closed') redirect(303, `/f/${code}`);
		error(404, 'Workshop not found or not open');
	}
	return found;
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const workshop = await openWorkshop(params.code);
	// Already joined this workshop in this browser: go straight in.
	if (locals.participant?.workshopId === workshop.id) redirect(303, '/p');
	return { title: workshop.title, code: workshop.joinCode, groups: workshop.groups, step: url.searchParams.get('step') === 'profile' ? 'profile' : 'consent' };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals }) => {
		const workshop = await openWorkshop(params.code);
		const form = parseForm(joinForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await addParticipant(workshop, form.data);
		if (!result.ok) return fail(400, { errors: fieldError('groups', result.error) });
		// One participant session per browser: joining another workshop replaces the old one.
		if (locals.participantSession) await auth.invalidateSession(locals.participantSession.id);
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, { participantId: result.participant.id });
		auth.setSessionCookie(cookies, 'participant', token, session.expiresAt, !dev && url.protocol === 'https:');
		redirect(303, '/p');
	}
};
