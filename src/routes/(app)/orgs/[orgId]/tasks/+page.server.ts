import { requirePermission } from '$lib/orgs/orgs.server';
import { can } from '$lib/orgs/roles';
import { listOrganisationTasks } from '$lib/plans/delivery.server';
import { issueCalendarToken } from '$lib/plans/calendar.server';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Every delivery task of the organisation, across workshops and years. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await requirePermission(requireUser(locals).id, params.orgId, 'org.view');
	return {
		organisation,
		canManage: can(role, 'org.manageMembers'),
		today: new Date().toISOString().slice(0, 10),
		tasks: await listOrganisationTasks(organisation.id)
	};
};

export const actions: Actions = {
	/** A new secret calendar address; the old one stops working. */
	calendar: async ({ locals, params, url }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'org.manageMembers');
		const token = await issueCalendarToken(params.orgId);
		return { calendarUrl: `${url.origin}/ical/${token}.ics` };
	}
};
