/**
 * A closed round's winners, ranked, become plan items. Voting sits below plans, so voting
 * does not call this: it takes an `AfterCount` step and runs it in the transaction that
 * freezes the result, and the functions here pass this one. The result and the plan items
 * are stored together or not at all. Everything in the app that closes or counts a round
 * goes through these functions, so no count forgets the plan.
 */
import { eq, inArray } from 'drizzle-orm';
import { generateId } from '$lib/server/auth/tokens';
import { proposal } from '$lib/voting/voting.schema';
import { closeRound } from '$lib/voting/rounds.server';
import { countClosedRound, ensureCounted, type AfterCount, type BallotGroups } from '$lib/voting/counting.server';
import type { RoundAccess } from '$lib/voting/access.server';
import { planItem } from './plans.schema';
import { ensurePlan } from './plans.server';
import { proposalLocation } from './rules';

/** Puts the winners into the workshop's plan, inside the transaction that stored the result. */
export const putWinnersIntoPlan: AfterCount = async (tx, round, result) => {
	if (result.winners.length === 0) return;
	// A recount of the same round never adds its winners to the plan twice.
	const [already] = await tx
		.select({ id: planItem.id })
		.from(planItem)
		.where(eq(planItem.originRoundId, round.id))
		.limit(1);
	if (already) return;
	const planId = await ensurePlan(tx, round.workshopId);
	const proposals = await tx
		.select()
		.from(proposal)
		.where(
			inArray(
				proposal.id,
				result.winners.map((w) => w.id)
			)
		);
	const byId = new Map(proposals.map((p) => [p.id, p]));
	await tx.insert(planItem).values(
		result.winners.map((w) => {
			const p = byId.get(w.id)!;
			return {
				id: generateId(),
				planId,
				title: p.title,
				description: p.problem,
				function: p.function,
				cost: p.cost,
				targetGroups: p.targetGroups,
				location: proposalLocation(p),
				priorityRank: w.rank,
				originKind: 'vote' as const,
				originRoundId: round.id,
				originProposalId: p.id,
				votes: w.votes
			};
		})
	);
};

/**
 * Closes voting (voting's `closeRound`): `counted` settles when the result is frozen and
 * the winners, ranked, are in the workshop's plan.
 */
export function closeRoundIntoPlan(access: RoundAccess<'workshop.run'>) {
	return closeRound(access, putWinnersIntoPlan);
}

/** Counts a closed round (voting's `countClosedRound`) and puts its winners into the plan. */
export function countRoundIntoPlan(roundId: string, groups: BallotGroups | null = null) {
	return countClosedRound(roundId, groups, putWinnersIntoPlan);
}

/** For a page load: a closed round whose count was lost is counted again, into the plan. */
export function ensureCountedIntoPlan(round: { id: string; status: string; result: unknown }) {
	return ensureCounted(round, putWinnersIntoPlan);
}
