import { workshopAccess } from '$lib/workshops/access.server';
import { roundAccess } from '$lib/voting/access.server';
import { ballotCountParam } from '$lib/voting/forms';
import { ballotsPdf } from '$lib/documents/ballots.server';
import type { RequestHandler } from './$types';

/** Paper ballots and the tally sheet, for those who run the workshop. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { round } = await roundAccess(await workshopAccess(locals, params.workshopId, 'workshop.run'), params.roundId);
	const pdf = await ballotsPdf(round, ballotCountParam.parse(url.searchParams.get('count') ?? undefined));
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="surat-suara.pdf"' }
	});
};
