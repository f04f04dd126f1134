/**
 * Counting a round: turns stored ballots into an election, runs the round's rule and
 * builds the frozen result with what the explanation needs. Pure (no database).
 */
import { Q } from './rational.ts';
import { approvalVote, bordaVote, scores, DEFAULT_TIE_ORDER, type Election, type Vote } from './rules.ts';
import type { Choices } from './ballots';
import { FORMAT_REGISTRY, type BallotFormat } from './formats.ts';
import { countOf, type RoundRule } from './registry.ts';
import { entryOf } from '../vocabulary.ts';
import { BREAKDOWN_RULE, groupBreakdown } from './breakdown.ts';

export type CountInput = {
	format: BallotFormat;
	rule: RoundRule;
	budget: bigint;
	topK: number | null;
	add1Step: bigint | null;
	lot: string[];
	proposals: { id: string; title: string; cost: bigint }[];
	/** Each ballot with the groups of whoever cast it, known only to the running app (none for paper). */
	ballots: { choices: Choices; groups: string[] }[];
	/** How ballots came in, counted from the guards (ballots themselves do not say). */
	channels: { phone: number; assisted: number; paper: number };
	/** False when the app restarted during voting: the groups of earlier ballots are gone. */
	groupsKnown: boolean;
	paperTotals: { proposalId: string; votes: number; ballots: number }[];
};

/** Where a closed round's count stands (it runs in a worker); shown to the facilitator. */
export type CountState =
	| { state: 'counting'; rule: RoundRule; step: number | null; startedAt: string }
	| { state: 'done'; rule: RoundRule; steps: number | null }
	| { state: 'failed'; rule: RoundRule; error: string };
/** Progress of a running count: the Add1 rerun (step k raises each share by k steps). */
export type CountProgress = { rule: RoundRule; step: number };

export function toVote(format: BallotFormat, choices: Choices): Vote {
	const { shape } = FORMAT_REGISTRY[format];
	if (shape === 'points')
		return new Map(Object.entries(choices as Record<string, number>).map(([id, p]) => [id, BigInt(p)]));
	if (shape === 'ranking') return bordaVote(choices as string[]);
	return approvalVote(choices as string[]);
}

/** The frozen result of a round; JSON-safe (money as strings). */
export type RoundResult = ReturnType<typeof countRound>;

export function countRound(input: CountInput, onProgress?: (p: CountProgress) => void) {
	// An unknown rule (or format) stops the count with an error; it is never counted as another one.
	const count = countOf(input.rule);
	const format = entryOf(FORMAT_REGISTRY, input.format);
	if (!format) throw new RangeError(`Unknown ballot format "${input.format}"`);
	const votes = input.ballots.map((b) => toVote(input.format, b.choices));
	// Paper totals add to the scores only (they carry no individual ballots); MES refuses them upstream.
	const totals = new Map(input.paperTotals.map((t) => [t.proposalId, BigInt(t.votes)]));
	const election: Election = {
		projects: input.proposals.map(({ id, cost }) => ({ id, cost })),
		budget: input.budget,
		votes: totals.size > 0 ? [...votes, totals] : votes,
		utility: format.utility
	};
	const tie = { order: DEFAULT_TIE_ORDER, lot: input.lot };
	const score = scores(election);
	const n = votes.length;
	const step =
		input.add1Step ?? (n > 0 ? (input.budget / BigInt(n) / 100n > 0n ? input.budget / BigInt(n) / 100n : 1n) : 1n);

	const outcome = count({
		election,
		tie,
		topK: input.topK,
		step: Q.of(step),
		onProgress: (p) => onProgress?.({ rule: input.rule, step: p.step })
	});
	const { selected, ties } = outcome;
	let mesDetail = null;
	// Rules with equal shares (MES) say what each share was and what supporters paid.
	if ('perVoter' in outcome) {
		mesDetail = {
			share: outcome.perVoter.floor().toString(),
			baseShare: n > 0 ? (input.budget / BigInt(n)).toString() : '0',
			step: step.toString(),
			iterations: outcome.iterations,
			completedBy: outcome.completedBy,
			rounds: outcome.rounds.map((r) => {
				const paid = [...r.payments.values()];
				return {
					proposalId: r.project,
					supporters: paid.length,
					// What each supporter paid, in whole Rupiah (rounded down for display).
					maxPayment: paid
						.reduce((a, b) => (a.cmp(b) >= 0 ? a : b), Q.ZERO)
						.floor()
						.toString(),
					total: paid
						.reduce((a, b) => a.add(b), Q.ZERO)
						.floor()
						.toString()
				};
			})
		};
	}

	const byId = new Map(input.proposals.map((p) => [p.id, p]));
	const channels = { ...input.channels, paperTotals: input.paperTotals.reduce((s, t) => Math.max(s, t.ballots), 0) };

	// Results by self-declared group: only what cannot be subtracted down to a person (breakdown.ts).
	const breakdown = input.groupsKnown
		? groupBreakdown(input.ballots.map((b, i) => ({ groups: b.groups, scores: votes[i] })))
		: { groups: [], hiddenGroups: 0 };

	return {
		rule: input.rule,
		format: input.format,
		budget: input.budget.toString(),
		tieOrder: [...DEFAULT_TIE_ORDER],
		lot: input.lot,
		ballots: n,
		channels,
		lotDecided: ties.some((t) => t.decidedBy === 'lot' && selected.includes(t.winner)),
		ties,
		scores: Object.fromEntries(input.proposals.map((p) => [p.id, Number(score.get(p.id) ?? 0n)])),
		winners: selected.map((id, rank) => ({
			id,
			rank: rank + 1,
			title: byId.get(id)!.title,
			cost: byId.get(id)!.cost.toString(),
			votes: Number(score.get(id) ?? 0n)
		})),
		totalCost: selected.reduce((s, id) => s + byId.get(id)!.cost, 0n).toString(),
		mes: mesDetail,
		groups: breakdown.groups,
		hiddenGroups: breakdown.hiddenGroups,
		groupsUnavailable: !input.groupsKnown,
		breakdownRule: BREAKDOWN_RULE
	};
}
