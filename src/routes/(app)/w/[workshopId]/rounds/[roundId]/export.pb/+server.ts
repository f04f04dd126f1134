import { error } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { exportPabulib, findRound } from '$lib/voting/rounds.server';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** Open data: a closed round's anonymised ballots as a Pabulib file anyone can recount. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.view');
	const round = await findRound(workshop.id, params.roundId);
	if (!round || round.status !== 'closed') error(404, 'Not found');
	return new Response(await exportPabulib(round, workshop.title), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="round-${round.id}.pb"`
		}
	});
};
