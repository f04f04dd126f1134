import { error, fail } from '@sveltejs/kit';
import { can } from '$lib/orgs/roles';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { addTaskNote, findTask, listTaskNotes } from '$lib/plans/delivery.server';
import { storePhoto } from '$lib/plans/uploads.server';
import { requireUser } from '$lib/server/guards';
import { pledgesForItems } from '$lib/social/assets.server';
import type { Actions, PageServerLoad } from './$types';

async function requireTask(
	locals: App.Locals,
	workshopId: string,
	taskId: string,
	permission: 'workshop.view' | 'workshop.edit'
) {
	const access = await requireWorkshop(requireUser(locals).id, workshopId, permission);
	const found = await findTask(taskId);
	if (!found || found.workshopId !== access.workshop.id) error(404, 'Not found');
	return { ...access, found };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop, role, found } = await requireTask(locals, params.workshopId, params.taskId, 'workshop.view');
	return {
		workshop: { id: workshop.id, title: workshop.title, timeZone: workshop.timeZone },
		task: found.task,
		itemTitle: found.item.title,
		// Community assets pledged to this task's plan item, followed in delivery.
		pledges: (await pledgesForItems([found.item.id])).map(
			({ id, kind, description, byGroup, partnerName, status }) => ({
				id,
				kind,
				description,
				by: byGroup || partnerName || '',
				status
			})
		),
		canEdit: can(role, 'workshop.edit'),
		notes: (await listTaskNotes(found.task.id)).map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))
	};
};

export const actions: Actions = {
	/** A comment, or evidence (text and an optional photo). */
	note: async ({ request, locals, params }) => {
		const { found } = await requireTask(locals, params.workshopId, params.taskId, 'workshop.edit');
		const data = await request.formData();
		const text = String(data.get('text') ?? '')
			.trim()
			.slice(0, 2000);
		const kind = data.get('kind') === 'evidence' ? 'evidence' : 'comment';
		const file = data.get('photo');
		let photo: string | null = null;
		if (file instanceof File && file.size > 0) {
			const stored = await storePhoto(file);
			if (!stored.ok) return fail(400, { error: stored.error, text });
			photo = stored.name;
		}
		if (!text && !photo) return fail(400, { error: 'error_required', text });
		await addTaskNote(found.task.id, { kind, text, photo }, locals.user!.id);
		return { done: true };
	}
};
