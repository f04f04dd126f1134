/**
 * Zero-cost projects under every rule, with the outcomes worked out by hand below.
 * The semantics follow pabutools (docs/counting.md, "Zero-cost projects").
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Q } from './rational';
import { parsePabulib, toElection } from './pabulib';
import {
	greedy,
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
const load = (name: string) => toElection(parsePabulib(readFileSync(new URL(name, FIXTURES), 'utf8')));
const ours = (e: Election): TieBreak => ({
	order: ['cost', 'votes', 'lot'],
	lot: e.projects.map((p) => p.id).sort(naturalCompare)
});
const byId = (e: Election): TieBreak => ({ order: ['lot'], lot: e.projects.map((p) => p.id).sort(naturalCompare) });

/*
 * zero_cost_approval.pb: budget 100; Z 0, N 0, A 60, B 40, C 30; approval ballots
 *   1: Z,A   2: Z,A   3: Z,B   4: A,B   5: C          scores Z3 A3 B2 C1 N0
 *
 * Greedy (cost, votes, lot): Z and A tie at 3, the lower cost goes first: Z, A, B, C.
 *   Z fits (0), A fits (60), B fits (100), C does not (130). N has no vote. -> Z, A, B.
 * Top-2: Z, A (the tie at 3 goes to the lower cost).
 * MES (utility = cost): 5 voters, 20 each. Z's utility is its cost, 0, so MES leaves it
 *   (pabutools' cost satisfaction does the same). A: voters 1,2,4 hold 60 = cost, each
 *   pays 20 (r = 20/60 = 1/3). B: voters 3,4 hold 40, each pays 20 (r = 1/2). C: voter 5
 *   holds 20 < 30. A wins (1/3); 1,2,4 are empty. B: 20 + 0 < 40. C: 20 < 30. -> A.
 * Add1, step 5: A alone leaves 40, where B and C fit (Z and N do not count: zero cost).
 *   Share 25: A (each 20, r 1/3), then 1,2,4 keep 5; B: 25 + 5 < 40; C: 25 < 30 -> A.
 *   Share 30: A (r 1/3), then 1,2,4 keep 10; B: voter 4 pays all 10, voter 3 pays 30,
 *   r = 30/40 = 3/4; C: voter 5 pays 30, r = 1; B (3/4) then C (1): A,B,C = 130 > 100,
 *   so the share-25 outcome stays: A, after 2 reruns.
 *   Completion by votes (Z, A, B, C): Z fits (0), B fits (100), C does not -> A, Z, B.
 * Phragmén: loads 0. Z: (0 + 0)/3 = 0; A: 60/3 = 20; B: 40/2 = 20; C: 30. Z first,
 *   loads 1,2,3 stay 0. A: (60 + 0)/3 = 20 ties B: (40 + 0)/2 = 20; the lower cost, B,
 *   cost 40; loads 3,4 = 20. A: (60 + 0 + 0 + 20)/3 = 80/3 < C 30: A, cost 100. C: 130
 *   does not fit, stop. -> Z, B, A. By id (pabutools): A before B at 20; then B
 *   (40 + 20 + 0... voter 3: 0, voter 4: 20)/2 = 30 ties C at 30, B by id, cost 100 -> Z, A, B.
 */
describe('zero-cost projects, approval ballots (worked by hand above)', () => {
	const e = load('zero_cost_approval.pb');
	it('greedy selects the voted zero-cost project and never the unvoted one', () => {
		expect(greedy(e, ours(e)).selected).toEqual(['Z', 'A', 'B']);
	});
	it('top-k', () => {
		expect(topK(e, ours(e), 2).selected).toEqual(['Z', 'A']);
	});
	it('MES leaves a zero-cost project to completion when utilities are costs', () => {
		const outcome = mes(e, ours(e));
		expect(outcome.selected).toEqual(['A']);
		expect(outcome.rounds[0].rate.toString()).toBe('1/3');
	});
	it('Add1 does not run on for zero-cost projects; completion then adds Z', () => {
		const add1 = mesAdd1(e, ours(e), Q.of(5n));
		expect(add1.selected).toEqual(['A']);
		expect(add1.iterations).toBe(2);
		expect(mesCompleted(e, ours(e), Q.of(5n)).selected).toEqual(['A', 'Z', 'B']);
	});
	it('Phragmén picks the zero-cost project first', () => {
		expect(phragmen(e, ours(e)).selected).toEqual(['Z', 'B', 'A']);
		expect(phragmen(e, byId(e)).selected).toEqual(['Z', 'A', 'B']);
	});
});

/*
 * zero_cost_points.pb: budget 100; Z 0, A 60, B 40; cumulative points
 *   1: Z2 A1   2: A3   3: B2   4: Z1 B1          scores A4 Z3 B3
 *
 * Greedy: A (4), then Z and B tie at 3, the lower cost Z: A 60, Z 0, B 100 -> A, Z, B.
 * MES (utility = points): Z gives its supporters points, so it is selected before the first
 *   round, paid by nobody. 4 voters, 25 each. A: voters 1,2 hold 50 < 60. B: voters 3 (2),
 *   4 (1): r = 40/3 asks 80/3 > 25 of voter 3, who pays 25; then r = 15 for voter 4 (15
 *   <= 25). B, r = 15. A still 50 < 60. -> Z, B (cost 40).
 * Add1, step 5: left 60, A fits. Share 30: A: r = 60/4 = 15 asks 45 of voter 2, who pays
 *   30, then r = 30 for voter 1 (30 <= 30): A at 30. B: r = 40/3 (80/3 and 40/3, both
 *   <= 30). B first; voters 3, 4 keep 10/3 and 50/3; A unchanged at 30, selected.
 *   Z, B, A = 100, exhaustive after 1 rerun. Completion adds nothing.
 * Phragmén (points > 0 read as approval): Z: 0/2 = 0 first; B: 40/2 = 20 < A: 60/2 = 30;
 *   B, loads 3,4 = 20; A: (60 + 0 + 0)/2 = 30, cost 100 fits. -> Z, B, A.
 */
describe('zero-cost projects, cumulative points (worked by hand above)', () => {
	const e = load('zero_cost_points.pb');
	it('greedy', () => {
		expect(greedy(e, ours(e)).selected).toEqual(['A', 'Z', 'B']);
	});
	it('MES selects a zero-cost project with positive utility before the first round', () => {
		const outcome = mes(e, ours(e));
		expect(outcome.selected).toEqual(['Z', 'B']);
		expect(outcome.rounds.map((r) => [r.project, r.rate.toString()])).toEqual([['B', '15']]);
	});
	it('Add1 and completion', () => {
		const outcome = mesCompleted(e, ours(e), Q.of(5n));
		expect(outcome.selected).toEqual(['Z', 'B', 'A']);
		expect(outcome.iterations).toBe(1);
	});
	it('Phragmén', () => {
		expect(phragmen(e, ours(e)).selected).toEqual(['Z', 'B', 'A']);
	});
	it('an unvoted zero-cost project does not keep Add1 raising the share', () => {
		// Without N the count stops after 1 rerun (above); N fits any remainder but is completion's.
		const withFree = { ...e, projects: [...e.projects, { id: 'N', cost: 0n }] };
		expect(mesAdd1(withFree, ours(withFree), Q.of(5n)).iterations).toBe(1);
	});
});
