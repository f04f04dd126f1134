/**
 * Casting secret ballots: phone, assisted and paper. The guard (who voted) is written at
 * once; the ballot waits in memory and is written later with others, in a random order
 * (ballot-pool.server.ts explains why and what each kind of reader can learn).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, ballotGuard, proposal, votingRound } from './voting.schema';
import { participant } from '$lib/workshops/workshops.schema';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import type { JoinedAccess } from '$lib/workshops/access.server';
import type { RoundAccess } from './access.server';
import { checkBallot, type Choices } from './ballots';
import { inRoundOrder, isClosedHere, peekPool, poolOf, writeWhenFull } from './ballot-pool.server';
import { announcedBallot } from '$lib/live/announce.server';

type Round = typeof votingRound.$inferSelect;
export type CastOutcome = { ok: true; receipt: string; changed: boolean } | { ok: false; error: string };
type Voter =
	| { participantId: string; groups: string[]; channel: 'phone' | 'assisted' }
	| { participantId: null; groups: []; channel: 'paper' };

/**
 * A participant's ballot from their phone. Outcomes: ok with a receipt (the only way to
 * change the ballot later, when the round allows it), or 'error_round_closed',
 * 'error_not_found' (another workshop), 'error_already_voted', or a ballot error.
 */
export async function castBallot(
	access: JoinedAccess,
	roundId: string,
	choices: unknown,
	receipt?: string
): Promise<CastOutcome> {
	const who = access.participant;
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.workshopId !== access.workshopId) return { ok: false, error: 'error_not_found' };
	return cast(round, { participantId: who.id, groups: who.groups, channel: 'phone' }, choices, receipt);
}

/**
 * The facilitator enters a ballot for someone present without a device: only for a
 * person recorded as assisted in this workshop's attendance. Someone who joined with a
 * phone votes on it ('secret_error_not_assisted'), so nobody can vote in their place.
 */
export async function castAssisted(
	access: RoundAccess<'workshop.run'>,
	participantId: string,
	choices: unknown
): Promise<CastOutcome> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, access.round.id));
	if (!round) return { ok: false, error: 'error_not_found' };
	const [person] = await db
		.select()
		.from(participant)
		.where(and(eq(participant.id, participantId), eq(participant.workshopId, round.workshopId)));
	if (!person) return { ok: false, error: 'error_not_found' };
	if (!person.assisted) return { ok: false, error: 'secret_error_not_assisted' };
	return cast(round, { participantId: person.id, groups: person.groups, channel: 'assisted' }, choices);
}

/** A paper ballot keyed in by the facilitator (no guard: the paper is the guard). */
export async function enterPaperBallot(access: RoundAccess<'workshop.run'>, choices: unknown): Promise<CastOutcome> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, access.round.id));
	if (!round) return { ok: false, error: 'error_not_found' };
	return cast(round, { participantId: null, groups: [], channel: 'paper' }, choices);
}

async function cast(round: Round, voter: Voter, choices: unknown, receipt?: string): Promise<CastOutcome> {
	if (round.status !== 'open') return { ok: false, error: 'error_round_closed' };
	const costs = new Map(
		(
			await db
				.select({ id: proposal.id, cost: proposal.cost })
				.from(proposal)
				.where(inArray(proposal.id, round.proposalIds))
		).map((r) => [r.id, r.cost])
	);
	const checked = checkBallot(round, costs, choices);
	if (!checked.ok) return checked;
	const newReceipt = generateToken();
	const newHash = hashToken(newReceipt);
	return inRoundOrder(round.id, async (pool): Promise<CastOutcome> => {
		// Closing may have run while this cast waited its turn.
		if (isClosedHere(round.id)) return { ok: false, error: 'error_round_closed' };
		if (voter.participantId) {
			// The guard goes alone, in its own transaction; its ballot is written later with others.
			const guard = await db
				.insert(ballotGuard)
				.values({ roundId: round.id, participantId: voter.participantId, channel: voter.channel, state: 'pending' })
				.onConflictDoNothing()
				.returning();
			if (guard.length === 0) {
				if (!round.allowChange || !receipt) return { ok: false, error: 'error_already_voted' };
				return (await change(round.id, hashToken(receipt), checked.choices, newHash))
					? { ok: true, receipt: newReceipt, changed: true }
					: { ok: false, error: 'error_already_voted' };
			}
			pool.voters.add(voter.participantId);
		}
		pool.waiting.push({ choices: checked.choices, receiptHash: newHash, replaces: null });
		pool.groupsByReceipt.set(newHash, voter.groups);
		await writeWhenFull(round.id, pool);
		return { ok: true, receipt: newReceipt, changed: false };
	}).then(announcedBallot(round.id)); // pages following the count hear of it
}

/** Replaces the ballot holding `oldHash` (waiting or written). False when there is none. */
async function change(roundId: string, oldHash: string, choices: Choices, newHash: string): Promise<boolean> {
	const pool = poolOf(roundId);
	const groups = pool.groupsByReceipt.get(oldHash);
	const rekey = () => {
		pool.groupsByReceipt.delete(oldHash);
		if (groups) pool.groupsByReceipt.set(newHash, groups);
	};
	const waiting = pool.waiting.find((w) => w.receiptHash === oldHash);
	if (waiting) {
		Object.assign(waiting, { choices, receiptHash: newHash });
		rekey();
		return true;
	}
	if (pool.waiting.some((w) => w.replaces === oldHash)) return false;
	const [stored] = await db
		.select({ id: ballot.id })
		.from(ballot)
		.where(and(eq(ballot.roundId, roundId), eq(ballot.receiptHash, oldHash)));
	if (!stored) return false;
	// The written ballot stays until the next batch replaces it, hidden among the others.
	pool.waiting.push({ choices, receiptHash: newHash, replaces: oldHash });
	rekey();
	await writeWhenFull(roundId, pool);
	return true;
}

/** How many have voted (what the projector shows while voting is open; no partial results). */
export async function countVoters(roundId: string): Promise<number> {
	const waitingPaper = countWaitingPaper(roundId);
	const result = await db.execute(sql`select
		(select count(*) from ${ballotGuard} where ${ballotGuard.roundId} = ${roundId})::int as guards,
		(select count(*) from ${ballotGuard} where ${ballotGuard.roundId} = ${roundId} and ${ballotGuard.state} = 'cast')::int as written_guards,
		(select count(*) from ${ballot} where ${ballot.roundId} = ${roundId})::int as ballots`);
	const [row] = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
		guards: number;
		written_guards: number;
		ballots: number;
	}[];
	// Written ballots beyond the written guards are paper.
	return Number(row.guards) + Number(row.ballots) - Number(row.written_guards) + waitingPaper;
}

/** Paper ballots still waiting: waiting entries that are neither a guarded cast nor a change. */
function countWaitingPaper(roundId: string): number {
	const pool = peekPool(roundId);
	if (!pool) return 0;
	return pool.waiting.filter((w) => w.replaces === null).length - pool.voters.size;
}
