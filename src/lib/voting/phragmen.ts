/**
 * Sequential Phragmén (approval ballots): each round picks the project whose cost, spread
 * with its supporters' loads, gives the lowest new load; stops when it no longer fits.
 *
 * Exact and incremental: every voter who got the same last project carries the same load,
 * so loads are a handful of classes (one per round) held as integers over a common
 * denominator. Each project keeps how many of its supporters sit in each class, so its new
 * load is a sum over classes, not over voters. Candidate loads never fall, so the queue
 * (a binary heap by load, then the tie-break) recomputes only a stale head.
 */
import { tieComparator, type Election, type Outcome, type TieBreak, type TieRecord } from './election.ts';
import type { Rate } from './mes-rate.ts';

type Load = Pick<Rate, 'n' | 'd'>;
const cmpLoad = (a: Load, b: Load) => {
	const x = a.n * b.d;
	const y = b.n * a.d;
	return x < y ? -1 : x > y ? 1 : 0;
};
const gcd = (a: bigint, b: bigint) => {
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
};

export function phragmen(e: Election, tie: TieBreak): Outcome {
	const m = e.projects.length;
	const compare = tieComparator(e, tie);
	const index = new Map(e.projects.map((p, j) => [p.id, j]));
	const lists: number[][] = e.projects.map(() => []);
	const ballots: number[][] = e.votes.map((vote, voter) => {
		const mine: number[] = [];
		for (const [id, points] of vote) {
			const j = index.get(id);
			if (j !== undefined && points > 0n) mine.push(j);
		}
		for (const j of mine) lists[j].push(voter);
		return mine;
	});
	const supporters = Int32Array.from(lists, (l) => l.length);
	// count[t][j]: supporters of project j whose load is class t's. Class 0: load 0.
	const count: Int32Array[] = [Int32Array.from(supporters)];
	const value: bigint[] = [0n];
	let D = 1n;
	const cls = new Int32Array(e.votes.length);
	const load: Load[] = e.projects.map((p, j) => ({ n: p.cost, d: BigInt(Math.max(1, supporters[j])) }));
	const dirty = new Uint8Array(m);

	function newLoad(j: number): Load {
		let sum = e.projects[j].cost * D;
		for (let t = 0; t < count.length; t++) if (count[t][j] !== 0) sum += BigInt(count[t][j]) * value[t];
		return { n: sum, d: BigInt(supporters[j]) * D };
	}
	const before = (a: number, b: number) => {
		const order = cmpLoad(load[a], load[b]);
		return order !== 0 ? order < 0 : compare(e.projects[a], e.projects[b]).order < 0;
	};
	const heap = new MinHeap(before);
	for (let j = 0; j < m; j++) if (supporters[j] > 0) heap.push(j);

	const selected: string[] = [];
	const ties: TieRecord[] = [];
	let cost = 0n;
	while (heap.size > 0) {
		// A stale head only underestimates: refresh it until the head is current.
		while (dirty[heap.top]) {
			const j = heap.top;
			load[j] = newLoad(j);
			dirty[j] = 0;
			heap.siftDownTop();
		}
		const w = heap.top;
		// Others whose (maybe stale) load equals the head's: refresh them to record real ties.
		let refreshed = false;
		for (const j of heap.items) {
			if (j === w || !dirty[j] || cmpLoad(load[j], load[w]) !== 0) continue;
			load[j] = newLoad(j);
			dirty[j] = 0;
			refreshed = true;
		}
		if (refreshed) heap.rebuild();
		for (const j of heap.items) {
			if (j !== w && cmpLoad(load[j], load[w]) === 0)
				ties.push({
					winner: e.projects[w].id,
					over: e.projects[j].id,
					decidedBy: compare(e.projects[w], e.projects[j]).by
				});
		}
		if (cost + e.projects[w].cost > e.budget) break;
		heap.pop();
		selected.push(e.projects[w].id);
		cost += e.projects[w].cost;
		// The winner's supporters all take its load: num / k units of 1/D, after scaling D to make it whole.
		const k = BigInt(supporters[w]);
		let num = load[w].n * (D / (load[w].d / k));
		const f = k / gcd(num, k);
		if (f > 1n) {
			D *= f;
			num *= f;
			for (let t = 0; t < value.length; t++) value[t] *= f;
		}
		const t = value.length;
		value.push(num / k);
		count.push(new Int32Array(m));
		for (const voter of lists[w]) {
			const from = cls[voter];
			for (const q of ballots[voter]) {
				count[from][q]--;
				count[t][q]++;
				dirty[q] = 1;
			}
			cls[voter] = t;
		}
	}
	const chosen = new Set(selected);
	return { selected, cost, ties: ties.filter((x) => chosen.has(x.winner)) };
}

/** A binary heap of project indices ordered by `before`. */
class MinHeap {
	readonly items: number[] = [];
	private readonly before: (a: number, b: number) => boolean;
	constructor(before: (a: number, b: number) => boolean) {
		this.before = before;
	}
	get size() {
		return this.items.length;
	}
	get top() {
		return this.items[0];
	}
	push(j: number) {
		const a = this.items;
		a.push(j);
		let i = a.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.before(a[i], a[parent])) break;
			[a[i], a[parent]] = [a[parent], a[i]];
			i = parent;
		}
	}
	pop() {
		const a = this.items;
		const last = a.pop()!;
		if (a.length > 0) {
			a[0] = last;
			this.siftDownTop();
		}
	}
	/** Restores the order after several keys grew. */
	rebuild() {
		const all = this.items.splice(0);
		for (const j of all) this.push(j);
	}
	/** Restores the order after the head's key grew. */
	siftDownTop() {
		const a = this.items;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let s = i;
			if (l < a.length && this.before(a[l], a[s])) s = l;
			if (r < a.length && this.before(a[r], a[s])) s = r;
			if (s === i) return;
			[a[i], a[s]] = [a[s], a[i]];
			i = s;
		}
	}
}
