/**
 * Access to a round or a proposal, derived from a checked workshop access: the row must
 * belong to that workshop (404 otherwise, as for another organisation's workshop).
 *
 * Use cases that change a round take a `RoundAccess<P>` instead of a round id, so a call
 * that skipped the check does not type-check. Only this module builds these values.
 */
import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { proposal, votingRound } from './voting.schema';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';

declare const checked: unique symbol;

export type Round = typeof votingRound.$inferSelect;
export type Proposal = typeof proposal.$inferSelect;

/** Proof that the round is in a workshop where `userId` holds `P`; `round` is the row as checked. */
export type RoundAccess<P extends Permission = Permission> = WorkshopAccess<P> & {
	readonly round: Round;
	readonly [checked]: P;
};

/** Proof that the proposal is in a workshop where `userId` holds `P`. */
export type ProposalAccess<P extends Permission = Permission> = WorkshopAccess<P> & {
	readonly proposal: Proposal;
	readonly [checked]: P;
};

/** The round, when it is in the checked workshop (404 otherwise). */
export async function roundAccess<P extends Permission>(
	access: WorkshopAccess<P>,
	roundId: string
): Promise<RoundAccess<P>> {
	const [round] = await db
		.select()
		.from(votingRound)
		.where(and(eq(votingRound.id, roundId), eq(votingRound.workshopId, access.workshop.id)));
	if (!round) error(404, 'Not found');
	return { ...access, round } as RoundAccess<P>;
}

/** The proposal, when it is in the checked workshop (404 otherwise). */
export async function proposalAccess<P extends Permission>(
	access: WorkshopAccess<P>,
	proposalId: string
): Promise<ProposalAccess<P>> {
	const [found] = await db
		.select()
		.from(proposal)
		.where(and(eq(proposal.id, proposalId), eq(proposal.workshopId, access.workshop.id)));
	if (!found) error(404, 'Not found');
	return { ...access, proposal: found } as ProposalAccess<P>;
}
