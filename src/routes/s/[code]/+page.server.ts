import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { parseForm, fieldError } from '$lib/forms/forms';
import { generateToken } from '$lib/server/auth/tokens';
import { lookUpCode } from '$lib/workshops/codes.server';
import { responseForm } from '$lib/satisfaction/forms';
import type { Survey } from '$lib/satisfaction/access.server';
import {
	findSurveyByCode,
	ikmSubmitByIp,
	ownResponse,
	respondentKey,
	submitResponse
} from '$lib/satisfaction/satisfaction.server';
import type { Actions, PageServerLoad } from './$types';

/** The browser's random respondent secret: nothing about the person, only "the same phone as before". */
const COOKIE = 'rr_ikm';
const YEAR = 365 * 24 * 60 * 60;

function respondentSecret(cookies: Cookies, url: URL): string {
	const existing = cookies.get(COOKIE);
	if (existing && /^[a-z2-7]{32}$/.test(existing)) return existing;
	const token = generateToken();
	cookies.set(COOKIE, token, {
		path: '/s',
		httpOnly: true,
		sameSite: 'lax',
		secure: !dev && url.protocol === 'https:',
		maxAge: YEAR
	});
	return token;
}

/** A participant of the survey's own workshop answers as that participant; anyone else by the cookie. */
function respondentOf(survey: Survey, locals: App.Locals, cookies: Cookies, url: URL): string {
	const participant = locals.participant;
	if (participant && survey.workshopId && participant.workshopId === survey.workshopId)
		return respondentKey(survey.id, `participant:${participant.id}`);
	return respondentKey(survey.id, `browser:${respondentSecret(cookies, url)}`);
}

/** An unknown code counts against the same per-address limit as join codes. */
async function surveyFor(code: string, ip: string): Promise<Survey> {
	const found = await lookUpCode(code, ip, findSurveyByCode);
	if (!found.ok) error(found.status === 429 ? 429 : 404, found.status === 429 ? 'Too many wrong codes' : 'Not found');
	return found.found;
}

export const load: PageServerLoad = async ({ params, locals, cookies, url, getClientAddress }) => {
	const survey = await surveyFor(params.code, getClientAddress());
	const previous =
		survey.status === 'open' ? await ownResponse(survey.id, respondentOf(survey, locals, cookies, url)) : null;
	return {
		survey: {
			code: survey.code,
			title: survey.title,
			status: survey.status,
			groups: survey.askGroups ? survey.groups : []
		},
		previous
	};
};

export const actions: Actions = {
	default: async ({ params, locals, cookies, url, request, getClientAddress }) => {
		const ip = getClientAddress();
		const survey = await surveyFor(params.code, ip);
		if ((await ikmSubmitByIp.retryAfter(ip)) > 0)
			return fail(429, { errors: fieldError('form', 'ikm_error_too_many') });
		await ikmSubmitByIp.hit(ip);
		const form = parseForm(responseForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await submitResponse(survey, respondentOf(survey, locals, cookies, url), form.data);
		if (!result.ok)
			return fail(result.error === 'ikm_error_closed' ? 409 : 400, { errors: fieldError('form', result.error) });
		redirect(303, `/s/${survey.code}/thanks`);
	}
};
