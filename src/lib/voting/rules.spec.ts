import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Q } from './rational';
import { parsePabulib, toElection } from './pabulib';
import {
	approvalVote,
	bordaVote,
	costOf,
	greedy,
	isExhaustive,
	mes,
	mesAdd1,
	mesCompleted,
	naturalCompare,
	phragmen,
	topK,
	type Election,
	type TieBreak
} from './rules';

const FIXTURES = new URL('../../../tests/fixtures/pabulib/', import.meta.url);
const load = (name: string) => parsePabulib(readFileSync(new URL(name, FIXTURES), 'utf8'));
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')).instances;
const sorted = (ids: string[]) => [...ids].sort(naturalCompare);
/** pabutools' default tie-breaking: by project id. */
const byId = (e: Election): TieBreak => ({ order: ['lot'], lot: e.projects.map((p) => p.id).sort(naturalCompare) });
const ours = (e: Election): TieBreak => ({
	order: ['cost', 'votes', 'lot'],
	lot: e.projects.map((p) => p.id).sort(naturalCompare)
});

describe('worked example: musrenbang_toy_tiebreak (docs/counting.md)', () => {
	const file = load('musrenbang_toy_tiebreak.pb');
	const e = toElection(file);
	it('greedy gives the majority everything', () => {
		expect(sorted(greedy(e, ours(e)).selected)).toEqual(['P1', 'P2']);
	});
	it('MES with lowest-cost tie-breaking picks P2 then P3, exhaustively', () => {
		const outcome = mes(e, ours(e));
		expect(outcome.selected).toEqual(['P2', 'P3']);
		expect(outcome.cost).toBe(70_000_000n);
		expect(isExhaustive(e, outcome.selected)).toBe(true);
		expect(outcome.ties).toEqual([{ winner: 'P2', over: 'P1', decidedBy: 'cost' }]);
		// Each voter's equal share is 10 jt; the majority paid 5 jt each for P2.
		expect(outcome.perVoter.toString()).toBe('10000000');
		expect([...outcome.rounds[0].payments.values()].map(String)).toEqual(Array(6).fill('5000000'));
	});
	it('MES by id picks P1 then P3', () => {
		expect(mes(e, byId(e)).selected).toEqual(['P1', 'P3']);
		expect(
			expected['musrenbang_toy_tiebreak.pb'].expected['mes_cost_sat (default lexicographic tie-breaking)']
		).toEqual(['P1', 'P3']);
	});
	it('Add1 with a 1,000,000 step keeps P1, P3 (by id)', () => {
		expect(sorted(mesAdd1(e, byId(e), Q.of(1_000_000n)).selected)).toEqual(['P1', 'P3']);
	});
	it('Phragmen picks P2, P3', () => {
		expect(phragmen(e, ours(e)).selected).toEqual(['P2', 'P3']);
	});
});

describe('Pabulib instances against pabutools (tie-breaking by id)', () => {
	const cases: [string, string, (e: Election) => string[]][] = [
		['greedy_cost_sat(by_approvals)', 'greedy', (e) => greedy(e, byId(e)).selected],
		['mes_cost_sat', 'mes', (e) => mes(e, byId(e)).selected],
		['mes_cost_sat_then_greedy', 'mes + greedy', (e) => greedy(e, byId(e), mes(e, byId(e)).selected).selected],
		['sequential_phragmen', 'phragmen', (e) => phragmen(e, byId(e)).selected]
	];
	for (const file of ['ls23_running_example.pb', 'pabutools_completion_example.pb', 'pabutools_appex2.pb']) {
		const e = toElection(load(file));
		for (const [key, label, run] of cases) {
			it(`${file}: ${label}`, () => {
				expect(sorted(run(e))).toEqual(expected[file].expected[key]);
			});
		}
		it(`${file}: MES iterated, voter budget +1/10`, () => {
			const pb = load(file);
			const step = Q.of(pb.scale, 10n);
			expect(sorted(mesAdd1(e, byId(e), step).selected)).toEqual(
				expected[file].expected['mes_cost_sat_iterated(voter_budget_increment=1/10)']
			);
		});
	}
});

describe('ranked ballots (Borda, L-j-1) and the worked example in docs/counting.md', () => {
	it('A4 B3 C3 D1, greedy picks A and C', () => {
		const e: Election = {
			projects: [
				{ id: 'A', cost: 40n },
				{ id: 'B', cost: 30n },
				{ id: 'C', cost: 20n },
				{ id: 'D', cost: 10n }
			],
			budget: 60n,
			votes: [
				['A', 'B', 'C'],
				['A', 'C', 'B'],
				['B', 'C'],
				['C', 'B', 'A'],
				['D', 'C']
			].map(bordaVote),
			utility: 'points'
		};
		expect(sorted(greedy(e, ours(e)).selected)).toEqual(['A', 'C']);
	});
});

describe('top-k', () => {
	it('takes the k with most votes, ignoring the budget', () => {
		const e = toElection(load('ls23_running_example.pb'));
		expect(topK(e, ours(e), 3).selected).toEqual(['a', 'b', 'c']);
	});
});

// Property tests on random small elections.
const election = fc
	.record({
		costs: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 7 }),
		budget: fc.integer({ min: 1, max: 120 }),
		ballots: fc.array(fc.array(fc.nat(6), { maxLength: 4 }), { minLength: 1, maxLength: 15 })
	})
	.map(({ costs, budget, ballots }): Election => {
		const projects = costs.map((c, i) => ({ id: `p${i + 1}`, cost: BigInt(c) }));
		return {
			projects,
			budget: BigInt(budget),
			votes: ballots.map((b) =>
				approvalVote([...new Set(b.filter((i) => i < projects.length).map((i) => `p${i + 1}`))])
			),
			utility: 'cost'
		};
	});

describe('properties', () => {
	it('no rule ever goes over budget', () => {
		fc.assert(
			fc.property(election, (e) => {
				const tie = ours(e);
				for (const outcome of [greedy(e, tie), mes(e, tie), mesCompleted(e, tie, Q.of(1n)), phragmen(e, tie)]) {
					expect(costOf(e, outcome.selected)).toBeLessThanOrEqual(e.budget);
					expect(new Set(outcome.selected).size).toBe(outcome.selected.length);
				}
			})
		);
	});

	it('a completed outcome is exhaustive (among projects someone voted for)', () => {
		fc.assert(
			fc.property(election, (e) => {
				const voted = new Set(e.votes.flatMap((v) => [...v.keys()]));
				const only = { ...e, projects: e.projects.filter((p) => voted.has(p.id)) };
				expect(isExhaustive(only, greedy(only, ours(only)).selected)).toBe(true);
				expect(isExhaustive(only, mesCompleted(only, ours(only), Q.of(1n)).selected)).toBe(true);
			})
		);
	});

	it('does not depend on the order of ballots', () => {
		fc.assert(
			fc.property(election, fc.infiniteStream(fc.nat()), (e, randoms) => {
				const shuffled = [...e.votes];
				for (let i = shuffled.length - 1; i > 0; i--) {
					const j = randoms.next().value % (i + 1);
					[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
				}
				const other = { ...e, votes: shuffled };
				const tie = ours(e);
				expect(mes(other, tie).selected).toEqual(mes(e, tie).selected);
				expect(greedy(other, tie).selected).toEqual(greedy(e, tie).selected);
				expect(phragmen(other, tie).selected).toEqual(phragmen(e, tie).selected);
			})
		);
	});

	it('is deterministic for a given lot', () => {
		fc.assert(
			fc.property(election, (e) => {
				const lot = [...e.projects].reverse().map((p) => p.id);
				const tie: TieBreak = { order: ['cost', 'votes', 'lot'], lot };
				expect(mesCompleted(e, tie, Q.of(1n)).selected).toEqual(mesCompleted(e, tie, Q.of(1n)).selected);
			})
		);
	});
});
