/**
 * The IKM (Indeks Kepuasan Masyarakat, community satisfaction index) of PermenPAN-RB
 * No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat), counted exactly.
 * docs/ikm.md explains every rule with worked examples.
 *
 *   NRR_i  = (sum of the answers to element i) / (number of answers to element i)   (1..4)
 *   SKM    = sum over the nine elements of NRR_i × 1/9                              (1..4)
 *   IKM    = SKM × 25                                                                (25..100)
 *   index_i = NRR_i × 25                                     (per element: shows the weakest)
 *
 * The regulation prints the weight as 0.111; we use the exact 1/9 (0.111 × 9 = 0.999 would
 * pull every index down, e.g. 86.25 becomes 86.16 in the worked example). Arithmetic is on
 * exact rationals (`Q`); decimals are printed only at the end:
 *   - NRR and SKM: exact decimals, rounded half-up to at most 4 places, trailing zeros trimmed;
 *   - per-element index and IKM: rounded half-up to exactly 2 places;
 *   - the category (mutu pelayanan) is read from the IKM *after* rounding to 2 places.
 *
 * Pure and free of non-erasable TypeScript: the `npm run ikm` CLI runs this file under
 * Node's type stripping.
 */
import { Q } from '../voting/rational.ts';

export const ELEMENTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Element = (typeof ELEMENTS)[number];
export const ELEMENT_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/** One respondent's nine answers (U1..U9): 1..4, or null when not answered. */
export type Answers = readonly (number | null)[];

export const WEIGHT = Q.of(1, 9);
const TWENTY_FIVE = Q.of(25);

export type ElementCount = { element: Element; answers: number; nrr: Q | null };
export type IkmCount = {
	respondents: number;
	elements: ElementCount[];
	/** Null unless every element has at least one answer (the regulation weighs all nine). */
	skm: Q | null;
	ikm: Q | null;
};

export function isAnswer(value: unknown): value is 1 | 2 | 3 | 4 {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Counts responses (each nine answers, 1..4 or null). Throws on anything else. */
export function countIkm(responses: readonly Answers[]): IkmCount {
	const sums = ELEMENTS.map(() => 0n);
	const counts = ELEMENTS.map(() => 0);
	for (const answers of responses) {
		if (answers.length !== ELEMENTS.length) throw new RangeError('A response has nine answers');
		answers.forEach((a, i) => {
			if (a === null) return;
			if (!isAnswer(a)) throw new RangeError(`Answer to U${i + 1} must be 1-4 or empty`);
			sums[i] += BigInt(a);
			counts[i]++;
		});
	}
	const elements = ELEMENTS.map((element, i) => ({
		element,
		answers: counts[i],
		nrr: counts[i] ? Q.of(sums[i], counts[i]) : null
	}));
	let skm: Q | null = Q.ZERO;
	for (const e of elements) skm = e.nrr && skm ? skm.add(e.nrr.mul(WEIGHT)) : null;
	return { respondents: responses.length, elements, skm, ikm: skm ? skm.mul(TWENTY_FIVE) : null };
}

/** NRR_i × 25: the element's own index on the 25..100 scale. */
export function elementIndex(nrr: Q): Q {
	return nrr.mul(TWENTY_FIVE);
}

/** A non-negative rational rounded half-up to `places` decimals, as a string with exactly that many. */
export function roundHalfUp(value: Q, places: number): string {
	if (value.n < 0n) throw new RangeError('Only non-negative values');
	const scale = 10n ** BigInt(places);
	const scaled = value.n * scale;
	let units = scaled / value.d;
	if (2n * (scaled % value.d) >= value.d) units++;
	const whole = units / scale;
	if (places === 0) return `${whole}`;
	return `${whole}.${(units % scale).toString().padStart(places, '0')}`;
}

/** Rounded half-up to at most `places` decimals, trailing zeros trimmed ("3.5", "3.4500" → "3.45", "3"). */
export function decimal(value: Q, places = 4): string {
	const fixed = roundHalfUp(value, places);
	return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export const CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Mutu pelayanan from the converted index (25..100), read from the index rounded half-up to
 * 2 decimals: 25.00–64.99 D (tidak baik), 65.00–76.60 C (kurang baik), 76.61–88.30 B (baik),
 * 88.31–100.00 A (sangat baik).
 */
export function categoryOf(index: Q): Category {
	const hundredths = BigInt(roundHalfUp(index, 2).replace('.', ''));
	if (hundredths < 6500n) return 'D';
	if (hundredths <= 7660n) return 'C';
	if (hundredths <= 8830n) return 'B';
	return 'A';
}

/** The element with the lowest NRR (the lowest number on a tie), or null when nothing was answered. */
export function weakestElement(count: IkmCount): ElementCount | null {
	let weakest: ElementCount | null = null;
	for (const e of count.elements) if (e.nrr && (!weakest || e.nrr.cmp(weakest.nrr!) < 0)) weakest = e;
	return weakest;
}

/** The printed result, the same for the CLI, the page and the summaries. */
export type IkmReport = {
	respondents: number;
	elements: { element: number; nrr: string | null; index: string | null }[];
	skm: string | null;
	ikm: string | null;
	category: Category | null;
};

export function report(count: IkmCount): IkmReport {
	return {
		respondents: count.respondents,
		elements: count.elements.map((e) => ({
			element: e.element,
			nrr: e.nrr ? decimal(e.nrr) : null,
			index: e.nrr ? roundHalfUp(elementIndex(e.nrr), 2) : null
		})),
		skm: count.skm ? decimal(count.skm) : null,
		ikm: count.ikm ? roundHalfUp(count.ikm, 2) : null,
		category: count.ikm ? categoryOf(count.ikm) : null
	};
}

/**
 * Krejcie & Morgan (1970), "Determining sample size for research activities", Table 1:
 * population N → minimum sample S (95 % confidence, ±5 %). The published table is the
 * source of truth: it rounds the formula below to the nearest whole number in most rows
 * (50 → 44.34 → 44), so the formula rounded up is often one more. The last row is printed
 * as 100000 → 384 in the reproductions the regulation's guidance uses (the formula gives
 * 382.6 there; 384 is its limit for any N).
 */
// prettier-ignore
export const KREJCIE_MORGAN: readonly (readonly [number, number])[] = [
	[10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48],
	[60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86],
	[120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132],
	[210, 136], [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165],
	[300, 169], [320, 175], [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210],
	[480, 214], [500, 217], [550, 226], [600, 234], [650, 242], [700, 248], [750, 254], [800, 260], [850, 265],
	[900, 269], [950, 274], [1000, 278], [1100, 285], [1200, 291], [1300, 297], [1400, 302], [1500, 306],
	[1600, 310], [1700, 313], [1800, 317], [1900, 320], [2000, 322], [2200, 327], [2400, 331], [2600, 335],
	[2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
	[8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380], [50000, 381],
	[75000, 382], [100000, 384]
];

/**
 * S = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)), χ² = 3.841, P = 0.5, d = 0.05, rounded up
 * (exact: with these constants S = 3841·N / (10·(N−1) + 3841)).
 */
export function krejcieMorganFormula(population: number): number {
	const n = BigInt(population);
	const num = 3841n * n;
	const den = 10n * (n - 1n) + 3841n;
	return Number((num + den - 1n) / den);
}

/**
 * The minimum sample for a population, from the published table: a row's own value, between
 * two rows the straight line between them rounded up, never more than the population, and
 * 384 above the last row.
 */
export function minimumSample(population: number): number {
	if (!Number.isSafeInteger(population) || population < 1) throw new RangeError('A population of at least 1');
	const first = KREJCIE_MORGAN[0];
	if (population <= first[0]) return population;
	for (let i = 1; i < KREJCIE_MORGAN.length; i++) {
		const [n1, s1] = KREJCIE_MORGAN[i];
		if (population > n1) continue;
		if (population === n1) return s1;
		const [n0, s0] = KREJCIE_MORGAN[i - 1];
		// s0 + (s1 - s0)·(N - n0)/(n1 - n0), rounded up, in whole numbers.
		const up = (s1 - s0) * (population - n0);
		const span = n1 - n0;
		return Math.min(population, s0 + Math.ceil(up / span));
	}
	return KREJCIE_MORGAN[KREJCIE_MORGAN.length - 1][1];
}
