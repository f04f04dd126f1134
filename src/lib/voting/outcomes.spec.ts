import { describe, expect, it } from 'vitest';
import { countRound } from './count';
import { roundOutcomes } from './outcomes';

const proposals = [
	{ id: 'a', title: 'Lampu', cost: 30n },
	{ id: 'b', title: 'Taman', cost: 50n },
	{ id: 'c', title: 'Jembatan', cost: 90n },
	{ id: 'd', title: 'Sumur', cost: 10n }
];
const ballots = [
	['a', 'b', 'c'],
	['a', 'c'],
	['a', 'b']
].map((choices) => ({ choices, groups: [] }));
const base = {
	format: 'approval' as const,
	budget: 100n,
	topK: null,
	add1Step: null,
	lot: [],
	proposals,
	ballots,
	channels: { phone: ballots.length, assisted: 0, paper: 0 },
	groupsKnown: true,
	paperTotals: []
};

describe('why a proposal won or lost', () => {
	it('greedy: winners in rank order, then a proposal that no longer fits the pagu', () => {
		const rows = roundOutcomes(countRound({ ...base, rule: 'greedy' }), proposals.slice(0, 3));
		expect(rows.map((r) => [r.title, r.rank, r.votes, r.outcome])).toEqual([
			['Lampu', 1, 3, 'won'],
			['Taman', 2, 2, 'won'],
			['Jembatan', null, 2, 'over-budget']
		]);
	});

	it('top-k has no pagu to exceed: the others lacked support', () => {
		const rows = roundOutcomes(countRound({ ...base, rule: 'topk', topK: 1 }), proposals);
		expect(rows.map((r) => [r.title, r.outcome])).toEqual([
			['Lampu', 'won'],
			['Taman', 'not-enough-support'],
			['Jembatan', 'not-enough-support'],
			['Sumur', 'not-enough-support']
		]);
	});
});
