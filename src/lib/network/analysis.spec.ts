import { describe, expect, it } from 'vitest';
import {
	analyse,
	betweenness,
	bridging,
	buildGraph,
	changeBetween,
	communities,
	layout,
	withoutTieTo,
	type Edge
} from './analysis';

const edges = (...pairs: string[]): Edge[] =>
	pairs.map((p) => {
		const [source, target] = p.split('-');
		return { source, target };
	});
const byNode = (e: Edge[]) => Object.fromEntries(analyse([], e).nodes.map((n) => [n.id, n.betweenness]));

describe('betweenness (normalised like NetworkX for undirected graphs)', () => {
	it('a path a-b-c-d: the inner nodes 2/3, the ends 0', () => {
		// n = 4, so each node is compared with (n-1)(n-2)/2 = 3 pairs of other nodes.
		// b lies on the only shortest path of a-c and a-d (not c-d): 2/3. Likewise c (a-d, b-d).
		const b = betweenness(buildGraph([], edges('a-b', 'b-c', 'c-d')));
		expect(b.a).toBe(0);
		expect(b.d).toBe(0);
		expect(b.b).toBeCloseTo(2 / 3, 12);
		expect(b.c).toBeCloseTo(2 / 3, 12);
	});

	it('a star: the centre 1, the leaves 0', () => {
		// Centre with 4 leaves: n = 5, 6 pairs of leaves, every one passes through the centre.
		const b = byNode(edges('o-p', 'o-q', 'o-r', 'o-s'));
		expect(b).toEqual({ o: 1, p: 0, q: 0, r: 0, s: 0 });
	});

	it('two triangles joined by one bridge edge', () => {
		// Triangles a-b-c and d-e-f, bridge c-d. n = 6: (6-1)(6-2)/2 = 10 pairs per node.
		// c is on every shortest path from {a, b} to {d, e, f}: 2 x 3 = 6 pairs, and on no
		// other (a-b is direct). So c = 6/10 = 0.6, and d = 0.6 by symmetry.
		// a, b, e, f: every pair through them has a shorter or equal path around them
		// (a-b direct; b-c direct; ...), so 0.
		expect(byNode(edges('a-b', 'b-c', 'c-a', 'c-d', 'd-e', 'e-f', 'f-d'))).toEqual({
			a: 0,
			b: 0,
			c: 0.6,
			d: 0.6,
			e: 0,
			f: 0
		});
	});

	it('a square splits the pair counts between two shortest paths', () => {
		// Cycle a-b-c-d-a: a-c has two shortest paths (via b, via d), so b gets 1/2 of that
		// pair; b is on no other pair's path: 0.5 / 3 = 1/6.
		expect(byNode(edges('a-b', 'b-c', 'c-d', 'd-a')).b).toBeCloseTo(1 / 6, 6);
	});

	it('ties drawn twice or both ways round count once; self-ties are left out', () => {
		const g = buildGraph([], [...edges('a-b', 'b-a', 'b-c', 'c-c')]);
		expect(g.size).toBe(2);
		expect(g.getEdgeAttribute(g.edge('a', 'b')!, 'weight')).toBe(2);
		expect(betweenness(g).b).toBe(1);
	});
});

describe('communities', () => {
	// Two 4-cliques {a,b,c,d} and {w,x,y,z} joined by the bridge d-w.
	const cliques = [
		...edges('a-b', 'a-c', 'a-d', 'b-c', 'b-d', 'c-d'),
		...edges('w-x', 'w-y', 'w-z', 'x-y', 'x-z', 'y-z'),
		...edges('d-w')
	];

	it('two cliques joined by a bridge are two communities, numbered by smallest id', () => {
		const c = communities(buildGraph([], cliques));
		expect(c).toEqual({ a: 0, b: 0, c: 0, d: 0, w: 1, x: 1, y: 1, z: 1 });
	});

	it('is the same every time and whatever order the ties come in', () => {
		const first = analyse([], cliques);
		for (let i = 0; i < 5; i++) expect(analyse([], [...cliques].reverse())).toEqual(first);
	});

	it('bridging actors are the top betweenness; closed clusters have no tie outside', () => {
		const result = analyse(['loner'], [...cliques, ...edges('p-q', 'q-r', 'r-p')]);
		expect(bridging(result.nodes)).toEqual(['d', 'w']);
		// {p, q, r} hangs together with no tie out; the cliques are tied to each other.
		const closed = result.closedClusters.map((c) => result.communities[c]);
		expect(closed).toEqual([['p', 'q', 'r']]);
		expect(result.isolated).toEqual(['loner']);
	});

	it('a graph without ties: every actor its own community, none closed', () => {
		const result = analyse(['b', 'a'], []);
		expect(result.nodes.map((n) => [n.id, n.community])).toEqual([
			['a', 0],
			['b', 1]
		]);
		expect(result.closedClusters).toEqual([]);
	});
});

describe('groups without a tie to government or private partners', () => {
	const actors = [
		{ id: 'rt', kind: 'community' },
		{ id: 'pkk', kind: 'community' },
		{ id: 'dinsos', kind: 'government' },
		{ id: 'csr', kind: 'private' },
		{ id: 'lsm', kind: 'ngo' }
	];
	const ties = edges('rt-dinsos', 'csr-pkk', 'pkk-lsm', 'lsm-dinsos');

	it('names community groups with no direct tie to a government office', () => {
		// pkk reaches dinsos only through lsm: not a tie of its own.
		expect(withoutTieTo(actors, ties, 'government')).toEqual(['pkk']);
	});

	it('and those with no tie to a private partner, whichever way the tie was drawn', () => {
		expect(withoutTieTo(actors, ties, 'private')).toEqual(['rt']);
	});
});

describe('change between two maps', () => {
	it('lists actors and ties added and removed, by name', () => {
		const before = {
			actors: [
				{ key: 'rt 01', name: 'RT 01' },
				{ key: 'dinsos', name: 'Dinsos' },
				{ key: 'pkk', name: 'PKK' }
			],
			ties: [
				{ source: 'rt 01', target: 'dinsos', kind: 'works-with' },
				{ source: 'pkk', target: 'rt 01', kind: 'refers' }
			]
		};
		const after = {
			actors: [
				{ key: 'rt 01', name: 'RT 01' },
				{ key: 'dinsos', name: 'Dinsos' },
				{ key: 'puskesmas', name: 'Puskesmas' }
			],
			ties: [
				// The same works-with tie drawn the other way round: not a change.
				{ source: 'dinsos', target: 'rt 01', kind: 'works-with' },
				{ source: 'puskesmas', target: 'rt 01', kind: 'shares-info' }
			]
		};
		expect(changeBetween(before, after)).toEqual({
			actorsAdded: ['Puskesmas'],
			actorsRemoved: ['PKK'],
			tiesAdded: [{ source: 'Puskesmas', target: 'RT 01', kind: 'shares-info' }],
			tiesRemoved: [{ source: 'PKK', target: 'RT 01', kind: 'refers' }]
		});
	});

	it('a referral the other way round is a new tie', () => {
		const a = { actors: [], ties: [{ source: 'x', target: 'y', kind: 'refers' }] };
		const b = { actors: [], ties: [{ source: 'y', target: 'x', kind: 'refers' }] };
		const change = changeBetween(a, b);
		expect(change.tiesAdded).toHaveLength(1);
		expect(change.tiesRemoved).toHaveLength(1);
	});
});

describe('layout', () => {
	it('is deterministic and inside the unit square', () => {
		const ties = edges('a-b', 'b-c', 'c-a', 'c-d', 'd-e');
		const nodes = analyse(['z'], ties).nodes;
		const first = layout(nodes, ties);
		expect(layout(nodes, ties)).toEqual(first);
		expect(Object.keys(first).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'z']);
		for (const p of Object.values(first)) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThanOrEqual(1);
			expect(p.y).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeLessThanOrEqual(1);
		}
		// Not all on one spot.
		expect(new Set(Object.values(first).map((p) => `${p.x},${p.y}`)).size).toBe(6);
	});
});
