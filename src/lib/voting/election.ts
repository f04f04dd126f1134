/**
 * What every counting rule shares (docs/counting.md): the election, scores, the tie-break,
 * exhaustiveness, and the two score rules, greedy by votes within the pagu and top-k.
 * Pure and exact: money is BigInt or rational, never a float.
 */
import type { Q } from './rational.ts';

export type Project = { id: string; cost: bigint };
/** One ballot as utilities: 1 per approved project, points for cumulative, Borda for ranked. */
export type Vote = ReadonlyMap<string, bigint>;
/** What a supporter gains in MES: the project's cost (approval ballots) or their points. */
export type Utility = 'cost' | 'points';
export type Election = { projects: readonly Project[]; budget: bigint; votes: readonly Vote[]; utility: Utility };

export type TieKey = 'cost' | 'votes' | 'lot';
/** Ties go to the lowest cost, then the most votes, then a lot drawn before counting. */
export type TieBreak = { order: readonly TieKey[]; lot: readonly string[] };
export const DEFAULT_TIE_ORDER: readonly TieKey[] = ['cost', 'votes', 'lot'];
export type TieRecord = { winner: string; over: string; decidedBy: TieKey };

export type Outcome = { selected: string[]; cost: bigint; ties: TieRecord[] };
export type MesOutcome = Outcome & {
	perVoter: Q;
	/** For each selected project, in order: its rate and what each supporter paid. */
	rounds: { project: string; rate: Q; payments: Map<number, Q> }[];
};

export function scores(e: Election): Map<string, bigint> {
	const result = new Map<string, bigint>(e.projects.map((p) => [p.id, 0n]));
	for (const vote of e.votes)
		for (const [id, points] of vote) if (result.has(id)) result.set(id, result.get(id)! + points);
	return result;
}

export function costOf(e: Election, ids: readonly string[]): bigint {
	const cost = new Map(e.projects.map((p) => [p.id, p.cost]));
	return ids.reduce((sum, id) => sum + (cost.get(id) ?? 0n), 0n);
}

/** No unselected project still fits in what is left of the budget. */
export function isExhaustive(e: Election, selected: readonly string[]): boolean {
	const left = e.budget - costOf(e, selected);
	const chosen = new Set(selected);
	return e.projects.every((p) => chosen.has(p.id) || p.cost > left);
}

/** Compares two projects for a tie: negative when `a` goes first. Says which key decided. */
export function tieComparator(e: Election, tie: TieBreak, score = scores(e)) {
	const lotIndex = new Map(tie.lot.map((id, i) => [id, i]));
	const lot = (id: string) => lotIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
	return (a: Project, b: Project): { order: number; by: TieKey } => {
		for (const key of tie.order) {
			let order: number;
			if (key === 'cost') order = a.cost < b.cost ? -1 : a.cost > b.cost ? 1 : 0;
			else if (key === 'votes')
				order = score.get(b.id)! > score.get(a.id)! ? 1 : score.get(b.id)! < score.get(a.id)! ? -1 : 0;
			else order = lot(a.id) - lot(b.id) || naturalCompare(a.id, b.id);
			if (order !== 0) return { order, by: key };
		}
		return { order: naturalCompare(a.id, b.id), by: 'lot' };
	};
}

/** "P2" before "P10": ids are compared as numbers where they are numbers. */
export function naturalCompare(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}

/** Sorts by score (descending), ties by the tie-break; records each tie that decided a place. */
function rank(e: Election, tie: TieBreak, score: Map<string, bigint>) {
	const compare = tieComparator(e, tie, score);
	const ties: TieRecord[] = [];
	const order = [...e.projects].sort((a, b) => {
		const sa = score.get(a.id)!;
		const sb = score.get(b.id)!;
		if (sa !== sb) return sa > sb ? -1 : 1;
		return compare(a, b).order;
	});
	for (let i = 1; i < order.length; i++) {
		const [a, b] = [order[i - 1], order[i]];
		if (score.get(a.id) === score.get(b.id)) ties.push({ winner: a.id, over: b.id, decidedBy: compare(a, b).by });
	}
	return { order, ties };
}

/**
 * Greedy (the usual city rule): by votes, adding each project that still fits and
 * skipping one that does not. `startWith` turns it into utilitarian completion.
 */
export function greedy(e: Election, tie: TieBreak, startWith: readonly string[] = []): Outcome {
	const score = scores(e);
	const { order, ties } = rank(e, tie, score);
	const selected = [...startWith];
	let cost = costOf(e, selected);
	for (const p of order) {
		if (selected.includes(p.id) || score.get(p.id)! <= 0n) continue;
		if (cost + p.cost <= e.budget) {
			selected.push(p.id);
			cost += p.cost;
		}
	}
	return { selected, cost, ties };
}

/** Top-k without a budget: the k projects with the most votes. */
export function topK(e: Election, tie: TieBreak, k: number): Outcome {
	const score = scores(e);
	const { order, ties } = rank(e, tie, score);
	const selected = order
		.filter((p) => score.get(p.id)! > 0n)
		.slice(0, k)
		.map((p) => p.id);
	return { selected, cost: costOf(e, selected), ties };
}

/** Ranked ballots scored by Borda, pabutools' convention: position j of L scores L-j-1. */
export function bordaVote(ranking: readonly string[]): Vote {
	return new Map(ranking.map((id, j) => [id, BigInt(ranking.length - j - 1)]));
}

export function approvalVote(ids: readonly string[]): Vote {
	return new Map(ids.map((id) => [id, 1n]));
}
