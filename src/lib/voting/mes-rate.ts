/**
 * A project's MES rate over its supporters' budget classes, exactly. Budgets are integers
 * over the common denominator D; a rate r (money per unit of utility) is the fraction n / d.
 */
export type Rate = {
	n: bigint;
	d: bigint;
	/** r = num / (U x D): what is left to pay over the utility of those who can pay their share. */
	num: bigint;
	U: bigint;
	/** Found with everyone paying all they have (the money just suffices). */
	all: boolean;
};
export type Groups = { value: bigint[]; utility: bigint[]; count: number[] };

let counts = new Int32Array(1024);

/** Supporters grouped by (budget class, utility); empty purses are left out (they pay nothing). */
export function buildGroups(
	list: Int32Array,
	utilityIndex: Int32Array,
	utilities: bigint[],
	cls: Int32Array,
	value: bigint[]
): Groups {
	const g: Groups = { value: [], utility: [], count: [] };
	if (utilities.length === 1) {
		// Approval (utility = cost) and any project whose supporters all gave the same points.
		if (counts.length < value.length) counts = new Int32Array(value.length * 2);
		const touched: number[] = [];
		for (let t = 0; t < list.length; t++) {
			const c = cls[list[t]];
			if (counts[c]++ === 0) touched.push(c);
		}
		for (const c of touched) {
			if (value[c] !== 0n) {
				g.value.push(value[c]);
				g.utility.push(utilities[0]);
				g.count.push(counts[c]);
			}
			counts[c] = 0;
		}
		return g;
	}
	const k = utilities.length;
	const byKey = new Map<number, number>();
	for (let t = 0; t < list.length; t++) {
		const key = cls[list[t]] * k + utilityIndex[t];
		byKey.set(key, (byKey.get(key) ?? 0) + 1);
	}
	for (const [key, count] of byKey) {
		const c = Math.floor(key / k);
		if (value[c] === 0n) continue;
		g.value.push(value[c]);
		g.utility.push(utilities[key % k]);
		g.count.push(count);
	}
	return g;
}

/**
 * The smallest r at which the supporters, each paying min(budget, r x utility), cover the
 * cost; null when all their money is not enough. Those who cannot pay r x utility pay all
 * they have; r is recomputed over the rest until nobody else falls short (the walk of
 * docs/counting.md, over groups instead of voters).
 */
export function findRate(g: Groups, cost: bigint, D: bigint): Rate | null {
	const size = g.value.length;
	const weight = g.count.map(BigInt);
	let total = 0n;
	for (let k = 0; k < size; k++) total += weight[k] * g.value[k];
	const need = cost * D;
	if (total < need) return null;
	const capped = new Uint8Array(size);
	let paid = 0n;
	let U = 0n;
	for (let k = 0; k < size; k++) U += weight[k] * g.utility[k];
	for (;;) {
		if (U === 0n) {
			// Everyone pays all: the rate is the largest budget-to-utility ratio.
			let bn = 0n;
			let bd = 1n;
			for (let k = 0; k < size; k++) if (g.value[k] * bd > bn * g.utility[k]) [bn, bd] = [g.value[k], g.utility[k]];
			return { n: bn, d: bd * D, num: 0n, U: 0n, all: true };
		}
		const num = need - paid;
		const passU = U; // this pass tests everyone against the same r = num / (passU x D)
		let changed = false;
		for (let k = 0; k < size; k++) {
			if (capped[k] || num * g.utility[k] <= g.value[k] * passU) continue;
			capped[k] = 1;
			paid += weight[k] * g.value[k];
			U -= weight[k] * g.utility[k];
			changed = true;
		}
		if (!changed) return { n: num, d: U * D, num, U, all: false };
	}
}
