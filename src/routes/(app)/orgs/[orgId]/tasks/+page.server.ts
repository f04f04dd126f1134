import { requirePermission } from '$lib/orgs/orgs.server';
import { can } from '$lib/orgs/roles';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { findTask, listOrganisationTasks, updateTask } from '$lib/plans/delivery.server';
import { TASK_STATUSES } from '$lib/plans/rules';
import { parseForm } from '$lib/forms/forms';
import { requireWorkshop } from '$lib/workshops/workshops.server';
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

const moveForm = z.object({
	taskId: z.string().min(1).max(64),
	status: z.enum(TASK_STATUSES, { error: 'error_invalid' })
});

export const actions: Actions = {
	/** The kanban: a task dragged (or moved with its form) to another column. */
	move: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const form = parseForm(moveForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const found = await findTask(form.data.taskId);
		if (!found) return fail(404, { error: 'error_not_found' });
		// The same right as on the workshop's plan page, and only tasks of this organisation.
		const { workshop } = await requireWorkshop(user.id, found.workshopId, 'workshop.edit');
		if (workshop.organisationId !== params.orgId) return fail(404, { error: 'error_not_found' });
		await updateTask(found.task.id, { status: form.data.status, progress: found.task.progress }, user.id);
		return { moved: found.task.id };
	},
	/** A new secret calendar address; the old one stops working. */
	calendar: async ({ locals, params, url }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'org.manageMembers');
		const token = await issueCalendarToken(params.orgId);
		return { calendarUrl: `${url.origin}/ical/${token}.ics` };
	}
};
