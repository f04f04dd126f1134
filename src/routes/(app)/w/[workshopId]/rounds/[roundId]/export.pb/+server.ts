import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { roundAccess } from '$lib/voting/access.server';
import { exportPabulib } from '$lib/voting/rounds.server';
import type { RequestHandler } from './$types';

/** Open data: a closed round's anonymised ballots as a Pabulib file anyone can recount. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { workshop, round } = await roundAccess(
		await workshopAccess(locals, params.workshopId, 'workshop.view'),
		params.roundId
	);
	if (round.status !== 'closed') error(404, 'Not found');
	return new Response(await exportPabulib(round, workshop.title), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="round-${round.id}.pb"`
		}
	});
};
