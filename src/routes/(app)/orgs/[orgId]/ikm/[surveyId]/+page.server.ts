import QRCode from 'qrcode';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { answer, formAction } from '$lib/forms/forms';
import { publicOrigin } from '$lib/server/venue';
import { surveyAccess } from '$lib/satisfaction/access.server';
import { addPaperResponse, setSurveyStatus, surveyResult } from '$lib/satisfaction/satisfaction.server';
import { populationField, responseForm, surveyStatusForm } from '$lib/satisfaction/forms';
import { minimumSample } from '$lib/satisfaction/ikm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const manage = async ({ locals, params }: RequestEvent) =>
	surveyAccess(await orgAccess(locals, params.orgId, 'workshop.run'), params.surveyId);

/** One survey: its link and QR code, paper entry, and the results (observers see, facilitators manage). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const access = await surveyAccess(await orgAccess(locals, params.orgId, 'org.view'), params.surveyId);
	const result = await surveyResult(access);
	const link = `${publicOrigin(url)}/s/${access.survey.code}`;
	const population = populationField.safeParse(url.searchParams.get('population') ?? undefined);
	return {
		organisation: access.organisation,
		survey: {
			id: access.survey.id,
			title: access.survey.title,
			function: access.survey.function,
			status: access.survey.status,
			code: access.survey.code,
			askGroups: access.survey.askGroups,
			groups: access.survey.groups
		},
		canManage: allows(access, 'workshop.run'),
		link,
		qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
		result,
		sample: population.success ? { population: population.data, needed: minimumSample(population.data) } : null
	};
};

export const actions: Actions = {
	status: formAction(manage, surveyStatusForm, async (access, input) =>
		answer(await setSurveyStatus(access, input.status), input.status === 'open' ? 'opened' : 'closed')
	),
	paper: formAction(manage, responseForm, async (access, input) =>
		answer(await addPaperResponse(access, input), 'paper')
	)
};
