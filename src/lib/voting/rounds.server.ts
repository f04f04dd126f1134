/**
 * Use cases for voting rounds. Outcomes are documented per function; ballots are
 * secret: they go through these checks into SQL, never into a board document.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, paperTotal, proposal, votingRound } from './voting.schema';
import { generateId, randomBytes } from '$lib/server/auth/tokens';
import {
	beforeClosingRound,
	dropPool,
	errorCode,
	forgetWritten,
	inRoundOrder,
	poolOf,
	rewriteBallots
} from './ballot-pool.server';
import type { RoundResult } from './count';
import { countClosedRound, type AfterCount, type BallotGroups } from './counting.server';
import { formatMoney, writePabulib, type VoteType } from './pabulib';
import { FORMAT_REGISTRY } from './formats';
import { ruleOf } from './registry';
import type { RoundInput } from './forms';
import { announceRound } from '$lib/live/announce.server';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { RoundAccess } from './access.server';

export type Round = typeof votingRound.$inferSelect;
type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export async function listRounds(workshopId: string) {
	return db
		.select()
		.from(votingRound)
		.where(eq(votingRound.workshopId, workshopId))
		.orderBy(asc(votingRound.createdAt));
}

export async function findRound(workshopId: string, roundId: string) {
	const [found] = await db
		.select()
		.from(votingRound)
		.where(and(eq(votingRound.id, roundId), eq(votingRound.workshopId, workshopId)));
	return found ?? null;
}

/** Creates a round over active proposals of this workshop. Outcome: id or 'error_round_proposals'. */
export async function createRound(access: WorkshopAccess<'workshop.run'>, input: RoundInput) {
	const workshopId = access.workshop.id;
	const found = await db
		.select({ id: proposal.id })
		.from(proposal)
		.where(
			and(eq(proposal.workshopId, workshopId), inArray(proposal.id, input.proposalIds), eq(proposal.status, 'active'))
		);
	if (found.length !== new Set(input.proposalIds).size) return { ok: false as const, error: 'error_round_proposals' };
	const id = generateId();
	await db.insert(votingRound).values({
		id,
		workshopId,
		...input,
		add1Step: input.add1Step ?? null,
		proposalIds: [...new Set(input.proposalIds)]
	});
	return { ok: true as const, id };
}

/** Opens voting and draws the lot now, before any ballot exists (recorded with the round). */
export async function openRound(access: RoundAccess<'workshop.run'>) {
	const roundId = access.round.id;
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.status !== 'draft') return { ok: false as const, error: 'error_round_state' };
	const lot = [...round.proposalIds];
	for (let i = lot.length - 1; i > 0; i--) {
		const [r] = new Uint32Array(randomBytes(4).buffer);
		const j = r % (i + 1);
		[lot[i], lot[j]] = [lot[j], lot[i]];
	}
	await db
		.update(votingRound)
		.set({ status: 'open', lot })
		.where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'draft')));
	announceRound(roundId, round.workshopId);
	return { ok: true as const };
}

export { castAssisted, castBallot, countVoters, enterPaperBallot, type CastOutcome } from './ballot-box.server';

/** Paper ballots entered as totals per proposal (greedy and top-k only: MES needs each ballot). */
export async function setPaperTotals(
	access: RoundAccess<'workshop.run'>,
	totals: { proposalId: string; votes: number }[],
	ballots: number
) {
	const roundId = access.round.id;
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.status !== 'open') return { ok: false as const, error: 'error_round_closed' };
	if (!ruleOf(round.rule).paperTotals) return { ok: false as const, error: 'error_totals_mes' };
	if (totals.some((t) => !round.proposalIds.includes(t.proposalId) || t.votes < 0))
		return { ok: false as const, error: 'error_invalid' };
	await db.transaction(async (tx) => {
		await tx.delete(paperTotal).where(eq(paperTotal.roundId, roundId));
		const rows = totals
			.filter((t) => t.votes > 0)
			.map((t) => ({ roundId, proposalId: t.proposalId, votes: t.votes, ballots }));
		if (rows.length) await tx.insert(paperTotal).values(rows);
	});
	return { ok: true as const };
}

/**
 * Closes voting and starts the count in a worker (counting.server.ts): the request returns
 * at once. `counted` settles when the result (rule, parameters, tie-break order, counts,
 * winners) is frozen and `after` has run with it, in the same transaction. Runs once.
 * The app closes rounds through plans' `closeRoundIntoPlan`, whose `after` puts the
 * winners, ranked, into the workshop's plan.
 */
export async function closeRound(
	access: RoundAccess<'workshop.run'>,
	after: AfterCount
): Promise<{ ok: true; counted: Promise<RoundResult> } | { ok: false; error: string }> {
	const roundId = access.round.id;
	// After every cast already waiting its turn; the waiting ballots are written with the rest.
	// Other nodes' waiting ballots first (cluster mode; nothing to do with one process).
	await beforeClosingRound(roundId);
	const closed = await inRoundOrder(roundId, async (pool) => {
		const written = { waiting: pool.waiting.length, voters: [...pool.voters] };
		// A failed query's text would carry every ballot (its parameters): pass on only the code.
		const outcome = await db
			.transaction((tx) => closeIn(tx, roundId, pool))
			.catch((e) => {
				throw new Error(`closing round failed: ${errorCode(e)}`);
			});
		if (outcome.ok) forgetWritten(pool, written);
		return outcome;
	});
	if (!closed.ok) return closed;
	dropPool(roundId);
	announceRound(roundId, closed.workshopId);
	const counted = countClosedRound(roundId, closed.groups, after);
	counted.catch(() => {}); // a failure is recorded in the round (count_state) for the page
	return { ok: true as const, counted };
}

/**
 * Closes the round and rewrites every ballot and guard in one transaction (ballots in random
 * order). The groups each ballot was cast with exist only in this process's memory: they go
 * to the count and are never stored (null when the app restarted during voting).
 */
async function closeIn(tx: Tx, roundId: string, pool: ReturnType<typeof poolOf>) {
	const [round] = await tx
		.update(votingRound)
		.set({ status: 'closed', closedAt: new Date() })
		.where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'open')))
		.returning({ id: votingRound.id, workshopId: votingRound.workshopId });
	if (!round) return { ok: false as const, error: 'error_round_state' };
	const rows = await rewriteBallots(tx, roundId, pool, { everyGuard: true, read: true });
	const groupsKnown = rows.every((b) => b.receiptHash !== null && pool.groupsByReceipt.has(b.receiptHash));
	const groups: BallotGroups | null = groupsKnown
		? new Map(rows.map((b) => [b.id, pool.groupsByReceipt.get(b.receiptHash!) ?? []]))
		: null;
	return { ok: true as const, workshopId: round.workshopId, groups };
}

export async function revealRound(access: RoundAccess<'workshop.run'>) {
	const roundId = access.round.id;
	// Nothing to reveal while the count is still running.
	const rows = await db
		.update(votingRound)
		.set({ revealed: true })
		.where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'closed'), isNotNull(votingRound.result)))
		.returning({ id: votingRound.id, workshopId: votingRound.workshopId });
	if (!rows.length) return { ok: false as const, error: 'error_round_state' };
	announceRound(roundId, rows[0].workshopId); // projector and phones show the results
	return { ok: true as const };
}

/** A closed round's anonymised ballots as a Pabulib file (fresh voter ids, no demographics). */
export async function exportPabulib(round: Round, workshopTitle: string): Promise<string> {
	const proposals = await db.select().from(proposal).where(inArray(proposal.id, round.proposalIds));
	const ballots = await db
		.select({ choices: ballot.choices })
		.from(ballot)
		.where(eq(ballot.roundId, round.id))
		.orderBy(asc(ballot.id));
	const result = round.result as RoundResult | null;
	const format = FORMAT_REGISTRY[round.format];
	const voteType: VoteType = format.pabulib;
	const selected = new Set(result?.winners.map((w) => w.id) ?? []);
	return writePabulib({
		meta: {
			description: `${workshopTitle}: ${round.title}`,
			country: 'Indonesia',
			unit: workshopTitle,
			budget: formatMoney(round.budget, 1n),
			currency: 'IDR',
			rule: ruleOf(round.rule).pabulib,
			...(format.withinBudget ? { max_sum_cost: round.budget.toString() } : {}),
			...(round.minSelections ? { min_length: String(round.minSelections) } : {}),
			...(round.maxSelections ? { max_length: String(round.maxSelections) } : {}),
			...(round.pointsPerVoter ? { max_sum_points: String(round.pointsPerVoter) } : {}),
			...(round.maxPointsPerProposal ? { max_points: String(round.maxPointsPerProposal) } : {}),
			tie_break: (result?.tieOrder ?? ['cost', 'votes', 'lot']).join(','),
			tie_break_lot: (round.lot ?? round.proposalIds).join(','),
			...(result?.mes ? { add1_step: result.mes.step } : {})
		},
		projects: proposals.map((p) => ({
			id: p.id,
			cost: p.cost,
			name: p.title,
			votes: BigInt(result?.scores[p.id] ?? 0),
			selected: selected.has(p.id)
		})),
		ballots: ballots.map((b) =>
			Array.isArray(b.choices) ? { ids: b.choices } : { ids: Object.keys(b.choices), points: Object.values(b.choices) }
		),
		voteType
	});
}
