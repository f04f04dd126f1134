import { workshopAccess } from '$lib/workshops/access.server';
import { exportForum } from '$lib/transfer/forum.server';
import type { RequestHandler } from './$types';

/**
 * The whole forum as one file, to bring a venue laptop's workshop home (see
 * $lib/transfer). It holds attendance and everything said: for those who edit the workshop.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.edit');
	const file = await exportForum(workshop.id);
	return new Response(JSON.stringify(file), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="forum-${workshop.id}.json"`
		}
	});
};
