import { fail, redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import { isWorkshopOpen } from '$lib/boards/boards.server';
import { addActorFromPhone, addTieFromPhone, phoneMapAccess, phoneView } from '$lib/network/network.server';
import { actorForm, tieForm } from '$lib/network/forms';
import { parseForm } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A phone in the mapping session: name actors and draw ties; only for the map of its own workshop. */
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.participant) redirect(303, '/join');
	const phone = await phoneMapAccess(participantAccess(locals), params.mapId);
	return {
		map: { id: phone.map.id, title: phone.map.title },
		open: await isWorkshopOpen(phone.map.workshopId!),
		...(await phoneView(phone))
	};
};

const phone = ({ locals, params }: RequestEvent) => phoneMapAccess(participantAccess(locals), params.mapId);

/** A refusal a phone can show: 429 to slow down, 404 when gone, else 400; always a message key. */
const refused = (error: string) =>
	fail(error === 'error_slow_down' ? 429 : error === 'error_not_found' ? 404 : 400, { error });

export const actions: Actions = {
	actor: async (event) => {
		const access = await phone(event);
		const form = parseForm(actorForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] ?? 'error_invalid' });
		const result = await addActorFromPhone(access, form.data);
		return result.ok ? { done: 'actor' } : refused(result.error);
	},
	tie: async (event) => {
		const access = await phone(event);
		const form = parseForm(tieForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] ?? 'error_invalid' });
		const result = await addTieFromPhone(access, form.data);
		return result.ok ? { done: 'tie' } : refused(result.error);
	}
};
