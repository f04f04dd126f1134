import { error, fail, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballotGuard } from '$lib/voting/voting.schema';
import { listProposals } from '$lib/voting/proposals.server';
import { castBallot, findRound } from '$lib/voting/rounds.server';
import { choicesFromForm } from '$lib/voting/ballot-form';
import { participantAccess } from '$lib/workshops/access.server';
import { getRoomState } from '$lib/boards/boards.server';
import { outcomeRows } from '$lib/voting/outcome-rows';
import type { RoundResult } from '$lib/voting/count';
import type { Actions, PageServerLoad } from './$types';

const receiptCookie = (roundId: string) => `ballot_${roundId}`;

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:round');
	if (!locals.participant) redirect(303, '/join');
	const who = participantAccess(locals);
	const round = await findRound(who.workshopId, params.roundId);
	if (!round) error(404, 'Not found');
	const [voted] = await db
		.select()
		.from(ballotGuard)
		.where(and(eq(ballotGuard.roundId, round.id), eq(ballotGuard.participantId, who.participantId)));
	const proposals = (await listProposals(round.workshopId)).filter((p) => round.proposalIds.includes(p.id));
	return {
		round: {
			id: round.id,
			title: round.title,
			format: round.format,
			rule: round.rule,
			status: round.status,
			budget: round.budget.toString(),
			minSelections: round.minSelections,
			maxSelections: round.maxSelections,
			pointsPerVoter: round.pointsPerVoter,
			maxPointsPerProposal: round.maxPointsPerProposal,
			allowChange: round.allowChange
		},
		proposals: proposals.map((p) => ({ id: p.id, title: p.title, cost: p.cost.toString() })),
		// Only whether this person voted (the guard), never what: the choices stay on the phone.
		voted: Boolean(voted),
		// After reveal, every proposal with its outcome and why, for everyone in the room.
		outcomes:
			round.status === 'closed' && round.revealed && round.result
				? outcomeRows(round.result as unknown as RoundResult, proposals)
				: null,
		room: await getRoomState(round.workshopId)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, cookies, url }) => {
		const who = participantAccess(locals);
		const round = await findRound(who.workshopId, params.roundId);
		if (!round) return fail(404, { error: 'error_not_found' });
		const receipt = cookies.get(receiptCookie(round.id));
		const result = await castBallot(who, round.id, choicesFromForm(round.format, await request.formData()), receipt);
		if (!result.ok) return fail(400, { error: result.error });
		// The receipt lets this phone change its ballot (when allowed); the server keeps only its hash.
		cookies.set(receiptCookie(round.id), result.receipt, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 7
		});
		return { cast: true, changed: result.changed };
	}
};
