import { redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import { addImpactReview, participantItem } from '$lib/assessment/impact.server';
import { reviewForm } from '$lib/assessment/forms';
import { answer, formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

/** A phone tells what a delivered plan item of its workshop changed. */
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.participant) redirect(303, '/join');
	const { found } = await participantItem(participantAccess(locals), params.itemId);
	return {
		item: { id: found.item.id, title: found.item.title, description: found.item.description },
		delivered: found.planStatus === 'final'
	};
};

export const actions: Actions = {
	review: formAction(
		({ locals, params }) => participantItem(participantAccess(locals), params.itemId),
		reviewForm,
		async (access, input) => answer(await addImpactReview(access, { ...input, taskId: null }), 'review', 'changed')
	)
};
