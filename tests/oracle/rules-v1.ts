/**
 * TEST ORACLE, not used by the app: the straightforward implementation of the counting
 * rules as it stood before the fast one (per-voter rationals, a full rescan per round), kept
 * so property tests can check that the fast rules pick the same winners.
 * The counting rules (docs/counting.md): greedy by votes within the pagu, top-k, the Method of
 * Equal Shares with Add1 and utilitarian completion, and sequential Phragmen. Pure and
 * exact: money is BigInt or rational, never a float.
 */
import { Q } from '../../src/lib/voting/rational.ts';
// What every rule shares (election, scores, tie-break, greedy, top-k) is the app's own
// code: only MES and Phragmen are the old, slow implementations kept as the oracle.
import {
	costOf,
	greedy,
	isExhaustive,
	scores,
	tieComparator,
	type Election,
	type MesOutcome,
	type Outcome,
	type Project,
	type TieBreak,
	type TieRecord
} from '../../src/lib/voting/election.ts';

/**
 * Method of Equal Shares (Peters & Skowron). Each voter holds `perVoter` (B/n unless
 * given); each round selects the affordable project with the smallest rate r, and each
 * supporter pays min(budget, r * utility). Rates only grow between rounds, so a
 * project whose last rate is above the best found cannot win and is skipped.
 */
export function mes(e: Election, tie: TieBreak, perVoter?: Q): MesOutcome {
	const n = e.votes.length;
	const share = perVoter ?? (n > 0 ? Q.of(e.budget, n) : Q.ZERO);
	const budgets: Q[] = Array.from({ length: n }, () => share);
	const score = scores(e);
	const compare = tieComparator(e, tie, score);
	const supporters = new Map<string, { voter: number; utility: bigint }[]>();
	for (const p of e.projects) supporters.set(p.id, []);
	e.votes.forEach((vote, voter) => {
		for (const [id, points] of vote) {
			const p = e.projects.find((x) => x.id === id);
			if (!p || points <= 0n) continue;
			supporters.get(id)!.push({ voter, utility: e.utility === 'cost' ? p.cost : points });
		}
	});

	let candidates = e.projects.filter((p) => supporters.get(p.id)!.length > 0 && p.cost > 0n);
	const lowerBound = new Map<string, Q>(candidates.map((p) => [p.id, Q.ZERO]));
	// Zero-cost projects that give their supporters something are selected before the first
	// round, as pabutools does (with cost utilities they give nothing and are left to completion).
	const selected: string[] = freeProjects(e, supporters, compare);
	const rounds: MesOutcome['rounds'] = [];
	const ties: TieRecord[] = [];

	function rateFor(p: Project): Q | null {
		const group = supporters.get(p.id)!;
		const cost = Q.of(p.cost);
		let total = Q.ZERO;
		for (const s of group) total = total.add(budgets[s.voter]);
		if (total.cmp(cost) < 0) return null;
		const capped = new Set<number>();
		let paid = Q.ZERO;
		let denom = group.reduce((sum, s) => sum + s.utility, 0n);
		for (;;) {
			if (denom === 0n) {
				// Everyone pays all they have: the rate is the largest budget-to-utility ratio.
				return group.reduce((best, s) => {
					const ratio = budgets[s.voter].div(Q.of(s.utility));
					return ratio.cmp(best) > 0 ? ratio : best;
				}, Q.ZERO);
			}
			const r = cost.sub(paid).div(Q.of(denom));
			let changed = false;
			for (const s of group) {
				if (capped.has(s.voter)) continue;
				if (r.cmpScaled(s.utility, budgets[s.voter]) > 0) {
					capped.add(s.voter);
					paid = paid.add(budgets[s.voter]);
					denom -= s.utility;
					changed = true;
				}
			}
			if (!changed) return r;
		}
	}

	for (;;) {
		candidates.sort((a, b) => lowerBound.get(a.id)!.cmp(lowerBound.get(b.id)!));
		let best: { project: Project; rate: Q } | null = null;
		const unaffordable = new Set<string>();
		for (const p of candidates) {
			if (best && lowerBound.get(p.id)!.cmp(best.rate) > 0) break;
			const rate = rateFor(p);
			if (!rate) {
				unaffordable.add(p.id);
				continue;
			}
			lowerBound.set(p.id, rate);
			const order = best ? rate.cmp(best.rate) : -1;
			if (order < 0) best = { project: p, rate };
			else if (order === 0) {
				const current: Project = best!.project;
				const decided = compare(p, current);
				const challengerWins = decided.order < 0;
				ties.push({
					winner: challengerWins ? p.id : current.id,
					over: challengerWins ? current.id : p.id,
					decidedBy: decided.by
				});
				if (challengerWins) best = { project: p, rate };
			}
		}
		candidates = candidates.filter((p) => !unaffordable.has(p.id));
		if (!best) break;
		const payments = new Map<number, Q>();
		for (const s of supporters.get(best.project.id)!) {
			const due = best.rate.mulInt(s.utility);
			const pay = due.cmp(budgets[s.voter]) < 0 ? due : budgets[s.voter];
			budgets[s.voter] = budgets[s.voter].sub(pay);
			payments.set(s.voter, pay);
		}
		selected.push(best.project.id);
		rounds.push({ project: best.project.id, rate: best.rate, payments });
		candidates = candidates.filter((p) => p !== best!.project);
	}
	// Keep only the ties among projects that were then selected (the ones that mattered).
	const chosen = new Set(selected);
	return {
		selected,
		cost: costOf(e, selected),
		ties: ties.filter((t) => chosen.has(t.winner)),
		perVoter: share,
		rounds
	};
}

function freeProjects(
	e: Election,
	supporters: Map<string, { utility: bigint }[]>,
	compare: ReturnType<typeof tieComparator>
): string[] {
	return e.projects
		.filter((p) => p.cost === 0n && supporters.get(p.id)!.some((s) => s.utility > 0n))
		.sort((a, b) => compare(a, b).order)
		.map((p) => p.id);
}

/** Exhaustive for Add1: no unselected project with a cost still fits (zero-cost ones are completion's). */
function isExhaustiveCosted(e: Election, selected: readonly string[]): boolean {
	return isExhaustive({ ...e, projects: e.projects.filter((p) => p.cost > 0n) }, selected);
}

/**
 * MES with Add1 completion: raise each voter's share by `step` (a published amount)
 * and rerun, keeping the last outcome that fits the budget, until it is exhaustive.
 * Returns that outcome and how many reruns it took.
 */
export function mesAdd1(e: Election, tie: TieBreak, step: Q): MesOutcome & { iterations: number } {
	if (step.cmp(Q.ZERO) <= 0) throw new RangeError('The Add1 step must be positive');
	const n = e.votes.length;
	let best = mes(e, tie);
	let iterations = 0;
	if (n === 0) return { ...best, iterations };
	const whole = Q.of(e.budget);
	for (let k = 1n; !isExhaustiveCosted(e, best.selected); k++) {
		const share = Q.of(e.budget, n).add(step.mulInt(k));
		// Once one voter alone could buy the whole budget, raising further changes nothing.
		if (share.cmp(whole) > 0) break;
		const next = mes(e, tie, share);
		iterations++;
		if (next.cost > e.budget) break;
		best = next;
	}
	return { ...best, iterations };
}

/** MES + Add1, then utilitarian completion (remaining projects by votes while they fit). */
export function mesCompleted(e: Election, tie: TieBreak, step: Q) {
	const add1 = mesAdd1(e, tie, step);
	const completed = greedy(e, tie, add1.selected);
	return {
		...add1,
		selected: completed.selected,
		cost: completed.cost,
		completedBy: completed.selected.slice(add1.selected.length)
	};
}

/**
 * Sequential Phragmen (approval ballots): each round picks the project whose cost,
 * spread with its supporters' loads, gives the lowest new load; stops when it no longer fits.
 */
export function phragmen(e: Election, tie: TieBreak): Outcome {
	const loads: Q[] = e.votes.map(() => Q.ZERO);
	const compare = tieComparator(e, tie);
	const supporters = new Map(e.projects.map((p) => [p.id, [] as number[]]));
	e.votes.forEach((vote, voter) => {
		for (const [id, points] of vote) if (points > 0n) supporters.get(id)?.push(voter);
	});
	const selected: string[] = [];
	const ties: TieRecord[] = [];
	let cost = 0n;
	const open = new Set(e.projects.filter((p) => supporters.get(p.id)!.length > 0).map((p) => p.id));
	while (open.size > 0) {
		let best: { project: Project; load: Q } | null = null;
		for (const p of e.projects) {
			if (!open.has(p.id)) continue;
			const group = supporters.get(p.id)!;
			const load = group.reduce((sum, v) => sum.add(loads[v]), Q.of(p.cost)).div(Q.of(group.length));
			const order = best ? load.cmp(best.load) : -1;
			if (order < 0) best = { project: p, load };
			else if (order === 0) {
				const decided = compare(p, best!.project);
				ties.push({
					winner: decided.order < 0 ? p.id : best!.project.id,
					over: decided.order < 0 ? best!.project.id : p.id,
					decidedBy: decided.by
				});
				if (decided.order < 0) best = { project: p, load };
			}
		}
		if (!best || cost + best.project.cost > e.budget) break;
		selected.push(best.project.id);
		cost += best.project.cost;
		open.delete(best.project.id);
		for (const v of supporters.get(best.project.id)!) loads[v] = best.load;
	}
	const chosen = new Set(selected);
	return { selected, cost, ties: ties.filter((t) => chosen.has(t.winner)) };
}
