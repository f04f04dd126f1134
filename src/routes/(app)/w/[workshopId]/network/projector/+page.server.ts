import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { orgAccessFor } from '$lib/orgs/access.server';
import { findWorkshopMap, mapAccess, mapView } from '$lib/network/network.server';
import { getControlState } from '$lib/boards/boards.server';
import type { PageServerLoad } from './$types';

/** The mapping session on the wall: the picture and who bridges, without the app around it. */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:network-projector');
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const map = await findWorkshopMap(access);
	if (!map) error(404, 'Not found');
	const org = await orgAccessFor(access.userId, access.organisation.id, 'workshop.view');
	const view = await mapView(await mapAccess(org, map.id));
	return {
		workshop: { id: access.workshop.id, title: access.workshop.title, joinCode: access.workshop.joinCode },
		control: await getControlState(access.workshop.id),
		view: { actors: view.actors, ties: view.ties, findings: view.findings, map: { title: view.map.title } }
	};
};
