import { describe, expect, it } from 'vitest';
import {
	aggregatePulse,
	checkScores,
	currentVersion,
	isChange,
	nextVersion,
	pledgeLine,
	pulseTrend,
	swadayaSource
} from './rules';

const S = ['a', 'b'];
const answer = (groups: string[], a: number, b: number) => ({ groups, scores: { a, b } });

describe('agreement versions', () => {
	it('numbers versions from 1 and finds the one in force', () => {
		expect(nextVersion([])).toBe(1);
		expect(nextVersion([{ version: 1 }, { version: 3 }, { version: 2 }])).toBe(4);
		expect(currentVersion([{ version: 1 }, { version: 3 }, { version: 2 }])).toEqual({ version: 3 });
		expect(currentVersion([])).toBeNull();
	});
	it('an edit that changes nothing is not a new version', () => {
		expect(isChange(null, { title: 'x', body: 'y' })).toBe(true);
		expect(isChange({ title: 'x', body: 'y' }, { title: ' x ', body: 'y' })).toBe(false);
		expect(isChange({ title: 'x', body: 'y' }, { title: 'x', body: 'z' })).toBe(true);
	});
});

describe('trust pulse scores', () => {
	it('accepts exactly the statements, each 1..5', () => {
		expect(checkScores(S, { a: '1', b: 5 })).toEqual({ a: 1, b: 5 });
		expect(checkScores(S, { a: 1 })).toBeNull();
		expect(checkScores(S, { a: 1, b: 6 })).toBeNull();
		expect(checkScores(S, { a: 1, b: 2.5 })).toBeNull();
		expect(checkScores(S, { a: 1, b: 2, c: 3 })).toBeNull();
		expect(checkScores(S, [1, 2])).toBeNull();
		expect(checkScores(S, null)).toBeNull();
	});
});

describe('trust pulse aggregation', () => {
	it('hides everything but the count below 5 respondents', () => {
		const r = aggregatePulse(S, [answer(['woman'], 1, 1), answer([], 5, 5), answer([], 3, 3), answer([], 2, 2)]);
		expect(r).toMatchObject({ respondents: 4, suppressed: true, statements: [], groups: [], hiddenGroups: 1 });
	});

	it('gives means and the distribution per statement', () => {
		const r = aggregatePulse(
			S,
			[1, 2, 3, 4, 5].map((v) => answer([], v, 5))
		);
		expect(r.suppressed).toBe(false);
		expect(r.statements[0]).toEqual({ statement: 'a', n: 5, mean: 3, counts: [1, 1, 1, 1, 1] });
		expect(r.statements[1]).toEqual({ statement: 'b', n: 5, mean: 5, counts: [0, 0, 0, 0, 5] });
	});

	it('hides a group of fewer than 5', () => {
		const answers = [
			...Array.from({ length: 4 }, () => answer(['woman'], 1, 1)),
			...Array.from({ length: 6 }, () => answer([], 5, 5))
		];
		const r = aggregatePulse(S, answers);
		expect(r.groups).toEqual([]);
		expect(r.hiddenGroups).toBe(1);
	});

	it('hides a group whose complement is fewer than 5 (no subtraction from the total)', () => {
		// 6 women and 1 man: "total minus women" would be the man's answers.
		const answers = [...Array.from({ length: 6 }, () => answer(['woman'], 4, 4)), answer([], 1, 1)];
		const r = aggregatePulse(S, answers);
		expect(r.suppressed).toBe(false);
		expect(r.groups).toEqual([]);
	});

	it('shows a group when every cell holds 5, and no published combination isolates fewer than 5', () => {
		// 5 women-elders, 5 women only, 5 elders only, 5 neither; plus one lonely youth.
		const answers = [
			...Array.from({ length: 5 }, (_, i) => answer(['woman', 'elder'], 1 + (i % 2), 2)),
			...Array.from({ length: 5 }, () => answer(['woman'], 3, 3)),
			...Array.from({ length: 5 }, () => answer(['elder'], 4, 4)),
			...Array.from({ length: 4 }, () => answer([], 5, 5)),
			answer(['youth'], 1, 1)
		];
		const r = aggregatePulse(S, answers);
		const shown = r.groups.map((g) => g.group).sort();
		expect(shown).toEqual(['elder', 'woman']);
		expect(r.hiddenGroups).toBe(1);
		// Every published sum is over whole cells: respondents(total) - woman - elder + both is the "neither" cell (5).
		const woman = r.groups.find((g) => g.group === 'woman')!;
		const elder = r.groups.find((g) => g.group === 'elder')!;
		expect(woman.respondents).toBe(10);
		expect(elder.respondents).toBe(10);
		expect(r.respondents - woman.respondents).toBeGreaterThanOrEqual(5);
		expect(r.respondents - elder.respondents).toBeGreaterThanOrEqual(5);
		expect(woman.means.b).toBe(2.5);
	});
});

describe('pulse trend', () => {
	it('orders workshops by date and leaves suppressed phases empty', () => {
		const full = aggregatePulse(
			S,
			[1, 2, 3, 4, 5].map((v) => answer([], v, v))
		);
		const few = aggregatePulse(S, [answer([], 1, 1)]);
		const trend = pulseTrend([
			{ workshopId: 'w2', title: 'Two', date: '2027-02-01', phase: 'start', result: full },
			{ workshopId: 'w1', title: 'One', date: '2027-01-01', phase: 'start', result: few },
			{ workshopId: 'w1', title: 'One', date: '2027-01-01', phase: 'end', result: full }
		]);
		expect(trend.map((t) => t.workshopId)).toEqual(['w1', 'w2']);
		expect(trend[0]).toMatchObject({ start: null, end: { a: 3, b: 3 } });
		expect(trend[1]).toMatchObject({ start: { a: 3 }, end: null });
	});
});

describe('asset pledges', () => {
	it('become swadaya money, labour or materials', () => {
		expect(swadayaSource('money')).toBe('swadaya-money');
		expect(swadayaSource('time')).toBe('swadaya-labour');
		expect(swadayaSource('skills')).toBe('swadaya-labour');
		expect(swadayaSource('places')).toBe('swadaya-materials');
		expect(swadayaSource('materials')).toBe('swadaya-materials');
		expect(pledgeLine({ kind: 'money', description: 'Iuran', quantity: '', amount: 250000n })).toEqual({
			source: 'swadaya-money',
			amount: 250000n,
			inKind: ''
		});
		expect(pledgeLine({ kind: 'time', description: 'Kerja bakti', quantity: '10 orang', amount: null })).toEqual({
			source: 'swadaya-labour',
			amount: null,
			inKind: 'Kerja bakti — 10 orang'
		});
	});
});
