import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BREAKDOWN_RULE, groupBreakdown, publicResult, showableGroups } from './breakdown';

const GROUPS = ['woman', 'elder', 'disability', 'youth'];
const PROPOSALS = ['P1', 'P2', 'P3'];

type Voter = { groups: string[]; scores: Map<string, bigint> };

const voters = fc
	.array(
		fc.record({
			groups: fc.subarray(GROUPS),
			approved: fc.subarray(PROPOSALS)
		}),
		{ maxLength: 13 }
	)
	.map((list) => list.map((v): Voter => ({ groups: v.groups, scores: new Map(v.approved.map((id) => [id, 1n])) })));

/** Rank over the rationals (fraction-free elimination on BigInt). */
function rank(rows: bigint[][]): number {
	const m = rows.map((r) => [...r]);
	let r = 0;
	for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
		const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0n);
		if (pivot === -1) continue;
		[m[r], m[pivot]] = [m[pivot], m[r]];
		for (let i = 0; i < m.length; i++) {
			if (i === r || m[i][c] === 0n) continue;
			const [a, b] = [m[r][c], m[i][c]];
			m[i] = m[i].map((x, j) => x * a - m[r][j] * b);
		}
		r++;
	}
	return r;
}

function subsets(n: number, max: number): number[][] {
	const out: number[][] = [];
	const walk = (start: number, picked: number[]) => {
		if (picked.length > 0) out.push(picked);
		if (picked.length === max) return;
		for (let i = start; i < n; i++) walk(i + 1, [...picked, i]);
	};
	walk(0, []);
	return out;
}

/**
 * The attacker's view: one row per voter, one column per published sum (the total, then
 * each shown group). Some combination of published numbers equals a combination of the
 * ballots of at most 4 people S exactly when dropping S's rows lowers the rank.
 */
function isolatedByArithmetic(list: Voter[], shown: string[]): number[] | undefined {
	const rows = list.map((v) => [1n, ...shown.map((g) => (v.groups.includes(g) ? 1n : 0n))]);
	const full = rank(rows);
	return subsets(list.length, 4).find((s) => rank(rows.filter((_, i) => !s.includes(i))) < full);
}

/** The shown numbers, in a canonical order. */
const published = (list: Voter[]) =>
	JSON.stringify(
		groupBreakdown(list).groups.map((g) => [
			g.group,
			g.ballots,
			Object.entries(g.scores).sort(([a], [b]) => (a < b ? -1 : 1))
		])
	);

describe('group breakdown', () => {
	it('the issue: 5 women and one elder; the total minus "woman" would be his ballot', () => {
		const list: Voter[] = [
			...Array.from({ length: 5 }, () => ({ groups: ['woman'], scores: new Map([['P1', 1n]]) })),
			{ groups: ['elder'], scores: new Map([['P2', 1n]]) }
		];
		expect(groupBreakdown(list)).toEqual({ groups: [], hiddenGroups: 2 });
		const tenWithFiveOthers = [
			...list.slice(0, 5),
			...Array.from({ length: 5 }, () => ({ groups: [], scores: new Map([['P2', 1n]]) }))
		];
		expect(groupBreakdown(tenWithFiveOthers).groups).toEqual([{ group: 'woman', ballots: 5, scores: { P1: 5 } }]);
	});

	it('pairs: two large groups that share fewer than 5 voters are not both shown', () => {
		const member = (groups: string[]) => groups;
		// 6 women only, 6 elders only, 1 elder woman, 6 neither: cells 6, 6, 1, 6.
		const list = [
			...Array(6).fill(member(['woman'])),
			...Array(6).fill(member(['elder'])),
			member(['woman', 'elder']),
			...Array(6).fill(member([]))
		];
		expect(showableGroups(list)).toEqual(['elder']);
		// With 5 elder women the four cells are all 5 or more: both shown.
		const wide = [
			...Array(6).fill(member(['woman'])),
			...Array(6).fill(member(['elder'])),
			...Array(5).fill(member(['woman', 'elder'])),
			...Array(6).fill(member([]))
		];
		expect(showableGroups(wide).sort()).toEqual(['elder', 'woman']);
	});

	it('property: no combination of shown numbers singles out fewer than 5 people', () => {
		fc.assert(
			fc.property(voters, (list) => {
				const shown = groupBreakdown(list).groups.map((g) => g.group);
				// Fewer than 5 voters: the total itself says it all, and no group may add to it.
				if (list.length < 5) expect(shown).toEqual([]);
				else expect(isolatedByArithmetic(list, shown)).toBeUndefined();
			}),
			{ numRuns: 300 }
		);
	});

	it("property: each person's ballot could be any of at least 5, as far as the shown numbers go", () => {
		fc.assert(
			fc.property(voters, (list) => {
				const before = published(list);
				if (before === '[]') return; // only the total: nothing beyond any count
				list.forEach((_, v) => {
					// Swapping v's ballot with u's changes no shown number: u's ballot could be v's.
					const partners = list.filter((_, u) => {
						if (u === v) return false;
						const swapped = list.map((x, i) =>
							i === v ? { ...x, scores: list[u].scores } : i === u ? { ...x, scores: list[v].scores } : x
						);
						return published(swapped) === before;
					});
					expect(partners.length).toBeGreaterThanOrEqual(4);
				});
			}),
			{ numRuns: 200 }
		);
	});

	it('property: shown tallies are the sums of their members; hidden ones are only counted', () => {
		fc.assert(
			fc.property(voters, (list) => {
				const { groups, hiddenGroups } = groupBreakdown(list);
				for (const g of groups) {
					const members = list.filter((v) => v.groups.includes(g.group));
					expect(g.ballots).toBe(members.length);
					for (const id of PROPOSALS) expect(g.scores[id] ?? 0).toBe(members.filter((v) => v.scores.has(id)).length);
				}
				expect(groups.length + hiddenGroups).toBe(new Set(list.flatMap((v) => v.groups)).size);
			})
		);
	});

	it('results counted before the cell rule keep at most the largest group whose rest is 5 or more', () => {
		const old = {
			ballots: 16,
			groups: [
				{ group: 'woman', ballots: 10, scores: {} },
				{ group: 'elder', ballots: 6, scores: {} },
				{ group: 'youth', ballots: 12, scores: {} }
			],
			hiddenGroups: 1
		};
		expect(publicResult(old)).toMatchObject({ groups: [{ group: 'woman' }], hiddenGroups: 3 });
		const current = { ...old, breakdownRule: BREAKDOWN_RULE };
		expect(publicResult(current)).toBe(current);
	});
});
