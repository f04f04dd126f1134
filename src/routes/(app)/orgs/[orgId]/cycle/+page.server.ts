import { orgAccess } from '$lib/orgs/access.server';
import { cycleDashboard } from '$lib/assessment/dashboard.server';
import { FUNCTIONS, type WorkshopFunction } from '$lib/workshops/rules';
import type { PageServerLoad } from './$types';

/** The co-production cycle of the organisation, for all functions or one (`?function=`). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const asked = url.searchParams.get('function');
	const fn = (FUNCTIONS as readonly string[]).includes(asked ?? '') ? (asked as WorkshopFunction) : null;
	return {
		organisation: { id: access.organisation.id, name: access.organisation.name },
		...(await cycleDashboard(access, fn))
	};
};
