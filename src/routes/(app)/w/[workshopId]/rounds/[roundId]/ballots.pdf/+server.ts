import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { findRound } from '$lib/voting/rounds.server';
import { ballotsPdf } from '$lib/documents/ballots.server';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** How many ballots to print: 10 unless asked, at most 200 (100 pages). */
const countParam = z.coerce.number().int().min(1).max(200).catch(10);

/** Paper ballots and the tally sheet, for those who run the workshop. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
	const round = await findRound(workshop.id, params.roundId);
	if (!round) error(404, 'Not found');
	const pdf = await ballotsPdf(round, countParam.parse(url.searchParams.get('count') ?? undefined));
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="surat-suara.pdf"' }
	});
};
