import { requireWorkshop } from '$lib/workshops/workshops.server';
import { listPlanItems } from '$lib/plans/plans.server';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.id, 'workshop.view');
	const items = await listPlanItems(workshop.id);
	return { workshop: { id: workshop.id, title: workshop.title }, items: items.map((i) => ({ ...i, cost: i.cost?.toString() ?? null })) };
};
