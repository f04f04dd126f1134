import { fail } from '@sveltejs/kit';
import { allows, orgAccess, signedIn } from '$lib/orgs/access.server';
import { findTask, listOrganisationTasks, updateTask } from '$lib/plans/delivery.server';
import { taskAccess } from '$lib/plans/access.server';
import { moveTaskForm } from '$lib/plans/forms';
import { parseForm } from '$lib/forms/forms';
import { workshopAccess } from '$lib/workshops/access.server';
import { issueCalendarToken } from '$lib/plans/calendar.server';
import type { Actions, PageServerLoad } from './$types';

/** Every delivery task of the organisation, across workshops and years. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	return {
		organisation: access.organisation,
		canManage: allows(access, 'org.manageMembers'),
		// Moving a task needs the same right as editing the workshop's plan; observers only look.
		canMove: allows(access, 'workshop.edit'),
		today: new Date().toISOString().slice(0, 10),
		tasks: await listOrganisationTasks(access.organisation.id)
	};
};

export const actions: Actions = {
	/** The kanban: a task dragged (or moved with its form) to another column. */
	move: async ({ request, locals, params }) => {
		signedIn(locals);
		const form = parseForm(moveTaskForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const found = await findTask(form.data.taskId);
		if (!found) return fail(404, { error: 'error_not_found' });
		// The same right as on the workshop's plan page, and only tasks of this organisation.
		const access = await workshopAccess(locals, found.workshopId, 'workshop.edit');
		if (access.workshop.organisationId !== params.orgId) return fail(404, { error: 'error_not_found' });
		const task = await taskAccess(access, found.task.id);
		if (!task) return fail(404, { error: 'error_not_found' });
		await updateTask(task, { status: form.data.status, progress: task.task.progress });
		return { moved: task.task.id };
	},
	/** A new secret calendar address; the old one stops working. */
	calendar: async ({ locals, params, url }) => {
		const token = await issueCalendarToken(await orgAccess(locals, params.orgId, 'org.manageMembers'));
		return { calendarUrl: `${url.origin}/ical/${token}.ics` };
	}
};
