import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { getAttendance, requireWorkshop } from '$lib/workshops/workshops.server';
import { listProposals } from '$lib/voting/proposals.server';
import { outcomeRows } from '$lib/voting/outcome-rows';
import type { RoundResult } from '$lib/voting/count';
import {
	castAssisted,
	closeRound,
	countVoters,
	enterPaperBallot,
	findRound,
	openRound,
	revealRound,
	setPaperTotals
} from '$lib/voting/rounds.server';
import { choicesFromForm } from '$lib/voting/ballot-form';
import { ensureCounted } from '$lib/voting/counting.server';
import { publicResult } from '$lib/voting/breakdown';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

async function requireRound(
	locals: App.Locals,
	workshopId: string,
	roundId: string,
	permission: 'workshop.view' | 'workshop.run'
) {
	const access = await requireWorkshop(requireUser(locals).id, workshopId, permission);
	const round = await findRound(access.workshop.id, roundId);
	if (!round) error(404, 'Not found');
	return { ...access, round };
}

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:round');
	const { workshop, role, round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.view');
	ensureCounted(round); // a closed round whose count was lost (a restart) is counted again
	const proposals = (await listProposals(workshop.id)).filter((p) => round.proposalIds.includes(p.id));
	const attendance = await getAttendance(workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		round: {
			...round,
			budget: round.budget.toString(),
			add1Step: round.add1Step?.toString() ?? null,
			result: round.result && publicResult(round.result as unknown as RoundResult)
		},
		proposals: proposals.map((p) => ({ id: p.id, title: p.title, cost: p.cost.toString() })),
		voters: await countVoters(round.id),
		// Every proposal with its outcome and why it lost, as phones see it after reveal.
		outcomes:
			round.status === 'closed' && round.result ? outcomeRows(round.result as unknown as RoundResult, proposals) : null,
		canRun: can(role, 'workshop.run'),
		assistedPeople: attendance.people.filter((p) => p.assisted).map((p) => ({ id: p.id, name: p.name }))
	};
};

const assistedForm = z.object({ participantId: z.string().min(1).max(64) });

export const actions: Actions = {
	open: async ({ locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const result = await openRound(round.id);
		return result.ok ? { done: 'opened' } : fail(400, { errors: fieldError('form', result.error) });
	},
	close: async ({ locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const result = await closeRound(round.id);
		return result.ok ? { done: 'closed' } : fail(400, { errors: fieldError('form', result.error) });
	},
	reveal: async ({ locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const result = await revealRound(round.id);
		return result.ok ? { done: 'revealed' } : fail(400, { errors: fieldError('form', result.error) });
	},
	/** A ballot for someone present without a phone (an assisted participant). */
	assisted: async ({ request, locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const data = await request.formData();
		const who = parseForm(assistedForm, data);
		if (!who.ok) return fail(400, { ballotError: 'error_pick_person' });
		const result = await castAssisted(round.id, who.data.participantId, choicesFromForm(round.format, data));
		return result.ok ? { done: 'assisted' } : fail(400, { ballotError: result.error });
	},
	paper: async ({ request, locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const result = await enterPaperBallot(round.id, choicesFromForm(round.format, await request.formData()));
		return result.ok ? { done: 'paper' } : fail(400, { ballotError: result.error });
	},
	totals: async ({ request, locals, params }) => {
		const { round } = await requireRound(locals, params.workshopId, params.roundId, 'workshop.run');
		const data = await request.formData();
		const ballots = Number(data.get('ballots'));
		const totals = round.proposalIds.map((id) => ({ proposalId: id, votes: Number(data.get(`total_${id}`) || 0) }));
		if (!Number.isInteger(ballots) || ballots < 0 || totals.some((t) => !Number.isInteger(t.votes) || t.votes < 0))
			return fail(400, { ballotError: 'error_number' });
		const result = await setPaperTotals(round.id, totals, ballots);
		return result.ok ? { done: 'totals' } : fail(400, { ballotError: result.error });
	}
};
