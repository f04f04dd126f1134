import { describe, expect, it } from 'vitest';
import { countRound } from './count';
import { outcomeRows, reasonOf } from './outcome-rows';

const proposals = [
	{ id: 'a', title: 'Lampu jalan', cost: 80n },
	{ id: 'b', title: 'Posyandu remaja', cost: 30n },
	{ id: 'c', title: 'Taman baca', cost: 60n },
	{ id: 'd', title: 'Sumur', cost: 10n }
];
const ballots = [
	['a', 'b'],
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

describe('outcome rows for phones and the projector', () => {
	it('list every proposal with votes, cost as text and outcome', () => {
		const rows = outcomeRows(countRound({ ...base, rule: 'greedy' }), proposals);
		expect(rows).toEqual([
			{ id: 'a', title: 'Lampu jalan', cost: '80', votes: 3, rank: 1, outcome: 'won' },
			{ id: 'b', title: 'Posyandu remaja', cost: '30', votes: 2, rank: null, outcome: 'over-budget' },
			{ id: 'c', title: 'Taman baca', cost: '60', votes: 1, rank: null, outcome: 'over-budget' },
			{ id: 'd', title: 'Sumur', cost: '10', votes: 0, rank: null, outcome: 'not-enough-support' }
		]);
	});

	it('give the reason in plain terms: pagu, support, or MES shares', () => {
		expect(reasonOf('won', 'mes', 3)).toBe('won');
		expect(reasonOf('over-budget', 'mes', 2)).toBe('over-budget');
		expect(reasonOf('not-enough-support', 'mes', 2)).toBe('mes-share');
		// Nobody voted for it: that is not an exhausted share.
		expect(reasonOf('not-enough-support', 'mes', 0)).toBe('less-support');
		expect(reasonOf('not-enough-support', 'greedy', 2)).toBe('less-support');
		expect(reasonOf('not-enough-support', 'topk', 2)).toBe('less-support');
	});
});
