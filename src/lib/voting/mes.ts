/**
 * Method of Equal Shares (Peters & Skowron) with Add1 and utilitarian completion: exact and
 * fast enough for a city (docs/counting.md).
 *
 * Exact: every budget is an integer over one common denominator D, so comparing and
 * subtracting money is BigInt arithmetic without a gcd; D grows (by the smallest factor)
 * only when a payment does not divide. A rate is a fraction compared by cross-multiplying.
 * Fast: voters with the same budget form a class (everyone starts in one; paying for a
 * project moves its supporters in a class to one new class per utility), so a project's rate is computed over its
 * supporters' classes, not over each voter's fraction. A project's rate is cached until one
 * of its supporters pays, and rates never fall, so a cached rate is a lower bound that lets
 * most projects be skipped. Add1 reruns reuse everything but the budgets (pabutools'
 * `voter_budget_increment` form), and stop a rerun as soon as it goes over the budget.
 */
import { Q } from './rational.ts';
import {
	greedy,
	isExhaustive,
	scores,
	tieComparator,
	type Election,
	type MesOutcome,
	type TieBreak,
	type TieRecord
} from './election.ts';
import { buildGroups, findRate, type Rate } from './mes-rate.ts';

const cmpRate = (a: Rate, b: Rate) => {
	const x = a.n * b.d;
	const y = b.n * a.d;
	return x < y ? -1 : x > y ? 1 : 0;
};
const gcd = (a: bigint, b: bigint) => {
	if (a < 0n) a = -a;
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
};

export type MesProgress = { step: number; share: Q };

type Prepared = {
	e: Election;
	n: number;
	compare: ReturnType<typeof tieComparator>;
	supporters: Int32Array[];
	/** Each project's distinct utilities (one, the cost, for approval) and each supporter's index into them. */
	utilities: bigint[][];
	utilityIndex: Int32Array[];
	/** Each voter's projects, flat: ballotProjects[ballotStart[v] .. ballotStart[v + 1]). */
	ballotStart: Int32Array;
	ballotProjects: Int32Array;
};
/** One run's budgets: class values in units of 1/D, each voter's class, and the rates found. */
type Budgets = {
	D: bigint;
	value: bigint[];
	members: number[];
	cls: Int32Array;
	rate: (Rate | null)[];
	dirty: Uint8Array;
};

/** Everything about an election that does not depend on the voters' budgets, built once. */
export function prepareMes(e: Election, tie: TieBreak) {
	const m = e.projects.length;
	const n = e.votes.length;
	const index = new Map(e.projects.map((p, j) => [p.id, j]));
	const compare = tieComparator(e, tie, scores(e));
	const lists: number[][] = e.projects.map(() => []);
	const points: bigint[][] = e.projects.map(() => []);
	const ballotStart = new Int32Array(n + 1);
	const flat: number[] = [];
	e.votes.forEach((vote, voter) => {
		for (const [id, pts] of vote) {
			const j = index.get(id);
			if (j === undefined || pts <= 0n) continue;
			lists[j].push(voter);
			points[j].push(e.utility === 'cost' ? e.projects[j].cost : pts);
			flat.push(j);
		}
		ballotStart[voter + 1] = flat.length;
	});
	const utilities = points.map((u) => [...new Set(u)]);
	const P: Prepared = {
		e,
		n,
		compare,
		supporters: lists.map((l) => Int32Array.from(l)),
		utilities,
		utilityIndex: points.map((u, j) => Int32Array.from(u, (x) => utilities[j].indexOf(x))),
		ballotStart,
		ballotProjects: Int32Array.from(flat)
	};
	// Zero-cost projects whose supporters gain something: selected before the first round, as pabutools does.
	const free = e.projects
		.filter((p, j) => p.cost === 0n && points[j].some((u) => u > 0n))
		.sort((a, b) => compare(a, b).order)
		.map((p) => p.id);
	const costed = e.projects.map((p, j) => j).filter((j) => e.projects[j].cost > 0n && P.supporters[j].length > 0);

	/** One MES run at this share per voter. `stopAbove`: give up once the selection costs more (Add1 needs no more). */
	function run(share: Q, stopAbove?: bigint): MesOutcome {
		// Class 0 is the empty purse; class 1 everyone's starting share.
		const B: Budgets = {
			D: share.d,
			value: [0n, share.n],
			members: [0, n],
			cls: new Int32Array(n).fill(1),
			rate: new Array(m).fill(null),
			dirty: new Uint8Array(m).fill(1)
		};
		const { rate, dirty } = B;
		let candidates = [...costed];
		const selected = [...free];
		let cost = 0n;
		const ties: TieRecord[] = [];
		const rounds: MesOutcome['rounds'] = [];
		for (;;) {
			// Unknown rates first, then by the last rate found: a lower bound, as rates never fall.
			candidates.sort((a, b) => (rate[a] && rate[b] ? cmpRate(rate[a]!, rate[b]!) : rate[a] ? 1 : rate[b] ? -1 : 0));
			let best = -1;
			let level: number[] = [];
			const unaffordable = new Set<number>();
			for (const j of candidates) {
				if (best !== -1 && rate[j] && cmpRate(rate[j]!, rate[best]!) > 0) break;
				if (dirty[j]) {
					rate[j] = findRate(
						buildGroups(P.supporters[j], P.utilityIndex[j], P.utilities[j], B.cls, B.value),
						e.projects[j].cost,
						B.D
					);
					dirty[j] = 0;
					if (!rate[j]) {
						unaffordable.add(j);
						continue;
					}
				}
				const order = best === -1 ? -1 : cmpRate(rate[j]!, rate[best]!);
				if (order < 0) {
					best = j;
					level = [];
				} else if (order === 0) {
					if (compare(e.projects[j], e.projects[best]).order < 0) {
						level.push(best);
						best = j;
					} else level.push(j);
				}
			}
			candidates = candidates.filter((j) => !unaffordable.has(j) && j !== best);
			if (best === -1) break;
			const winner = e.projects[best];
			for (const other of level)
				ties.push({ winner: winner.id, over: e.projects[other].id, decidedBy: compare(winner, e.projects[other]).by });
			selected.push(winner.id);
			cost += winner.cost;
			if (stopAbove !== undefined && cost > stopAbove) break;
			rounds.push(pay(P, B, best, rate[best]!));
		}
		return { selected, cost, ties, perVoter: share, rounds };
	}

	return { run, voters: n };
}

let slotOfClass = new Int32Array(1024).fill(-1);

/**
 * Charges project j's supporters min(budget, r x utility): each (class, utility) of its
 * supporters moves to one new class. Marks the projects of everyone who paid as dirty.
 */
function pay(P: Prepared, B: Budgets, j: number, r: Rate): MesOutcome['rounds'][number] {
	const list = P.supporters[j];
	const us = P.utilities[j];
	const ui = P.utilityIndex[j];
	const { value, members, cls, dirty } = B;
	const { ballotStart, ballotProjects } = P;
	// The rate may have been found at an earlier, smaller D (cached): bring num to today's D.
	let num = r.all ? 0n : r.num * (B.D / (r.d / r.U));
	if (!r.all) {
		// A payment is num x u / U units of 1/D: scale D by the least factor that makes every
		// such payment whole (for approval, u = cost and U = k x cost: the part of k not dividing num).
		let f = 1n;
		for (const u of us) {
			const need = r.U / gcd(num * u, r.U);
			f = (f * need) / gcd(f, need);
		}
		if (f > 1n) {
			B.D *= f;
			num *= f;
			for (let c = 0; c < value.length; c++) if (members[c] > 0) value[c] *= f;
		}
	}
	const width = us.length;
	if (slotOfClass.length < value.length * width) slotOfClass = new Int32Array(value.length * width * 2).fill(-1);
	const used: number[] = [];
	const paid: bigint[] = [];
	const target: number[] = [];
	const snapshot = new Int32Array(list.length);
	for (let t = 0; t < list.length; t++) {
		const voter = list[t];
		const c = cls[voter];
		const key = c * width + ui[t];
		let slot = slotOfClass[key];
		if (slot === -1) {
			const have = value[c];
			const due = r.all ? have : (num * us[ui[t]]) / r.U;
			const pays = due < have ? due : have;
			slot = paid.length;
			paid.push(pays);
			if (pays === 0n) target.push(c);
			else if (pays === have) target.push(0);
			else {
				value.push(have - pays);
				members.push(0);
				target.push(value.length - 1);
			}
			slotOfClass[key] = slot;
			used.push(key);
		}
		snapshot[t] = slot;
		const to = target[slot];
		if (to !== c) {
			members[c]--;
			members[to]++;
			cls[voter] = to;
			for (let k = ballotStart[voter], end = ballotStart[voter + 1]; k < end; k++) dirty[ballotProjects[k]] = 1;
		}
	}
	for (const key of used) slotOfClass[key] = -1;
	const D = B.D;
	return {
		project: P.e.projects[j].id,
		rate: Q.of(r.n, r.d),
		// What each supporter paid, built only when asked for (Add1 reruns never ask).
		get payments() {
			return new Map(Array.from(list, (voter, t) => [voter, Q.of(paid[snapshot[t]], D)] as [number, Q]));
		}
	};
}

/** Plain MES: each voter holds `perVoter` (B/n unless given). */
export function mes(e: Election, tie: TieBreak, perVoter?: Q): MesOutcome {
	const n = e.votes.length;
	return prepareMes(e, tie).run(perVoter ?? (n > 0 ? Q.of(e.budget, n) : Q.ZERO));
}

/** Exhaustive for Add1: no unselected project with a cost still fits (zero-cost ones are completion's). */
function isExhaustiveCosted(e: Election, selected: readonly string[]): boolean {
	return isExhaustive({ ...e, projects: e.projects.filter((p) => p.cost > 0n) }, selected);
}

/**
 * MES with Add1 completion: raise each voter's share by `step` (a published amount) and
 * rerun, keeping the last outcome that fits the budget, until it is exhaustive. Returns
 * that outcome and how many reruns it took. `onProgress` hears of each rerun.
 */
export function mesAdd1(
	e: Election,
	tie: TieBreak,
	step: Q,
	onProgress?: (p: MesProgress) => void
): MesOutcome & { iterations: number } {
	if (step.cmp(Q.ZERO) <= 0) throw new RangeError('The Add1 step must be positive');
	const n = e.votes.length;
	const prepared = prepareMes(e, tie);
	const base = n > 0 ? Q.of(e.budget, n) : Q.ZERO;
	let best = prepared.run(base);
	let iterations = 0;
	if (n === 0) return { ...best, iterations };
	const whole = Q.of(e.budget);
	for (let k = 1n; !isExhaustiveCosted(e, best.selected); k++) {
		const share = base.add(step.mulInt(k));
		// Once one voter alone could buy the whole budget, raising further changes nothing.
		if (share.cmp(whole) > 0) break;
		onProgress?.({ step: Number(k), share });
		const next = prepared.run(share, e.budget);
		iterations++;
		if (next.cost > e.budget) break;
		best = next;
	}
	return { ...best, iterations };
}

/** MES + Add1, then utilitarian completion (remaining projects by votes while they fit). */
export function mesCompleted(e: Election, tie: TieBreak, step: Q, onProgress?: (p: MesProgress) => void) {
	const add1 = mesAdd1(e, tie, step, onProgress);
	const completed = greedy(e, tie, add1.selected);
	return {
		...add1,
		selected: completed.selected,
		cost: completed.cost,
		completedBy: completed.selected.slice(add1.selected.length)
	};
}
