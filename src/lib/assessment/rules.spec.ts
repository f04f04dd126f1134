import { describe, expect, it } from 'vitest';
import { evidenceLinks, gapRows, MIN_CELL, shownReasons, sideResult } from './rules';

const many = (indicatorId: string, side: 'community' | 'provider', scores: number[]) =>
	scores.map((score) => ({ indicatorId, side, score }));

describe('score-card sides', () => {
	it('hides a side with fewer than 5 scorers and shows its mean from 5', () => {
		expect(MIN_CELL).toBe(5);
		expect(sideResult([5, 5, 5, 5])).toEqual({ scorers: 4, mean: null });
		expect(sideResult([1, 2, 3, 4, 5])).toEqual({ scorers: 5, mean: 3 });
		expect(sideResult([1, 2, 2, 2, 2, 2])).toEqual({ scorers: 6, mean: 1.83 });
	});

	it('shows reasons only for a shown side, in an order that says nothing of who came first', () => {
		expect(shownReasons(['b', 'a'], { scorers: 2, mean: null })).toEqual([]);
		expect(shownReasons(['zebra', '', 'apel', 'mangga', 'x', 'y'], { scorers: 6, mean: 3 })).toEqual([
			'apel',
			'mangga',
			'x',
			'y',
			'zebra'
		]);
	});
});

describe('gaps', () => {
	const indicators = [
		{ id: 'a', text: 'Petugas ramah' },
		{ id: 'b', text: 'Waktu tunggu' },
		{ id: 'c', text: 'Informasi jelas' },
		{ id: 'd', text: 'Ruang aman' }
	];

	it('computes provider minus community per indicator and sorts by the size of the gap', () => {
		const scores = [
			...many('a', 'community', [4, 4, 4, 4, 4]),
			...many('a', 'provider', [5, 5, 4, 4, 4]), // gap 0.4
			...many('b', 'community', [1, 2, 1, 2, 1]),
			...many('b', 'provider', [4, 4, 4, 5, 5]), // gap 3
			...many('c', 'community', [5, 5, 5, 5, 5]),
			...many('c', 'provider', [3, 3, 3, 3, 3]) // gap -2 (providers lower)
		];
		const rows = gapRows(indicators, scores);
		expect(rows.map((r) => [r.indicatorId, r.gap])).toEqual([
			['b', 3],
			['c', -2],
			['a', 0.4],
			['d', null]
		]);
		expect(rows[0].community).toEqual({ scorers: 5, mean: 1.4 });
		expect(rows[0].provider).toEqual({ scorers: 5, mean: 4.4 });
	});

	it('never shows a gap or a mean of a side under 5, and puts those indicators last in their order', () => {
		const scores = [
			...many('a', 'community', [1, 1, 1, 1]), // 4: hidden
			...many('a', 'provider', [5, 5, 5, 5, 5]),
			...many('b', 'community', [2, 2, 2, 2, 2]),
			...many('b', 'provider', [3, 3, 3, 3]), // 4: hidden
			...many('c', 'community', [1, 1, 1, 1, 1]),
			...many('c', 'provider', [2, 2, 2, 2, 2])
		];
		const rows = gapRows(indicators, scores);
		expect(rows.map((r) => r.indicatorId)).toEqual(['c', 'a', 'b', 'd']);
		const a = rows.find((r) => r.indicatorId === 'a')!;
		expect(a).toMatchObject({ community: { scorers: 4, mean: null }, provider: { scorers: 5, mean: 5 }, gap: null });
		const b = rows.find((r) => r.indicatorId === 'b')!;
		expect(b).toMatchObject({ community: { scorers: 5, mean: 2 }, provider: { scorers: 4, mean: null }, gap: null });
		// Nothing published combines the sides, so no subtraction recovers the hidden one.
		for (const row of rows)
			expect(Object.keys(row).sort()).toEqual(['community', 'gap', 'indicatorId', 'provider', 'text']);
	});
});

describe('evidence links', () => {
	it('takes up to five http(s) links and refuses anything else', () => {
		expect(evidenceLinks('')).toEqual([]);
		expect(evidenceLinks(' https://a.id/x  http://b.id ')).toEqual(['https://a.id/x', 'http://b.id/']);
		expect(evidenceLinks('javascript:alert(1)')).toBeNull();
		expect(evidenceLinks('not a link')).toBeNull();
		expect(evidenceLinks(Array.from({ length: 6 }, (_, i) => `https://a.id/${i}`).join(' '))).toBeNull();
	});
});
