/**
 * What a network map says: who bridges (betweenness), which groups hang together
 * (communities), which clusters are closed, who has no tie to government or private
 * partners, and what changed since the last map. Pure, deterministic, and erasable
 * TypeScript only: the CLI (`npm run -s network`) runs it with Node's type stripping.
 *
 * Betweenness is unweighted and normalised as NetworkX does for undirected graphs
 * (`betweenness_centrality(G, normalized=True)`): the share of the (n-1)(n-2)/2 pairs of
 * other nodes whose shortest paths pass through the node. Communities are Louvain with a
 * seeded random source (weights: the summed strengths), numbered 0.. in the order of
 * each community's smallest id.
 */
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { pairKey } from './rules.ts';

export type Edge = { source: string; target: string; weight?: number };

export type NodeMetrics = { id: string; betweenness: number; community: number; degree: number };

export type Analysis = {
	/** Sorted by id. */
	nodes: NodeMetrics[];
	/** Members of each community, by community number; each sorted by id. */
	communities: string[][];
	/** Communities (of two or more) with no tie to anyone outside, when there is more than one. */
	closedClusters: number[];
	/** Actors with no tie at all. */
	isolated: string[];
};

/** Code-unit order, the same everywhere (no locale). */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A small seeded random source (mulberry32), so Louvain gives the same answer every time. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * One undirected simple graph: nodes added in id order, parallel ties merged (weights
 * summed), self-loops left out (they change neither betweenness nor who is tied to whom).
 */
export function buildGraph(nodes: Iterable<string>, edges: readonly Edge[]): UndirectedGraph {
	const graph = new UndirectedGraph();
	const ids = new Set<string>(nodes);
	for (const e of edges) {
		ids.add(e.source);
		ids.add(e.target);
	}
	for (const id of [...ids].sort(byId)) graph.addNode(id);
	const sorted = [...edges].sort(
		(a, b) => byId(pairKey(a.source, a.target), pairKey(b.source, b.target)) || (a.weight ?? 1) - (b.weight ?? 1)
	);
	for (const e of sorted) {
		if (e.source === e.target) continue;
		const weight = e.weight ?? 1;
		const existing = graph.edge(e.source, e.target);
		if (existing) graph.updateEdgeAttribute(existing, 'weight', (w) => (w as number) + weight);
		else graph.addEdge(e.source, e.target, { weight });
	}
	return graph;
}

/** Normalised, unweighted betweenness per node (NetworkX's normalisation for undirected graphs). */
export function betweenness(graph: UndirectedGraph): Record<string, number> {
	if (graph.order === 0) return {};
	// graphology counts each pair from both ends and scales by 1/((n-1)(n-2)), as NetworkX does.
	return betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
}

/** Community of each node: Louvain (seeded), renumbered by each community's smallest id. */
export function communities(graph: UndirectedGraph, seed = 1): Record<string, number> {
	const raw: Record<string, number> = {};
	if (graph.size === 0) {
		graph.forEachNode((node) => (raw[node] = Object.keys(raw).length));
	} else {
		Object.assign(raw, louvain(graph, { rng: seededRandom(seed), getEdgeWeight: 'weight' }));
	}
	const smallest = new Map<number, string>();
	for (const id of Object.keys(raw).sort(byId)) if (!smallest.has(raw[id])) smallest.set(raw[id], id);
	const order = [...smallest.entries()].sort((a, b) => byId(a[1], b[1])).map(([c]) => c);
	const number = new Map(order.map((c, i) => [c, i]));
	return Object.fromEntries(Object.entries(raw).map(([id, c]) => [id, number.get(c)!]));
}

const round6 = (x: number) => {
	const r = Math.round(x * 1e6) / 1e6;
	return r === 0 ? 0 : r;
};

export function analyse(nodes: Iterable<string>, edges: readonly Edge[], seed = 1): Analysis {
	const graph = buildGraph(nodes, edges);
	const between = betweenness(graph);
	const community = communities(graph, seed);
	const ids = graph.nodes().sort(byId);
	const count = ids.reduce((max, id) => Math.max(max, community[id] + 1), 0);
	const members: string[][] = Array.from({ length: count }, () => []);
	for (const id of ids) members[community[id]].push(id);
	const open = new Set<number>();
	graph.forEachEdge((_e, _a, source, target) => {
		if (community[source] !== community[target]) {
			open.add(community[source]);
			open.add(community[target]);
		}
	});
	return {
		nodes: ids.map((id) => ({
			id,
			betweenness: round6(between[id] ?? 0),
			community: community[id],
			degree: graph.degree(id)
		})),
		communities: members,
		closedClusters:
			count > 1 ? members.map((m, c) => (m.length >= 2 && !open.has(c) ? c : -1)).filter((c) => c >= 0) : [],
		isolated: ids.filter((id) => graph.degree(id) === 0)
	};
}

/** The bridging actors: the highest betweenness above 0, at most `top`, ties in betweenness by id. */
export function bridging(nodes: readonly NodeMetrics[], top = 3): string[] {
	return nodes
		.filter((n) => n.betweenness > 0)
		.sort((a, b) => b.betweenness - a.betweenness || byId(a.id, b.id))
		.slice(0, top)
		.map((n) => n.id);
}

/**
 * Actors of the `groupKinds` with no direct tie to any actor of `kind` (e.g. community
 * groups with no tie to a government office). Sorted by id.
 */
export function withoutTieTo(
	actors: readonly { id: string; kind: string }[],
	edges: readonly Edge[],
	kind: string,
	groupKinds: readonly string[] = ['community']
): string[] {
	const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
	const reached = new Set<string>();
	for (const e of edges) {
		if (kindOf.get(e.target) === kind) reached.add(e.source);
		if (kindOf.get(e.source) === kind) reached.add(e.target);
	}
	return actors
		.filter((a) => groupKinds.includes(a.kind) && !reached.has(a.id))
		.map((a) => a.id)
		.sort(byId);
}

/** A map reduced to what a change compares: actors by key, ties by their ends' keys and kind. */
export type Snapshot = {
	actors: readonly { key: string; name: string }[];
	ties: readonly { source: string; target: string; kind: string }[];
};

/** Ties whose direction carries no meaning are compared either way round. */
const UNDIRECTED_TIES = ['works-with', 'shares-info'];
const tieKey = (t: { source: string; target: string; kind: string }) =>
	UNDIRECTED_TIES.includes(t.kind)
		? `${pairKey(t.source, t.target)}\u0000${t.kind}`
		: `${t.source}\u0000${t.target}\u0000${t.kind}`;

export type Change = {
	actorsAdded: string[];
	actorsRemoved: string[];
	tiesAdded: { source: string; target: string; kind: string }[];
	tiesRemoved: { source: string; target: string; kind: string }[];
};

/** What changed from `before` to `after` (ties named by their actors' names). */
export function changeBetween(before: Snapshot, after: Snapshot): Change {
	const names = new Map<string, string>();
	for (const a of before.actors) names.set(a.key, a.name);
	for (const a of after.actors) names.set(a.key, a.name);
	const beforeKeys = new Set(before.actors.map((a) => a.key));
	const afterKeys = new Set(after.actors.map((a) => a.key));
	const beforeTies = new Map(before.ties.map((t) => [tieKey(t), t]));
	const afterTies = new Map(after.ties.map((t) => [tieKey(t), t]));
	const named = (t: { source: string; target: string; kind: string }) => ({
		source: names.get(t.source) ?? t.source,
		target: names.get(t.target) ?? t.target,
		kind: t.kind
	});
	const byName = (a: { source: string; target: string }, b: { source: string; target: string }) =>
		byId(a.source, b.source) || byId(a.target, b.target);
	return {
		actorsAdded: after.actors
			.filter((a) => !beforeKeys.has(a.key))
			.map((a) => a.name)
			.sort(byId),
		actorsRemoved: before.actors
			.filter((a) => !afterKeys.has(a.key))
			.map((a) => a.name)
			.sort(byId),
		tiesAdded: [...afterTies]
			.filter(([k]) => !beforeTies.has(k))
			.map(([, t]) => named(t))
			.sort(byName),
		tiesRemoved: [...beforeTies]
			.filter(([k]) => !afterTies.has(k))
			.map(([, t]) => named(t))
			.sort(byName)
	};
}

/**
 * Positions in [0, 1] x [0, 1] for drawing: nodes start on a circle in community then id
 * order and settle with ForceAtlas2 (no randomness, so the same map draws the same way).
 */
export function layout(
	nodes: readonly NodeMetrics[],
	edges: readonly Edge[],
	iterations = 300
): Record<string, { x: number; y: number }> {
	const graph = buildGraph(
		nodes.map((n) => n.id),
		edges
	);
	const order = [...nodes].sort((a, b) => a.community - b.community || byId(a.id, b.id));
	order.forEach((n, i) => {
		const angle = (2 * Math.PI * i) / Math.max(1, order.length);
		graph.mergeNodeAttributes(n.id, { x: Math.cos(angle), y: Math.sin(angle) });
	});
	if (graph.order > 1) {
		forceAtlas2.assign(graph, {
			iterations,
			getEdgeWeight: 'weight',
			settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, strongGravityMode: true }
		});
	}
	const xs = graph.mapNodes((_n, a) => a.x as number);
	const ys = graph.mapNodes((_n, a) => a.y as number);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const spanX = maxX - minX || 1;
	const spanY = maxY - minY || 1;
	const out: Record<string, { x: number; y: number }> = {};
	graph.forEachNode((id, a) => {
		out[id] = {
			x: graph.order === 1 ? 0.5 : round6(((a.x as number) - minX) / spanX),
			y: graph.order === 1 ? 0.5 : round6(((a.y as number) - minY) / spanY)
		};
	});
	return out;
}
