import { fail, redirect } from '@sveltejs/kit';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { addActor, addTie, deleteMap, mapAccess, mapView, removeActor, removeTie } from '$lib/network/network.server';
import { acceptSuggestions, suggest } from '$lib/network/suggestions.server';
import { acceptForm, actorForm, actorIdForm, tieForm, tieIdForm } from '$lib/network/forms';
import { answer, fieldError, formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const map = await mapAccess(access, params.mapId);
	const canEdit = allows(access, 'workshop.edit');
	return {
		organisation: { id: access.organisation.id, name: access.organisation.name },
		canEdit,
		view: await mapView(map),
		// The suggestions are worked out only when asked for (?suggest).
		suggestions:
			canEdit && url.searchParams.has('suggest')
				? await suggest(await mapAccess(await orgAccess(locals, params.orgId, 'workshop.edit'), params.mapId))
				: null
	};
};

const editor = async ({ locals, params }: RequestEvent) =>
	mapAccess(await orgAccess(locals, params.orgId, 'workshop.edit'), params.mapId);

export const actions: Actions = {
	addActor: formAction(editor, actorForm, async (map, input) => answer(await addActor(map, input), 'actor_added')),
	addTie: formAction(editor, tieForm, async (map, input) => answer(await addTie(map, input), 'tie_added')),
	removeActor: formAction(editor, actorIdForm, async (map, { actorId }) =>
		(await removeActor(map, actorId))
			? { done: 'actor_removed' }
			: fail(404, { errors: fieldError('form', 'error_not_found') })
	),
	removeTie: formAction(editor, tieIdForm, async (map, { tieId }) =>
		(await removeTie(map, tieId))
			? { done: 'tie_removed' }
			: fail(404, { errors: fieldError('form', 'error_not_found') })
	),
	accept: formAction(editor, acceptForm, async (map, { pick }) => {
		const result = await acceptSuggestions(map, pick);
		if (!result.ok) return answer(result, '');
		return { done: 'accepted', actors: result.actors ?? 0, ties: result.ties ?? 0 };
	}),
	deleteMap: async (event) => {
		const map = await editor(event);
		await deleteMap(map);
		redirect(303, `/orgs/${map.map.organisationId}/network`);
	}
};
