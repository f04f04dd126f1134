/**
 * A revealed round's outcome rows for pages (phones, projector): every proposal of the
 * round with votes, cost and why it won or lost (reasons from outcomes.ts),
 * as plain JSON (costs as strings). Nothing about any voter.
 */
import { roundOutcomes } from './outcomes';
import type { RoundResult } from './count';
import { RULE_REGISTRY, type RoundRule } from './registry';

export function outcomeRows(
	result: RoundResult,
	proposals: readonly { id: string; title: string; cost: bigint | string }[]
) {
	const rows = roundOutcomes(
		result,
		proposals.map((p) => ({ id: p.id, title: p.title, cost: BigInt(p.cost) }))
	);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		cost: r.cost.toString(),
		votes: r.votes,
		rank: r.rank,
		outcome: r.outcome as string
	}));
}

export type Reason = 'won' | 'over-budget' | 'mes-share' | 'less-support';

/**
 * The reason shown for a row: under the Method of Equal Shares a supported loser that
 * still fitted the pagu lost because its supporters' equal shares ran out; one without
 * a single vote simply had less support.
 */
export function reasonOf(outcome: string, rule: string, votes: number): Reason {
	if (outcome === 'won' || outcome === 'over-budget') return outcome;
	return RULE_REGISTRY[rule as RoundRule]?.equalShares && votes > 0 ? 'mes-share' : 'less-support';
}
