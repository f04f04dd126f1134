/**
 * Why each proposal of a closed round won or lost, in the words a berita acara needs.
 * A simple, honest reason: a proposal that no longer fits in what is left of the pagu
 * lost on money; any other loser did not gather enough support under the rule.
 * Pure, and in voting so that both the berita acara (documents) and the pages' outcome
 * rows (outcome-rows.ts) use it without voting importing documents.
 */
import type { RoundResult } from './count';
import { ruleOf } from './registry';

export type Outcome = 'won' | 'over-budget' | 'not-enough-support';
export type OutcomeRow = {
	id: string;
	title: string;
	cost: bigint;
	votes: number;
	rank: number | null;
	outcome: Outcome;
};

export function roundOutcomes(
	result: RoundResult,
	proposals: readonly { id: string; title: string; cost: bigint }[]
): OutcomeRow[] {
	const rank = new Map(result.winners.map((w) => [w.id, w.rank]));
	const left = BigInt(result.budget) - BigInt(result.totalCost);
	const { budgeted } = ruleOf(result.rule);
	const rows = proposals.map((p): OutcomeRow => {
		const r = rank.get(p.id) ?? null;
		const outcome: Outcome = r !== null ? 'won' : budgeted && p.cost > left ? 'over-budget' : 'not-enough-support';
		return { id: p.id, title: p.title, cost: p.cost, votes: result.scores[p.id] ?? 0, rank: r, outcome };
	});
	// Winners in their rank, then the others by votes (most first).
	return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.votes - a.votes);
}
