import { error, fail } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { addTaskNote, listTaskNotes } from '$lib/plans/delivery.server';
import { taskAccess } from '$lib/plans/access.server';
import { taskNoteForm } from '$lib/plans/forms';
import { storePhoto } from '$lib/plans/uploads.server';
import { listImpactReviews } from '$lib/assessment/impact.server';
import { parseForm } from '$lib/forms/forms';
import type { Permission } from '$lib/orgs/roles';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { pledgesForItems } from '$lib/social/assets.server';

/** This task, for a member holding `permission` in its workshop (401/403/404 otherwise). */
async function taskFor<P extends Permission>(
	{ locals, params }: Pick<RequestEvent, 'locals' | 'params'>,
	permission: P
) {
	const access = await workshopAccess(locals, params.workshopId, permission);
	return (await taskAccess(access, params.taskId)) ?? error(404, 'Not found');
}

export const load: PageServerLoad = async (event) => {
	const task = await taskFor(event, 'workshop.view');
	const { workshop } = task;
	return {
		workshop: { id: workshop.id, title: workshop.title, timeZone: workshop.timeZone },
		task: task.task,
		itemTitle: task.item.title,
		canEdit: allows(task, 'workshop.edit'),
		notes: (await listTaskNotes(task.task.id)).map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
		// Co-assessment: what the item's impact reviews say (this task's first).
		reviews: (await listImpactReviews([task.task.itemId]))
			.sort((a, b) => Number(b.taskId === task.task.id) - Number(a.taskId === task.task.id))
			.map((r) => ({
				id: r.id,
				rating: r.rating,
				changed: r.changed,
				notWorked: r.notWorked,
				forTask: r.taskId === task.task.id
			})),
		// Community assets pledged to this task's plan item, followed in delivery.
		pledges: (await pledgesForItems([task.item.id])).map(({ id, kind, description, byGroup, partnerName, status }) => ({
			id,
			kind,
			description,
			by: byGroup || partnerName || '',
			status
		}))
	};
};

export const actions: Actions = {
	/** A comment, or evidence (text and an optional photo). */
	note: async (event) => {
		const task = await taskFor(event, 'workshop.edit');
		const data = await event.request.formData();
		const form = parseForm(taskNoteForm, data);
		if (!form.ok) return fail(400, { error: 'error_invalid', text: '' });
		const { text, kind } = form.data;
		const file = data.get('photo');
		let photo: string | null = null;
		if (file instanceof File && file.size > 0) {
			const stored = await storePhoto(file);
			if (!stored.ok) return fail(400, { error: stored.error, text });
			photo = stored.name;
		}
		if (!text && !photo) return fail(400, { error: 'error_required', text });
		await addTaskNote(task, { kind, text, photo });
		return { done: true };
	}
};
