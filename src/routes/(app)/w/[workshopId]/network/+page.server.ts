import { redirect } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { findWorkshopMap, startWorkshopMap } from '$lib/network/network.server';
import type { Actions, PageServerLoad } from './$types';

/** The workshop's mapping session: its map when there is one, else a button to start it. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const map = await findWorkshopMap(access);
	if (map) redirect(303, `/orgs/${map.organisationId}/network/${map.id}`);
	return {
		workshop: { id: access.workshop.id, title: access.workshop.title },
		canStart: allows(access, 'workshop.run')
	};
};

export const actions: Actions = {
	start: async ({ locals, params }) => {
		const access = await workshopAccess(locals, params.workshopId, 'workshop.run');
		const mapId = await startWorkshopMap(access);
		redirect(303, `/orgs/${access.organisation.id}/network/${mapId}`);
	}
};
