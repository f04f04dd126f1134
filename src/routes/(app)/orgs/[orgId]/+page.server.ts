import { requirePermission } from '$lib/orgs/orgs.server';
import { listWorkshops } from '$lib/workshops/workshops.server';
import { can } from '$lib/orgs/roles';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await requirePermission(requireUser(locals).id, params.orgId, 'org.view');
	return {
		organisation,
		role,
		canCreate: can(role, 'workshop.create'),
		canManage: can(role, 'org.manageMembers'),
		workshops: await listWorkshops(organisation.id)
	};
};
