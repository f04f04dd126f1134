import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { listTaskNotes } from '$lib/plans/delivery.server';
import { taskAccess } from '$lib/plans/access.server';
import { readPhoto } from '$lib/plans/uploads.server';
import type { RequestHandler } from './$types';

/** An evidence photo, only for members of the workshop's organisation, only if it belongs to this task. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const task = await taskAccess(await workshopAccess(locals, params.workshopId, 'workshop.view'), params.taskId);
	if (!task) error(404, 'Not found');
	if (!(await listTaskNotes(task.task.id)).some((n) => n.photo === params.name)) error(404, 'Not found');
	const photo = await readPhoto(params.name);
	if (!photo) error(404, 'Not found');
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.type,
			'cache-control': 'private, max-age=3600',
			'x-content-type-options': 'nosniff'
		}
	});
};
