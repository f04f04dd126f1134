import { allows, orgAccess } from '$lib/orgs/access.server';
import { listWorkshops } from '$lib/workshops/workshops.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	return {
		organisation: access.organisation,
		role: access.role,
		canCreate: allows(access, 'workshop.create'),
		canManage: allows(access, 'org.manageMembers'),
		workshops: await listWorkshops(access.organisation.id)
	};
};
