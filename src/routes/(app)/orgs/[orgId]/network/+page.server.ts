import { redirect } from '@sveltejs/kit';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { createMap, listMaps } from '$lib/network/network.server';
import { mapForm } from '$lib/network/forms';
import { answer, formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	return {
		organisation: { id: access.organisation.id, name: access.organisation.name },
		canEdit: allows(access, 'workshop.edit'),
		maps: (await listMaps(access)).map((m) => ({
			id: m.id,
			title: m.title,
			takenOn: m.takenOn,
			workshopId: m.workshopId,
			actors: m.actors,
			ties: m.ties
		})),
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = {
	create: formAction(
		({ locals, params }) => orgAccess(locals, params.orgId, 'workshop.edit'),
		mapForm,
		async (access, input) => {
			const result = await createMap(access, input);
			if (result.ok) redirect(303, `/orgs/${access.organisation.id}/network/${result.id}`);
			return answer(result, 'created');
		}
	)
};
