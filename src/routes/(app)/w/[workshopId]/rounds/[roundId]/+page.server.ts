import { fail } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { getAttendance } from '$lib/workshops/workshops.server';
import { listProposals } from '$lib/voting/proposals.server';
import { outcomeRows } from '$lib/voting/outcome-rows';
import type { RoundResult } from '$lib/voting/count';
import {
	castAssisted,
	countVoters,
	enterPaperBallot,
	openRound,
	revealRound,
	setPaperTotals
} from '$lib/voting/rounds.server';
import { roundAccess } from '$lib/voting/access.server';
import { choicesFromForm } from '$lib/voting/ballot-form';
import { closeRoundIntoPlan, ensureCountedIntoPlan } from '$lib/plans/round-winners.server';
import { publicResult } from '$lib/voting/breakdown';
import { assistedBallotForm } from '$lib/voting/forms';
import { answer, parseForm } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The round for those who run its workshop (404 when it is not in this workshop). */
const running = async ({ locals, params }: RequestEvent) =>
	roundAccess(await workshopAccess(locals, params.workshopId, 'workshop.run'), params.roundId);

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:round');
	const access = await roundAccess(await workshopAccess(locals, params.workshopId, 'workshop.view'), params.roundId);
	const { workshop, round } = access;
	ensureCountedIntoPlan(round); // a closed round whose count was lost (a restart) is counted again
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
		canRun: allows(access, 'workshop.run'),
		assistedPeople: attendance.people.filter((p) => p.assisted).map((p) => ({ id: p.id, name: p.name }))
	};
};

export const actions: Actions = {
	open: async (event) => answer(await openRound(await running(event)), 'opened'),
	close: async (event) => answer(await closeRoundIntoPlan(await running(event)), 'closed'),
	reveal: async (event) => answer(await revealRound(await running(event)), 'revealed'),
	/** A ballot for someone present without a phone (an assisted participant). */
	assisted: async (event) => {
		const access = await running(event);
		const data = await event.request.formData();
		const who = parseForm(assistedBallotForm, data);
		if (!who.ok) return fail(400, { ballotError: 'error_pick_person' });
		const result = await castAssisted(access, who.data.participantId, choicesFromForm(access.round.format, data));
		return result.ok ? { done: 'assisted' } : fail(400, { ballotError: result.error });
	},
	paper: async (event) => {
		const access = await running(event);
		const choices = choicesFromForm(access.round.format, await event.request.formData());
		const result = await enterPaperBallot(access, choices);
		return result.ok ? { done: 'paper' } : fail(400, { ballotError: result.error });
	},
	totals: async (event) => {
		const access = await running(event);
		const data = await event.request.formData();
		const ballots = Number(data.get('ballots'));
		const totals = access.round.proposalIds.map((id) => ({
			proposalId: id,
			votes: Number(data.get(`total_${id}`) || 0)
		}));
		if (!Number.isInteger(ballots) || ballots < 0 || totals.some((t) => !Number.isInteger(t.votes) || t.votes < 0))
			return fail(400, { ballotError: 'error_number' });
		const result = await setPaperTotals(access, totals, ballots);
		return result.ok ? { done: 'totals' } : fail(400, { ballotError: result.error });
	}
};
