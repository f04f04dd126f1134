import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Q } from '../voting/rational';
import {
	categoryOf,
	countIkm,
	decimal,
	KREJCIE_MORGAN,
	krejcieMorganFormula,
	minimumSample,
	report,
	roundHalfUp,
	weakestElement,
	type Answers
} from './ikm';

/** `respondents` responses whose answers to element i add up to sums[i] (each answer 1..4). */
function responsesWithSums(respondents: number, sums: number[]): Answers[] {
	const rows = Array.from({ length: respondents }, () => Array<number>(9).fill(1));
	sums.forEach((sum, i) => {
		let left = sum - respondents;
		for (const row of rows) {
			const extra = Math.min(3, left);
			row[i] += extra;
			left -= extra;
		}
		if (left !== 0) throw new Error('sum out of reach');
	});
	return rows;
}

const dec = (s: string) => {
	const [whole, frac = ''] = s.split('.');
	return Q.of(BigInt(whole + frac), 10n ** BigInt(frac.length));
};

describe('the IKM (PermenPAN-RB 14/2017)', () => {
	it('the worked example: NRR 3.45 … 3.35 → SKM 3.45 → IKM 86.25 → B', () => {
		const nrr = ['3.45', '3.50', '3.20', '3.90', '3.40', '3.55', '3.60', '3.10', '3.35'];
		// Twenty respondents make every NRR a multiple of 0.05.
		const responses = responsesWithSums(
			20,
			nrr.map((v) => Number(dec(v).mulInt(20n).toString()))
		);
		const result = report(countIkm(responses));
		expect(result.elements.map((e) => e.nrr)).toEqual([
			'3.45',
			'3.5',
			'3.2',
			'3.9',
			'3.4',
			'3.55',
			'3.6',
			'3.1',
			'3.35'
		]);
		expect(result.skm).toBe('3.45');
		expect(result.ikm).toBe('86.25');
		expect(result.category).toBe('B');
		expect(result.elements[7]).toEqual({ element: 8, nrr: '3.1', index: '77.50' });
		expect(weakestElement(countIkm(responses))?.element).toBe(8);
	});

	it('hand example 2: three respondents, one skipped question, repeating decimals → 81.94 B, weakest U8', () => {
		const responses: Answers[] = [
			[4, 4, 4, 4, 4, 4, 4, 4, 4],
			[3, 3, 3, 3, 3, 3, 3, 3, 3],
			[3, 2, null, 4, 3, 3, 2, 1, 4]
		];
		const count = countIkm(responses);
		expect(count.skm!.toString()).toBe('59/18'); // 29.5 / 9
		expect(count.ikm!.toString()).toBe('1475/18'); // 81.9444…
		expect(report(count)).toEqual({
			respondents: 3,
			elements: [
				{ element: 1, nrr: '3.3333', index: '83.33' },
				{ element: 2, nrr: '3', index: '75.00' },
				{ element: 3, nrr: '3.5', index: '87.50' },
				{ element: 4, nrr: '3.6667', index: '91.67' },
				{ element: 5, nrr: '3.3333', index: '83.33' },
				{ element: 6, nrr: '3.3333', index: '83.33' },
				{ element: 7, nrr: '3', index: '75.00' },
				{ element: 8, nrr: '2.6667', index: '66.67' },
				{ element: 9, nrr: '3.6667', index: '91.67' }
			],
			skm: '3.2778',
			ikm: '81.94',
			category: 'B'
		});
		expect(weakestElement(count)).toMatchObject({ element: 8, answers: 3 });
	});

	it('hand example 3, exactly on a band edge: five respondents answering 3,3,3,2,2 everywhere → 65.00 C', () => {
		const responses: Answers[] = [3, 3, 3, 2, 2].map((a) => Array(9).fill(a));
		const result = report(countIkm(responses));
		expect(result).toMatchObject({ skm: '2.6', ikm: '65.00', category: 'C' });
		// One answer lower (U1 of the last respondent 2 → 1): 64.44 → D.
		const lower = responses.map((r, i) => (i === 4 ? [1, ...r.slice(1)] : r));
		expect(report(countIkm(lower))).toMatchObject({ ikm: '64.44', category: 'D' });
	});

	it('the extremes: all 1 → 25.00 D, all 4 → 100.00 A', () => {
		expect(report(countIkm([Array(9).fill(1)]))).toMatchObject({ ikm: '25.00', category: 'D' });
		expect(report(countIkm([Array(9).fill(4)]))).toMatchObject({ ikm: '100.00', category: 'A' });
	});

	it('no IKM while an element has no answer, and none without respondents', () => {
		expect(report(countIkm([]))).toMatchObject({ respondents: 0, skm: null, ikm: null, category: null });
		const gap = report(countIkm([[4, 4, 4, 4, 4, 4, 4, 4, null]]));
		expect(gap).toMatchObject({ respondents: 1, ikm: null, category: null });
		expect(gap.elements[8]).toEqual({ element: 9, nrr: null, index: null });
	});

	it('refuses answers outside 1-4 and responses without nine answers', () => {
		expect(() => countIkm([[5, 4, 4, 4, 4, 4, 4, 4, 4]])).toThrow(RangeError);
		expect(() => countIkm([[0, 4, 4, 4, 4, 4, 4, 4, 4]])).toThrow(RangeError);
		expect(() => countIkm([[4, 4, 4]])).toThrow(RangeError);
	});
});

describe('categories: the index is rounded to 2 decimals first, then the band is read', () => {
	it.each([
		['25.00', 'D'],
		['64.99', 'D'],
		['64.994', 'D'],
		['64.995', 'C'],
		['65.00', 'C'],
		['76.60', 'C'],
		['76.604', 'C'],
		['76.605', 'B'],
		['76.61', 'B'],
		['88.30', 'B'],
		['88.304', 'B'],
		['88.305', 'A'],
		['88.31', 'A'],
		['100.00', 'A']
	])('%s → %s', (index, category) => {
		expect(categoryOf(dec(index))).toBe(category);
	});

	it('rounds half up', () => {
		expect(roundHalfUp(dec('64.995'), 2)).toBe('65.00');
		expect(roundHalfUp(dec('64.994999'), 2)).toBe('64.99');
		expect(roundHalfUp(Q.of(1, 3), 2)).toBe('0.33');
		expect(roundHalfUp(Q.of(2, 3), 2)).toBe('0.67');
		expect(roundHalfUp(Q.of(100), 2)).toBe('100.00');
		expect(decimal(Q.of(7, 2))).toBe('3.5');
		expect(decimal(Q.of(3))).toBe('3');
		expect(decimal(Q.of(59, 18))).toBe('3.2778');
		expect(decimal(Q.of(99999, 100000))).toBe('1');
	});
});

describe('sample guidance (Krejcie & Morgan 1970)', () => {
	it('gives the published table rows', () => {
		const rows: [number, number][] = [
			[10, 10],
			[50, 44],
			[100, 80],
			[200, 132],
			[500, 217],
			[1000, 278],
			[5000, 357],
			[10000, 370],
			[100000, 384]
		];
		for (const [n, s] of rows) expect(minimumSample(n), `N = ${n}`).toBe(s);
	});

	it('the formula rounded up is the table or one more (the table rounds to nearest), below its last row', () => {
		for (const [n, s] of KREJCIE_MORGAN.slice(0, -1)) {
			const f = krejcieMorganFormula(n);
			expect(f - s, `N = ${n}`).toBeGreaterThanOrEqual(0);
			expect(f - s, `N = ${n}`).toBeLessThanOrEqual(1);
		}
		expect(krejcieMorganFormula(10)).toBe(10);
		expect(krejcieMorganFormula(100)).toBe(80);
		expect(krejcieMorganFormula(50)).toBe(45);
		expect(krejcieMorganFormula(100000)).toBe(383);
	});

	it('between rows the line is rounded up; never above the population; 384 beyond the table', () => {
		expect(minimumSample(1)).toBe(1);
		expect(minimumSample(7)).toBe(7);
		expect(minimumSample(12)).toBe(12); // 10 + 4·2/5 = 11.6 → 12
		expect(minimumSample(105)).toBe(83); // 80 + 6·5/10 = 83
		expect(minimumSample(150_000)).toBe(384);
		expect(() => minimumSample(0)).toThrow(RangeError);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 200_000 }), (n) => {
				const s = minimumSample(n);
				expect(s).toBeGreaterThanOrEqual(1);
				expect(s).toBeLessThanOrEqual(Math.min(n, 384));
				expect(minimumSample(n + 1)).toBeGreaterThanOrEqual(s);
			})
		);
	});
});

describe('properties', () => {
	const answer = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 6 });
	const response = fc.array(answer, { minLength: 9, maxLength: 9 });

	it('the index stays within 25-100 and the category matches it', () => {
		fc.assert(
			fc.property(fc.array(response, { minLength: 1, maxLength: 40 }), (responses) => {
				const count = countIkm(responses);
				if (!count.ikm) return;
				expect(count.ikm.cmp(Q.of(25))).toBeGreaterThanOrEqual(0);
				expect(count.ikm.cmp(Q.of(100))).toBeLessThanOrEqual(0);
				const r = report(count);
				expect(Number(r.ikm)).toBeGreaterThanOrEqual(25);
				expect(Number(r.ikm)).toBeLessThanOrEqual(100);
				for (const e of r.elements) if (e.index) expect(Number(e.index)).toBeGreaterThanOrEqual(25);
			})
		);
	});

	it('does not depend on the order of responses', () => {
		fc.assert(
			fc.property(
				fc
					.array(response, { minLength: 1, maxLength: 30 })
					.chain((rs) =>
						fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))
					),
				([responses, shuffled]) => {
					expect(report(countIkm(shuffled))).toEqual(report(countIkm(responses)));
				}
			)
		);
	});

	it('the IKM is the mean of the element indices', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), {
					minLength: 1,
					maxLength: 20
				}),
				(responses) => {
					const count = countIkm(responses);
					const mean = count.elements.reduce((s, e) => s.add(e.nrr!.mulInt(25n)), Q.ZERO).div(Q.of(9));
					expect(count.ikm!.cmp(mean)).toBe(0);
				}
			)
		);
	});
});

describe('the ikm CLI', { timeout: 30_000 }, () => {
	const root = new URL('../../../', import.meta.url).pathname;
	const fixtures = join(root, 'tests', 'fixtures', 'ikm');
	const cli = (...args: string[]) =>
		spawnSync(process.execPath, ['src/lib/satisfaction/ikm-cli.ts', ...args], { cwd: root, encoding: 'utf8' });

	it('prints the result as JSON', () => {
		const out = execFileSync(
			process.execPath,
			['src/lib/satisfaction/ikm-cli.ts', join(fixtures, 'three-respondents.csv')],
			{
				cwd: root,
				encoding: 'utf8'
			}
		);
		expect(JSON.parse(out)).toEqual(
			report(
				countIkm([
					[4, 4, 4, 4, 4, 4, 4, 4, 4],
					[3, 3, 3, 3, 3, 3, 3, 3, 3],
					[3, 2, null, 4, 3, 3, 2, 1, 4]
				])
			)
		);
		expect(JSON.parse(out)).toMatchObject({ respondents: 3, skm: '3.2778', ikm: '81.94', category: 'B' });
		expect(JSON.parse(cli(join(fixtures, 'band-edge-65.csv')).stdout)).toMatchObject({
			respondents: 5,
			ikm: '65.00',
			category: 'C',
			elements: expect.arrayContaining([{ element: 1, nrr: '2.6', index: '65.00' }])
		});
	});

	it('refuses bad input with a message and exit code 1', () => {
		const missing = cli(join(fixtures, 'no-such-file.csv'));
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('Cannot read');
		const noFile = cli();
		expect(noFile.status).toBe(1);
		expect(noFile.stderr).toContain('Which file?');
		const bad = cli(join(fixtures, 'bad-answer.csv'));
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('line 3: u4 is "5"');
		const header = cli(join(fixtures, 'bad-header.csv'));
		expect(header.status).toBe(1);
		expect(header.stderr).toContain('no column u9');
	});
});
