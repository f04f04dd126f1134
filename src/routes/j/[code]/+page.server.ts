import { error, fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import * as auth from '$lib/sessions/sessions.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { joinForm } from '$lib/workshops/forms';
import { addParticipant } from '$lib/workshops/workshops.server';
import { lookUpCode } from '$lib/workshops/codes.server';
import { findJoinTarget } from '$lib/plans/join-target.server';
import { normalizeJoinCode } from '$lib/workshops/rules';
import type { Actions, PageServerLoad } from './$types';

/** The open workshop behind the code; a miss counts against the per-address limit. */
async function openWorkshop(rawCode: string, ip: string) {
	const found = await lookUpCode(rawCode, ip, findJoinTarget);
	if (!found.ok)
		error(
			found.status === 429 ? 429 : 404,
			found.status === 429 ? 'Too many wrong codes' : 'Workshop not found or not open'
		);
	// After the forum, the same link and QR code lead to what became of its plan.
	if (found.found.kind === 'follow-up') redirect(303, `/f/${found.code}`);
	return found.found;
}

export const load: PageServerLoad = async ({ params, url, locals, getClientAddress }) => {
	const target = await openWorkshop(params.code, getClientAddress());
	// Not open (yet, or any more): say so, as for a typed code.
	if (target.kind !== 'open')
		return {
			state: target.kind,
			title: target.title,
			code: normalizeJoinCode(params.code)!,
			groups: [] as string[],
			step: 'consent' as const
		};
	const workshop = target.workshop;
	// Already joined this workshop in this browser: go straight in.
	if (locals.participant?.workshopId === workshop.id) redirect(303, '/p');
	return {
		state: 'open' as const,
		title: workshop.title,
		code: workshop.joinCode,
		groups: workshop.groups,
		step: url.searchParams.get('step') === 'profile' ? ('profile' as const) : ('consent' as const)
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		const target = await openWorkshop(params.code, getClientAddress());
		if (target.kind !== 'open') return fail(409, { errors: fieldError('groups', 'error_workshop_closed') });
		const workshop = target.workshop;
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
