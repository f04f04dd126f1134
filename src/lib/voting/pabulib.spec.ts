import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatMoney, parsePabulib, toElection, writePabulib, PabulibError, type VoteType } from './pabulib';
import { costOf, greedy, mes, mesCompleted, naturalCompare, phragmen } from './rules';
import { Q } from './rational';

const FORMS = new URL('../../../tests/fixtures/pabulib-forms/', import.meta.url);
const read = (name: string) => parsePabulib(readFileSync(new URL(name, FORMS), 'utf8'));
const points = (vote: ReadonlyMap<string, bigint>) => Object.fromEntries([...vote].map(([k, v]) => [k, Number(v)]));
const lot = (ids: string[]) => ({ order: ['cost', 'votes', 'lot'] as const, lot: [...ids].sort(naturalCompare) });

describe('Pabulib reader: the forms real files take', () => {
	it('reads a byte-order mark and CRLF line ends like the plain file', () => {
		const plain = read('minimal.pb');
		const crlf = read('bom_crlf.pb');
		expect(crlf.meta).toEqual({ budget: '1000' });
		expect(crlf.projects).toEqual(plain.projects);
		expect(crlf.ballots).toEqual(plain.ballots);
	});

	it('reads META without its key;value line and PROJECTS with only id and cost', () => {
		const f = read('minimal.pb');
		expect(f.budget).toBe(1000n);
		expect(f.voteType).toBe('approval');
		expect(f.projects.map((p) => [p.id, p.cost, p.name])).toEqual([
			['p1', 600n, ''],
			['p2', 500n, ''],
			['p3', 400n, '']
		]);
		expect(f.votes.map(points)).toEqual([{ p1: 1, p2: 1 }, { p2: 1, p3: 1 }, { p2: 1 }]);
	});

	it('reads quoted fields holding separators, quotes and line breaks', () => {
		const f = read('quoted.pb');
		expect(f.meta.description).toBe('A description; with a separator and a "quote"');
		expect(f.projects.map((p) => p.name)).toEqual(['Jalan; lorong 3', 'Two\nlines', '"Quoted" name']);
		expect(f.projects[0].fields.category).toBe('roads,lighting');
		expect(f.ballots.map((b) => b.ids)).toEqual([['1', '2'], ['3']]);
	});

	it('reads decimal, comma-decimal and very large costs exactly', () => {
		const f = read('decimal_large.pb');
		expect(f.scale).toBe(100n);
		expect(f.budget).toBe(25_000_000_000_000_000_000_000_050n);
		expect(f.projects.map((p) => formatMoney(p.cost, f.scale))).toEqual([
			'100000000000000000000000.25',
			'150000000000000000000000',
			'0.25',
			'1.5'
		]);
		// Greedy: x and z have 2 votes (z is cheaper, first), then x; y no longer fits; w fits.
		expect(greedy(toElection(f), lot(['x', 'y', 'z', 'w'])).selected).toEqual(['z', 'x', 'w']);
	});

	it('reads an empty VOTES section, and a file without one, as no voters', () => {
		for (const name of ['empty_votes.pb', 'no_votes_section.pb']) {
			const f = read(name);
			expect(f.votes).toEqual([]);
			expect(greedy(toElection(f), lot(f.projects.map((p) => p.id))).selected).toEqual([]);
		}
	});

	it('reads ordinal votes as Borda points, L-j-1', () => {
		const f = read('ordinal.pb');
		expect(f.votes.map(points)).toEqual([
			{ A: 2, B: 1, C: 0 },
			{ A: 2, C: 1, B: 0 },
			{ B: 1, C: 0 },
			{ C: 2, B: 1, A: 0 },
			{ D: 1, C: 0 }
		]);
		expect(greedy(toElection(f), lot(['A', 'B', 'C', 'D'])).selected.sort()).toEqual(['A', 'C']);
	});

	it('reads scoring votes with decimal points (scaled to integers) and an empty ballot', () => {
		const f = read('scoring.pb');
		expect(f.voteType).toBe('scoring');
		expect(f.pointsScale).toBe(100n);
		expect(f.votes.map(points)).toEqual([{ a: 50, b: 200 }, { b: 125, c: 100 }, { a: 300 }, {}]);
		expect(toElection(f).utility).toBe('points');
	});

	it('skips comment lines and keeps unknown META keys and columns', () => {
		const f = read('comments_unknown.pb');
		expect(f.meta.comment).toBe('#1: a comment kept as META');
		expect(f.meta.unknown_key).toBe('kept');
		expect(f.projects.map((p) => p.id)).toEqual(['a', 'b']);
		expect(f.projects[0].fields).toMatchObject({ latitude: '51.1', target: 'seniors', selected: '1' });
		expect(f.ballots[0]).toMatchObject({
			voterId: '1',
			ids: ['a'],
			fields: { age: '34', sex: 'F', neighbourhood: 'north' }
		});
		expect(f.ballots[1].ids).toEqual(['a', 'b']);
	});

	it('reads choose-1 as approval, section names in any case, and repeated approvals once', () => {
		const f = parsePabulib(
			'meta\nbudget;5\nvote_type;choose-1\nProjects\nproject_id;cost\na;1\nVotes\nvoter_id;vote\n1;a,a\n'
		);
		expect(f.voteType).toBe('approval');
		expect(f.ballots[0].ids).toEqual(['a']);
	});
});

describe('every rule counts every form', () => {
	const forms = [
		'minimal.pb',
		'bom_crlf.pb',
		'quoted.pb',
		'decimal_large.pb',
		'empty_votes.pb',
		'no_votes_section.pb',
		'ordinal.pb',
		'scoring.pb',
		'comments_unknown.pb'
	];
	for (const name of forms) {
		it(name, () => {
			const f = read(name);
			const e = toElection(f);
			const tie = lot(f.projects.map((p) => p.id));
			for (const outcome of [greedy(e, tie), mes(e, tie), mesCompleted(e, tie, Q.of(f.scale)), phragmen(e, tie)]) {
				expect(costOf(e, outcome.selected)).toBeLessThanOrEqual(e.budget);
			}
		});
	}
});

describe('Pabulib reader: bad files are refused with the line', () => {
	const bad: [string, string, RegExp][] = [
		[
			'unknown project',
			'META\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n2;b\n',
			/^line 9: vote for unknown project b$/
		],
		[
			'a cost that is not a number',
			'META\nbudget;10\nPROJECTS\nproject_id;cost\na;five\n',
			/^line 5: not an amount: "five"$/
		],
		['a negative cost', 'META\nbudget;10\nPROJECTS\nproject_id;cost\na;-5\n', /^line 5: not an amount/],
		['a missing cost', 'META\nbudget;10\nPROJECTS\nproject_id;cost\na\n', /^line 5: project a has no cost$/],
		[
			'a project listed twice',
			'META\nbudget;10\nPROJECTS\nproject_id;cost\na;1\na;2\n',
			/^line 6: project a is listed twice$/
		],
		[
			'no cost column',
			'META\nbudget;10\nPROJECTS\nproject_id;price\na;1\n',
			/^line 4: PROJECTS needs the columns project_id and cost$/
		],
		['no budget', 'META\nkey;value\nPROJECTS\nproject_id;cost\na;1\n', /META has no budget/],
		[
			'an unknown vote type',
			'META\nbudget;10\nvote_type;quadratic\nPROJECTS\nproject_id;cost\na;1\n',
			/^line 3: unknown vote_type "quadratic"/
		],
		[
			'an unclosed quote',
			'META\nbudget;10\nPROJECTS\nproject_id;cost;name\na;1;"open\n',
			/^line 5: a quoted field is never closed$/
		],
		[
			'points that do not match',
			'META\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;1\nb;1\nVOTES\nvoter_id;vote;points\n1;a,b;3\n',
			/^line 10: 2 projects but 1 points$/
		],
		['rows before META', 'budget;10\nMETA\n', /^line 1: a Pabulib file starts with META/],
		['no PROJECTS', 'META\nbudget;10\n', /PROJECTS section is missing/]
	];
	for (const [what, text, message] of bad) {
		it(what, () => {
			expect(() => parsePabulib(text)).toThrow(PabulibError);
			expect(() => parsePabulib(text)).toThrow(message);
		});
	}
});

// Round trip: any instance the writer accepts reads back as the same instance.
const text = fc
	.string({ unit: fc.constantFrom('a', 'B', ' ', ';', '"', ',', '\n', 'é', '#', '7', '.'), maxLength: 12 })
	.map((s) => s.trim())
	.filter((s) => s.toLowerCase() !== 'none');
const idText = fc.string({
	unit: fc.constantFrom('p', 'Q', '1', '0', ';', '"', '-', '_', 'ä'),
	minLength: 1,
	maxLength: 5
});
const instance = fc
	.record({
		voteType: fc.constantFrom<VoteType>('approval', 'cumulative', 'scoring', 'ordinal'),
		ids: fc.uniqueArray(idText, { minLength: 1, maxLength: 6 }),
		costs: fc.array(fc.bigInt({ min: 0n, max: 10n ** 30n }), { minLength: 6, maxLength: 6 }),
		scale: fc.constantFrom(1n, 100n),
		budget: fc.bigInt({ min: 0n, max: 10n ** 31n }),
		names: fc.array(text, { minLength: 6, maxLength: 6 }),
		description: text,
		ballots: fc.array(fc.array(fc.tuple(fc.nat(5), fc.nat(1000)), { maxLength: 5 }), { maxLength: 6 })
	})
	.map((r) => ({
		voteType: r.voteType,
		scale: r.scale,
		meta: { description: r.description, budget: formatMoney(r.budget, r.scale) },
		projects: r.ids.map((id, i) => ({ id, cost: r.costs[i], name: r.names[i] })),
		ballots: r.ballots.map((b) => {
			const picks = [...new Map(b.filter(([i]) => i < r.ids.length).map(([i, pts]) => [r.ids[i], pts]))];
			return {
				ids: picks.map(([id]) => id),
				...(r.voteType === 'cumulative' || r.voteType === 'scoring' ? { points: picks.map(([, pts]) => pts) } : {})
			};
		})
	}));

describe('Pabulib writer and reader', () => {
	it('round-trips: writing an instance and reading it back gives the same instance', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const back = parsePabulib(writePabulib(input));
				expect(back.voteType).toBe(input.voteType);
				expect(back.meta).toEqual({
					...input.meta,
					num_projects: String(input.projects.length),
					num_votes: String(input.ballots.length),
					vote_type: input.voteType
				});
				expect(back.projects.map((p) => [p.id, formatMoney(p.cost, back.scale), p.name])).toEqual(
					input.projects.map((p) => [p.id, formatMoney(p.cost, input.scale), p.name])
				);
				expect(formatMoney(back.budget, back.scale)).toBe(input.meta.budget);
				expect(
					back.ballots.map((b) => ({ ids: b.ids, ...(b.points ? { points: b.points.map(Number) } : {}) }))
				).toEqual(input.ballots);
			}),
			{ numRuns: 300 }
		);
	});

	it('refuses to write a project id that votes could not list', () => {
		expect(() =>
			writePabulib({ meta: {}, projects: [{ id: 'a,b', cost: 1n, name: '' }], ballots: [], voteType: 'approval' })
		).toThrow(RangeError);
	});
});
