/**
 * Recount an IKM survey from a CSV of responses:
 *   npm run -s ikm -- <responses.csv>
 * The header names the columns u1..u9 (any case, any order; other columns are ignored, so
 * the app's export reads back as it is). Each row is one respondent; a cell holds 1-4, or
 * is empty when the question was not answered. Prints one JSON object (see `report` in
 * ikm.ts and docs/ikm.md): respondents, per element NRR and index, SKM, IKM and category.
 * Bad input: a message on stderr and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { countIkm, ELEMENT_COLUMNS, report, type Answers } from './ikm.ts';

function fail(message: string): never {
	process.stderr.write(`${message}\nUsage: ikm <responses.csv>\n`);
	process.exit(1);
}

const file = process.argv[2];
if (!file) fail('Which file?');

let rows: { record: string[]; info: { lines: number } }[];
try {
	rows = parse(readFileSync(file, 'utf8'), {
		bom: true,
		skip_empty_lines: true,
		relax_column_count: true,
		trim: true,
		info: true
	}) as unknown as typeof rows;
} catch (e) {
	fail(`Cannot read ${file}: ${(e as Error).message}`);
}
const header = (rows[0]?.record ?? []).map((h) => h.toLowerCase());
const columns = ELEMENT_COLUMNS.map((name) => {
	const at = header.indexOf(name);
	if (at === -1) fail(`${file}: the header has no column ${name} (needs u1..u9)`);
	if (header.indexOf(name, at + 1) !== -1) fail(`${file}: the header has column ${name} twice`);
	return at;
});

const responses: Answers[] = rows.slice(1).map(({ record, info }) =>
	columns.map((at, i) => {
		const cell = record[at] ?? '';
		if (cell === '') return null;
		if (!/^[1-4]$/.test(cell))
			fail(`${file}, line ${info.lines}: u${i + 1} is "${cell.slice(0, 20)}", not 1-4 or empty`);
		return Number(cell);
	})
);

process.stdout.write(`${JSON.stringify(report(countIkm(responses)))}\n`);
