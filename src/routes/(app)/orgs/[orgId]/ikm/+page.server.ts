import { redirect } from '@sveltejs/kit';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { formAction, answer } from '$lib/forms/forms';
import { createSurvey, ikmSummaries, surveyChoices } from '$lib/satisfaction/satisfaction.server';
import { surveyForm } from '$lib/satisfaction/forms';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's IKM surveys; members who run workshops create new ones here. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const canManage = allows(access, 'workshop.run');
	return {
		organisation: access.organisation,
		canManage,
		surveys: await ikmSummaries(access.organisation.id),
		choices: canManage ? await surveyChoices(access) : { workshops: [], planItems: [] }
	};
};

export const actions: Actions = {
	create: formAction(
		({ locals, params }) => orgAccess(locals, params.orgId, 'workshop.run'),
		surveyForm,
		async (access, input) => {
			const created = await createSurvey(access, input);
			if (!created.ok)
				return answer(created, 'created', created.error === 'ikm_error_workshop' ? 'workshopId' : 'planItemId');
			redirect(303, `/orgs/${access.organisation.id}/ikm/${created.id}`);
		}
	)
};
