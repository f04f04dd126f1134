import { redirect } from '@sveltejs/kit';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { createCard, listCards } from '$lib/assessment/assessment.server';
import { cardForm } from '$lib/assessment/forms';
import { answer, formAction } from '$lib/forms/forms';
import { listWorkshops } from '$lib/workshops/workshops.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	return {
		organisation: { id: access.organisation.id, name: access.organisation.name },
		canManage: allows(access, 'workshop.run'),
		cards: (await listCards(access)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
		workshops: (await listWorkshops(access.organisation.id)).map((w) => ({ id: w.id, title: w.title }))
	};
};

export const actions: Actions = {
	create: formAction(
		({ locals, params }) => orgAccess(locals, params.orgId, 'workshop.run'),
		cardForm,
		async (access, input) => {
			const created = await createCard(access, input);
			if (!created.ok) return answer(created, 'card', 'workshopId');
			redirect(303, `/orgs/${access.organisation.id}/scorecards/${created.id}`);
		}
	)
};
