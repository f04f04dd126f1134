import { error } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { findTask, listTaskNotes } from '$lib/plans/delivery.server';
import { readPhoto } from '$lib/plans/uploads.server';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** An evidence photo, only for members of the workshop's organisation, only if it belongs to this task. */
export const GET: RequestHandler = async ({ locals, params }) => {
	await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.view');
	const found = await findTask(params.taskId);
	if (!found || found.workshopId !== params.workshopId) error(404, 'Not found');
	if (!(await listTaskNotes(found.task.id)).some((n) => n.photo === params.name)) error(404, 'Not found');
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
