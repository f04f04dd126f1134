import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { allows } from '$lib/orgs/access.server';
import { addImpactReview, itemAccess, listImpactReviews } from '$lib/assessment/impact.server';
import { actionsForItems } from '$lib/assessment/assessment.server';
import { reviewForm } from '$lib/assessment/forms';
import { answer, formAction } from '$lib/forms/forms';
import { getPlan } from '$lib/plans/delivery.server';
import type { Actions, PageServerLoad } from './$types';

/** Impact reviews of the workshop's plan items, and the score cards their actions came from. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const plan = await getPlan(access.workshop.id);
	const ids = plan.items.map((i) => i.id);
	const reviews = await listImpactReviews(ids);
	const links = await actionsForItems(ids);
	return {
		workshop: { id: access.workshop.id, title: access.workshop.title },
		organisationId: access.organisation.id,
		planStatus: plan.status,
		canReview: allows(access, 'board.edit'),
		items: plan.items.map((i) => ({
			id: i.id,
			title: i.title,
			progress: i.progress,
			tasks: i.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status })),
			cards: links.filter((l) => l.itemId === i.id).map((l) => ({ id: l.cardId, title: l.cardTitle })),
			reviews: reviews.filter((r) => r.itemId === i.id).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
		}))
	};
};

export const actions: Actions = {
	review: formAction(
		async ({ locals, params }) => workshopAccess(locals, params.workshopId, 'board.edit'),
		reviewForm,
		async (access, input) => {
			if (!input.itemId) error(404, 'Not found');
			const item = await itemAccess(access, input.itemId);
			return answer(await addImpactReview(item, input), 'review', 'changed');
		}
	)
};
