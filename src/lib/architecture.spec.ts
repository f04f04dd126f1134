/**
 * The layers, checked on the source tree (see docs/architecture.md):
 * - `src/lib/server` is infrastructure: it must not import any domain folder.
 * - The domain-to-domain import graph is reported and has no cycle (the order of the
 *   domains is in docs/architecture.md).
 * - Import cycles between single files inside src/lib are reported; there are none today.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = resolve(import.meta.dirname);
/** Folders of src/lib that are not domains. */
const NOT_DOMAINS = new Set(['server', 'paraglide', 'i18n']);

type Graph = Map<string, Set<string>>;

/** Every import specifier of a source file: static, re-exports, side-effect and dynamic imports. */
export function importsOf(source: string): string[] {
	const found: string[] = [];
	const patterns = [
		/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
		/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
	];
	for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
	return found;
}

/** A module's name in the graph: its src/lib-relative path without `.ts`/`.js` and `/index`. */
export function moduleKey(relPath: string): string {
	return relPath.replace(/\.(ts|js)$/, '').replace(/\/index$/, '');
}

/** The module an import points at (see `moduleKey`), or null (a package, or outside src/lib). */
export function resolveImport(fromFile: string, specifier: string, lib = LIB): string | null {
	let target: string;
	if (specifier === '$lib' || specifier.startsWith('$lib/')) target = join(lib, specifier.slice('$lib'.length));
	else if (specifier.startsWith('.')) target = resolve(dirname(fromFile), specifier);
	else return null;
	const rel = relative(lib, target);
	return rel.startsWith('..') ? null : moduleKey(rel.split('\\').join('/'));
}

/** The domain a src/lib-relative path belongs to: its first folder, unless infrastructure (or a file at the top). */
export function domainOf(relPath: string): string | null {
	const [first, ...rest] = relPath.split('/');
	if (rest.length === 0 || NOT_DOMAINS.has(first)) return null;
	return first;
}

/** Strongly connected components with more than one node (or a self-loop): each holds at least one cycle. */
export function findCycles(graph: Graph): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((to) => [...to])]);
	const visit = (node: string) => {
		indices.set(node, index);
		low.set(node, index);
		index++;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!indices.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node)!, indices.get(next)!));
			}
		}
		if (low.get(node) === indices.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || graph.get(node)?.has(node)) components.push(component.sort());
		}
	};
	for (const node of [...nodes].sort()) if (!indices.has(node)) visit(node);
	return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Pairs of nodes that import each other (the shortest cycles), as 'a ↔ b' with a < b. */
export function mutualPairs(graph: Graph): string[] {
	const pairs: string[] = [];
	for (const [from, tos] of graph)
		for (const to of tos) if (from < to && graph.get(to)?.has(from)) pairs.push(`${from} ↔ ${to}`);
	return pairs.sort();
}

function sourceFiles(dir: string): string[] {
	const files: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (relative(LIB, path) !== 'paraglide') files.push(...sourceFiles(path));
		} else if (/\.(ts|js|svelte)$/.test(name)) files.push(path);
	}
	return files;
}

type Edge = { from: string; to: string };

/** `runtimeOnly`: leave out `import type` (erased at build, so never a load-order cycle). */
function readTree(runtimeOnly = false): Edge[] {
	const edges: Edge[] = [];
	for (const file of sourceFiles(LIB)) {
		const from = moduleKey(relative(LIB, file).split('\\').join('/'));
		let source = readFileSync(file, 'utf8');
		if (runtimeOnly) source = source.replace(/\bimport\s+type\s+[\w*{}\s,$]+?\s+from\s+['"][^'"]+['"]/g, '');
		for (const specifier of importsOf(source)) {
			const to = resolveImport(file, specifier);
			if (to !== null) edges.push({ from, to });
		}
	}
	return edges;
}

function graphOf(pairs: [string, string][]): Graph {
	const graph: Graph = new Map();
	for (const [from, to] of pairs) {
		if (!graph.has(from)) graph.set(from, new Set());
		graph.get(from)!.add(to);
	}
	return graph;
}

describe('architecture', () => {
	const edges = readTree();

	it('reads the source tree (sanity: the layers are there)', () => {
		expect(edges.length).toBeGreaterThan(100);
		expect(edges.some((e) => domainOf(e.from) === 'boards' && e.to.startsWith('server/'))).toBe(true);
	});

	it('src/lib/server imports no domain folder', () => {
		const offending = edges
			.filter((e) => e.from.startsWith('server/') && domainOf(e.to) !== null)
			.map((e) => `${e.from} → ${e.to}`);
		expect(offending).toEqual([]);
	});

	it('no import cycle between domains (type-only imports and specs count too)', () => {
		const between = edges.filter((e) => {
			const [from, to] = [domainOf(e.from), domainOf(e.to)];
			return from !== null && to !== null && from !== to;
		});
		const graph = graphOf(between.map((e) => [domainOf(e.from)!, domainOf(e.to)!]));
		const report = [...graph]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([from, to]) => `  ${from} → ${[...to].sort().join(', ')}`);
		const cycles = findCycles(graph);
		console.log(
			`Domain imports:\n${report.join('\n')}\n` +
				`Domains in a cycle: ${cycles.map((c) => c.join(', ')).join(' | ') || 'none'}`
		);
		// On failure: the file imports that hold each cycle together (move the shared part
		// to the lower domain, or the use case up to where both domains are visible).
		const holding = between
			.filter((e) => cycles.some((c) => c.includes(domainOf(e.from)!) && c.includes(domainOf(e.to)!)))
			.map((e) => `${e.from} → ${e.to}`);
		expect(holding).toEqual([]);
		expect(cycles).toEqual([]);
	});

	it('no import cycle between files in src/lib at run time (reported when there is one)', () => {
		const graph = graphOf(readTree(true).map((e) => [e.from, e.to]));
		const cycles = findCycles(graph);
		console.log(
			`File-level import cycles in src/lib: ${cycles.length}` + cycles.map((c) => `\n  ${c.join(', ')}`).join('')
		);
		expect(cycles).toEqual([]);
	});
});

describe('cycle finding', () => {
	it('finds each cycle of a small graph, and none in a DAG', () => {
		const graph = graphOf([
			['a', 'b'],
			['b', 'c'],
			['c', 'a'],
			['c', 'd'],
			['d', 'e'],
			['e', 'd'],
			['f', 'f'],
			['g', 'a']
		]);
		expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
		expect(mutualPairs(graph)).toEqual(['d ↔ e']);
		const dag = graphOf([
			['a', 'b'],
			['a', 'c'],
			['b', 'c']
		]);
		expect(findCycles(dag)).toEqual([]);
		expect(mutualPairs(dag)).toEqual([]);
	});

	it('reads every kind of import and resolves it into src/lib', () => {
		const source = [
			"import { a } from '$lib/boards/model';",
			"import type { B } from './b';",
			"export { c } from '../c';",
			"import './side-effect';",
			"const d = await import('$lib/server/cluster');",
			"import { z } from 'zod';"
		].join('\n');
		const found = importsOf(source);
		expect(found).toEqual(['$lib/boards/model', './b', '../c', './side-effect', 'zod', '$lib/server/cluster']);
		const file = join(LIB, 'server', 'realtime', 'index.ts');
		expect(resolveImport(file, '$lib/boards/model')).toBe('boards/model');
		expect(resolveImport(file, '$lib/server/realtime/index.ts')).toBe('server/realtime');
		expect(resolveImport(file, '../venue.ts')).toBe('server/venue');
		expect(moduleKey('boards/model.ts')).toBe('boards/model');
		expect(moduleKey('components/Note.svelte')).toBe('components/Note.svelte');
		expect(resolveImport(file, './room')).toBe('server/realtime/room');
		expect(resolveImport(file, '../../boards/control')).toBe('boards/control');
		expect(resolveImport(file, '../../../../tests/fuzz/hostile')).toBeNull();
		expect(resolveImport(file, 'zod')).toBeNull();
		expect(domainOf('boards/model')).toBe('boards');
		expect(domainOf('server/realtime/room')).toBeNull();
		expect(domainOf('paraglide/messages.js')).toBeNull();
		expect(domainOf('schema.ts')).toBeNull();
	});
});
