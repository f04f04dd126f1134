/**
 * The fast rules (class budgets on a common denominator, cached rates, the Phragmén heap)
 * must pick exactly what the straightforward implementation picked: same winners, same
 * order, same rates and payments, on random elections of every kind.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Q } from './rational';
import { mes, mesAdd1, mesCompleted, phragmen, type Election, type TieBreak, type TieKey } from './rules';
import * as v1 from '../../../tests/oracle/rules-v1';

const arbitraryElection = (maxVoters: number, maxProjects: number) =>
	fc
		.record({
			utility: fc.constantFrom<'cost' | 'points'>('cost', 'points'),
			costs: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })), {
				minLength: 1,
				maxLength: maxProjects
			}),
			budget: fc.integer({ min: 1, max: 150 }),
			ballots: fc.array(fc.array(fc.tuple(fc.nat(maxProjects - 1), fc.integer({ min: 1, max: 4 })), { maxLength: 5 }), {
				minLength: 1,
				maxLength: maxVoters
			}),
			order: fc.shuffledSubarray<TieKey>(['cost', 'votes', 'lot'], { minLength: 1 }),
			lotSeed: fc.nat()
		})
		.map(({ utility, costs, budget, ballots, order, lotSeed }) => {
			const projects = costs.map((c, i) => ({ id: `p${i + 1}`, cost: BigInt(c) }));
			const e: Election = {
				projects,
				budget: BigInt(budget),
				votes: ballots.map(
					(b) =>
						new Map(
							b
								.filter(([i]) => i < projects.length)
								.map(([i, pts]) => [`p${i + 1}`, utility === 'cost' ? 1n : BigInt(pts)])
						)
				),
				utility
			};
			const lot = projects.map((p) => p.id);
			for (let i = lot.length - 1, s = lotSeed; i > 0; i--, s = (s * 31 + 7) % 100003) {
				const j = s % (i + 1);
				[lot[i], lot[j]] = [lot[j], lot[i]];
			}
			const tie: TieBreak = { order, lot };
			return { e, tie };
		});

const paymentsOf = (rounds: { project: string; rate: Q; payments: Map<number, Q> }[]) =>
	rounds.map((r) => [
		r.project,
		r.rate.toString(),
		[...r.payments].sort(([a], [b]) => a - b).map(([v, q]) => `${v}:${q}`)
	]);

describe('fast rules = the straightforward ones', () => {
	it('MES: same winners, rates and payments, at B/n and at a raised share', () => {
		fc.assert(
			fc.property(
				arbitraryElection(15, 7),
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 1, max: 7 }),
				({ e, tie }, num, den) => {
					const fast = mes(e, tie);
					const slow = v1.mes(e, tie);
					expect(fast.selected).toEqual(slow.selected);
					expect(paymentsOf(fast.rounds)).toEqual(paymentsOf(slow.rounds));
					const share = Q.of(num, den);
					expect(mes(e, tie, share).selected).toEqual(v1.mes(e, tie, share).selected);
				}
			),
			{ numRuns: 400 }
		);
	});

	it('MES + Add1 + completion: same winners and reruns, whole and fractional steps', () => {
		fc.assert(
			fc.property(
				arbitraryElection(15, 7),
				fc.constantFrom(Q.of(1n), Q.of(1n, 3n), Q.of(5n, 2n)),
				({ e, tie }, step) => {
					const fast = mesAdd1(e, tie, step);
					const slow = v1.mesAdd1(e, tie, step);
					expect([fast.selected, fast.iterations]).toEqual([slow.selected, slow.iterations]);
					expect(mesCompleted(e, tie, step).selected).toEqual(v1.mesCompleted(e, tie, step).selected);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('Phragmén: same winners in the same order', () => {
		fc.assert(
			fc.property(arbitraryElection(20, 8), ({ e, tie }) => {
				expect(phragmen(e, tie).selected).toEqual(v1.phragmen(e, tie).selected);
			}),
			{ numRuns: 400 }
		);
	});

	it('larger elections: MES + Add1 and Phragmén agree', () => {
		fc.assert(
			fc.property(arbitraryElection(120, 12), ({ e, tie }) => {
				expect(mesCompleted(e, tie, Q.of(1n)).selected).toEqual(v1.mesCompleted(e, tie, Q.of(1n)).selected);
				expect(phragmen(e, tie).selected).toEqual(v1.phragmen(e, tie).selected);
			}),
			{ numRuns: 40 }
		);
	});
});
