/**
 * Use cases for voting rounds. Outcomes are documented per function; ballots are
 * secret: they go through these checks into SQL, never into a board document.
 */
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, ballotGuard, paperTotal, participant, proposal, votingRound } from '$lib/server/db/schema';
import { generateId, generateToken, hashToken, randomBytes } from '$lib/server/auth/tokens';
import type { SessionParticipant } from '$lib/server/auth/session';
import { checkBallot, type Channel } from './ballots';
import type { RoundResult } from './count';
import { countClosedRound } from './counting.server';
import { formatMoney, writePabulib, type VoteType } from './pabulib';
import type { RoundInput } from './forms';
import { announceRound, announcedBallot, announcedRound } from '$lib/live/announce.server';

export type Round = typeof votingRound.$inferSelect;

export async function listRounds(workshopId: string) {
	return db.select().from(votingRound).where(eq(votingRound.workshopId, workshopId)).orderBy(asc(votingRound.createdAt));
}

export async function findRound(workshopId: string, roundId: string) {
	const [found] = await db.select().from(votingRound).where(and(eq(votingRound.id, roundId), eq(votingRound.workshopId, workshopId)));
	return found ?? null;
}

/** Creates a round over active proposals of this workshop. Outcome: id or 'error_round_proposals'. */
export async function createRound(workshopId: string, input: RoundInput) {
	const found = await db.select({ id: proposal.id }).from(proposal).where(and(eq(proposal.workshopId, workshopId), inArray(proposal.id, input.proposalIds), eq(proposal.status, 'active')));
	if (found.length !== new Set(input.proposalIds).size) return { ok: false as const, error: 'error_round_proposals' };
	const id = generateId();
	await db.insert(votingRound).values({ id, workshopId, ...input, add1Step: input.add1Step ?? null, proposalIds: [...new Set(input.proposalIds)] });
	return { ok: true as const, id };
}

/** Opens voting and draws the lot now, before any ballot exists (recorded with the round). */
export async function openRound(roundId: string) {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.status !== 'draft') return { ok: false as const, error: 'error_round_state' };
	const lot = [...round.proposalIds];
	for (let i = lot.length - 1; i > 0; i--) {
		const [r] = new Uint32Array(randomBytes(4).buffer);
		const j = r % (i + 1);
		[lot[i], lot[j]] = [lot[j], lot[i]];
	}
	await db.update(votingRound).set({ status: 'open', lot }).where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'draft')));
	announceRound(roundId, round.workshopId);
	return { ok: true as const };
}

async function roundCosts(round: Round) {
	const rows = await db.select({ id: proposal.id, cost: proposal.cost }).from(proposal).where(inArray(proposal.id, round.proposalIds));
	return new Map(rows.map((r) => [r.id, r.cost]));
}

type CastOutcome = { ok: true; receipt: string; changed: boolean } | { ok: false; error: string };

/**
 * A participant's ballot from their phone. Outcomes: ok with a receipt (the only way to
 * change the ballot later, when the round allows it), or 'error_round_closed',
 * 'error_not_found' (another workshop), 'error_already_voted', or a ballot error.
 */
export async function castBallot(who: SessionParticipant, roundId: string, choices: unknown, receipt?: string): Promise<CastOutcome> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.workshopId !== who.workshopId) return { ok: false, error: 'error_not_found' };
	return cast(round, { participantId: who.id, groups: who.groups, channel: 'phone' }, choices, receipt);
}

/**
 * The facilitator enters a ballot for someone present without a device (an assisted
 * participant of this workshop): marked assisted, one per person like any other.
 */
export async function castAssisted(roundId: string, participantId: string, choices: unknown): Promise<CastOutcome> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round) return { ok: false, error: 'error_not_found' };
	const [person] = await db.select().from(participant).where(and(eq(participant.id, participantId), eq(participant.workshopId, round.workshopId)));
	if (!person) return { ok: false, error: 'error_not_found' };
	return cast(round, { participantId: person.id, groups: person.groups, channel: 'assisted' }, choices);
}

/** A paper ballot keyed in by the facilitator (marked paper; no guard: the paper is the guard). */
export async function enterPaperBallot(roundId: string, choices: unknown): Promise<CastOutcome> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round) return { ok: false, error: 'error_not_found' };
	return cast(round, { participantId: null, groups: [], channel: 'paper' }, choices);
}

async function cast(round: Round, voter: { participantId: string | null; groups: string[]; channel: Channel }, choices: unknown, receipt?: string): Promise<CastOutcome> {
	if (round.status !== 'open') return { ok: false, error: 'error_round_closed' };
	const checked = checkBallot(round, await roundCosts(round), choices);
	if (!checked.ok) return checked;
	const newReceipt = generateToken();
	const row = { id: generateId(), roundId: round.id, channel: voter.channel, choices: checked.choices, groups: voter.groups, receiptHash: hashToken(newReceipt) };
	return db.transaction(async (tx): Promise<CastOutcome> => {
		if (voter.participantId) {
			const guard = await tx.insert(ballotGuard).values({ roundId: round.id, participantId: voter.participantId }).onConflictDoNothing().returning();
			if (guard.length === 0) {
				// Already voted: replace the ballot only when allowed and the receipt matches.
				if (!round.allowChange || !receipt) return { ok: false, error: 'error_already_voted' };
				const replaced = await tx
					.update(ballot)
					.set({ choices: checked.choices, receiptHash: row.receiptHash })
					.where(and(eq(ballot.roundId, round.id), eq(ballot.receiptHash, hashToken(receipt))))
					.returning({ id: ballot.id });
				return replaced.length ? { ok: true, receipt: newReceipt, changed: true } : { ok: false, error: 'error_already_voted' };
			}
		}
		await tx.insert(ballot).values(row);
		return { ok: true, receipt: newReceipt, changed: false };
	}).then(announcedBallot(round.id));
}

/** Paper ballots entered as totals per proposal (greedy and top-k only: MES needs each ballot). */
export async function setPaperTotals(roundId: string, totals: { proposalId: string; votes: number }[], ballots: number) {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.status !== 'open') return { ok: false as const, error: 'error_round_closed' };
	if (round.rule === 'mes') return { ok: false as const, error: 'error_totals_mes' };
	if (totals.some((t) => !round.proposalIds.includes(t.proposalId) || t.votes < 0)) return { ok: false as const, error: 'error_invalid' };
	await db.transaction(async (tx) => {
		await tx.delete(paperTotal).where(eq(paperTotal.roundId, roundId));
		const rows = totals.filter((t) => t.votes > 0).map((t) => ({ roundId, proposalId: t.proposalId, votes: t.votes, ballots }));
		if (rows.length) await tx.insert(paperTotal).values(rows);
	});
	return { ok: true as const };
}

/** How many have voted (what the projector shows while voting is open; no partial results). */
export async function countVoters(roundId: string) {
	const [row] = await db.select({ n: count() }).from(ballot).where(eq(ballot.roundId, roundId));
	return Number(row?.n ?? 0);
}

/**
 * Closes voting and starts the count in a worker (counting.server.ts): the request returns
 * at once. `counted` settles when the result (rule, parameters, tie-break order, counts,
 * winners) is frozen and the winners, ranked, are in the workshop's plan. Runs once.
 */
export async function closeRound(roundId: string): Promise<{ ok: true; counted: Promise<RoundResult> } | { ok: false; error: string }> {
	const [round] = await db
		.update(votingRound)
		.set({ status: 'closed', closedAt: new Date() })
		.where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'open')))
		.returning({ id: votingRound.id, workshopId: votingRound.workshopId });
	if (!round) return { ok: false as const, error: 'error_round_state' };
	announceRound(roundId, round.workshopId);
	const counted = countClosedRound(round.id);
	counted.catch(() => {}); // a failure is recorded in the round (count_state) for the page
	return { ok: true as const, counted };
}

export async function revealRound(roundId: string) {
	// Nothing to reveal while the count is still running.
	const rows = await db.update(votingRound).set({ revealed: true }).where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'closed'), isNotNull(votingRound.result))).returning({ id: votingRound.id });
	return rows.length ? { ok: true as const } : { ok: false as const, error: 'error_round_state' };
}

/** A closed round's anonymised ballots as a Pabulib file (fresh voter ids, no demographics). */
export async function exportPabulib(round: Round, workshopTitle: string): Promise<string> {
	const proposals = await db.select().from(proposal).where(inArray(proposal.id, round.proposalIds));
	const ballots = await db.select({ choices: ballot.choices }).from(ballot).where(eq(ballot.roundId, round.id)).orderBy(asc(ballot.id));
	const result = round.result as RoundResult | null;
	const voteType: VoteType = round.format === 'cumulative' ? 'cumulative' : round.format === 'ranked' ? 'ordinal' : 'approval';
	const selected = new Set(result?.winners.map((w) => w.id) ?? []);
	return writePabulib({
		meta: {
			description: `${workshopTitle}: ${round.title}`,
			country: 'Indonesia',
			unit: workshopTitle,
			budget: formatMoney(round.budget, 1n),
			currency: 'IDR',
			rule: round.rule === 'mes' ? 'equalshares/add1' : round.rule,
			...(round.format === 'knapsack' ? { max_sum_cost: round.budget.toString() } : {}),
			...(round.minSelections ? { min_length: String(round.minSelections) } : {}),
			...(round.maxSelections ? { max_length: String(round.maxSelections) } : {}),
			...(round.pointsPerVoter ? { max_sum_points: String(round.pointsPerVoter) } : {}),
			...(round.maxPointsPerProposal ? { max_points: String(round.maxPointsPerProposal) } : {}),
			tie_break: (result?.tieOrder ?? ['cost', 'votes', 'lot']).join(','),
			tie_break_lot: (round.lot ?? round.proposalIds).join(','),
			...(result?.mes ? { add1_step: result.mes.step } : {})
		},
		projects: proposals.map((p) => ({ id: p.id, cost: p.cost, name: p.title, votes: BigInt(result?.scores[p.id] ?? 0), selected: selected.has(p.id) })),
		ballots: ballots.map((b) =>
			Array.isArray(b.choices) ? { ids: b.choices } : { ids: Object.keys(b.choices), points: Object.values(b.choices) }
		),
		voteType
	});
}
