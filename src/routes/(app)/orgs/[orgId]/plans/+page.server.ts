import { orgAccess } from '$lib/orgs/access.server';
import { listWorkshops } from '$lib/workshops/workshops.server';
import { getPlan } from '$lib/plans/delivery.server';
import type { PageServerLoad } from './$types';

/** The organisation's plans across workshops and years, with delivery progress. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation } = await orgAccess(locals, params.orgId, 'org.view');
	const workshops = await listWorkshops(organisation.id);
	const plans = await Promise.all(
		workshops.map(async (w) => {
			const plan = await getPlan(w.id);
			return {
				workshop: { id: w.id, title: w.title, date: w.date, year: w.date?.slice(0, 4) ?? '' },
				status: plan.status,
				items: plan.items.map((i) => ({
					id: i.id,
					title: i.title,
					function: i.function,
					progress: i.progress,
					cost: i.cost?.toString() ?? null,
					tasks: i.tasks.length
				}))
			};
		})
	);
	return { organisation, plans: plans.filter((p) => p.items.length > 0) };
};
