/**
 * Betweenness and communities of any edge list:
 *   npm run -s network -- <edges.csv>
 * The CSV has a header `source,target` or `source,target,weight` (weights are positive
 * numbers; they weigh the communities, betweenness is unweighted). Prints
 *   {"nodes": [{"id": "A", "betweenness": 0.5, "community": 0}, ...]}
 * sorted by id, numbers rounded to 6 decimals, communities numbered 0.. in the order of
 * their smallest id. Bad input: a message on stderr and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { analyse, type Edge } from './analysis.ts';

function fail(message: string): never {
	process.stderr.write(`${message}\nUsage: network <edges.csv>   (columns: source,target[,weight])\n`);
	process.exit(1);
}

/** The edges of a CSV text, or the reason it is not one. */
function parseEdges(text: string): Edge[] {
	let rows: string[][];
	try {
		rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
	} catch (e) {
		throw new Error(`Not a CSV file: ${(e as Error).message}`, { cause: e });
	}
	const header = rows.shift()?.map((h) => h.toLowerCase());
	const withWeight = header?.length === 3 && header[2] === 'weight';
	if (!header || header[0] !== 'source' || header[1] !== 'target' || !(header.length === 2 || withWeight))
		throw new Error('The first line must be the header source,target or source,target,weight');
	return rows.map((row, i) => {
		const line = i + 2;
		const [source, target, weight] = row;
		if (!source || !target) throw new Error(`Line ${line}: source and target must not be empty`);
		if (!withWeight) return { source, target };
		const w = Number(weight);
		if (weight === '' || !Number.isFinite(w) || w <= 0)
			throw new Error(`Line ${line}: weight must be a positive number`);
		return { source, target, weight: w };
	});
}

const file = process.argv[2];
if (!file) fail('Which file?');
let text: string;
try {
	text = readFileSync(file, 'utf8');
} catch (e) {
	fail(`Cannot read ${file}: ${(e as Error).message}`);
}
let edges: Edge[];
try {
	edges = parseEdges(text);
} catch (e) {
	fail(`${file}: ${(e as Error).message}`);
}
if (edges.length === 0) fail(`${file}: no edges`);
const { nodes } = analyse([], edges);
// One node per line, in the shape of Python's json.dumps: {"nodes": [{"id": "A", ...}, ...]}.
const lines = nodes.map(
	(n) => `{"id": ${JSON.stringify(n.id)}, "betweenness": ${n.betweenness}, "community": ${n.community}}`
);
process.stdout.write(`{"nodes": [\n${lines.join(',\n')}\n]}\n`);
