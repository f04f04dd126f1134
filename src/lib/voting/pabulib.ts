/**
 * Pabulib `.pb` files (pabulib.org), the open format for participatory budgeting data.
 * The reader takes everything the format allows and real files contain (docs/counting.md):
 * META with or without its `key;value` line, any extra META keys and PROJECTS / VOTES
 * columns (kept), zero, decimal and very large costs, every vote type, an empty VOTES
 * section. A bad file is refused with the line it goes wrong on. The writer is its
 * inverse: writing and reading back gives the same instance.
 */
import { approvalVote, bordaVote, type Election, type Vote } from './rules.ts';
import { PabulibError, quoteCell, splitRows, type Row } from './pabulib-rows.ts';

export { PabulibError } from './pabulib-rows.ts';

export const VOTE_TYPES = ['approval', 'cumulative', 'scoring', 'ordinal'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];
export type PabulibProject = { id: string; cost: bigint; name: string; fields: Record<string, string> };
/** A ballot as written: project ids in file order and, for cumulative and scoring, points in the file's units. */
export type Ballot = { voterId: string; ids: string[]; points?: string[]; fields: Record<string, string> };
export type PabulibFile = {
	meta: Record<string, string>;
	projects: PabulibProject[];
	budget: bigint;
	ballots: Ballot[];
	/** Utilities for counting: 1 per approval, points times `pointsScale`, Borda for ordinal. */
	votes: Vote[];
	voteType: VoteType;
	/** Money in the file times `scale` gives the integers used here (decimal costs). */
	scale: bigint;
	pointsScale: bigint;
};

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal as digits and a power of ten: "12.5" -> 125 / 10^1, "1e6" -> 1 / 10^-6. Commas as decimal points are read too. */
function parseDecimal(raw: string): { sign: bigint; digits: bigint; places: number } | null {
	const value = raw.trim().includes('.') ? raw.trim() : raw.trim().replace(',', '.');
	const m = NUMBER.exec(value);
	if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
	const fraction = m[3] ?? '';
	return {
		sign: m[1] === '-' ? -1n : 1n,
		digits: BigInt(m[2] + fraction || '0'),
		places: fraction.length - Number(m[4] ?? 0)
	};
}

function placesOf(raw: string | undefined): number {
	return raw === undefined ? 0 : Math.max(0, parseDecimal(raw)?.places ?? 0);
}

/** "12.5" with scale 100 -> 1250n. Throws on anything that is not a non-negative amount exact at this scale. */
export function parseMoney(value: string, scale: bigint, line: number | null = null): bigint {
	const d = parseDecimal(value);
	if (!d || d.sign < 0n) throw new PabulibError(`not an amount: "${value}"`, line);
	return scaleExactly(d, scale, value, line);
}

function scaleExactly(
	d: { sign: bigint; digits: bigint; places: number },
	scale: bigint,
	value: string,
	line: number | null
): bigint {
	const scaled = d.places >= 0 ? d.sign * d.digits * scale : d.sign * d.digits * scale * 10n ** BigInt(-d.places);
	const divisor = d.places > 0 ? 10n ** BigInt(d.places) : 1n;
	if (scaled % divisor !== 0n) throw new PabulibError(`too many decimals: "${value}"`, line);
	return scaled / divisor;
}

export function formatMoney(value: bigint, scale: bigint): string {
	if (scale === 1n) return value.toString();
	const places = scale.toString().length - 1;
	const sign = value < 0n ? '-' : '';
	const abs = value < 0n ? -value : value;
	const fraction = (abs % scale).toString().padStart(places, '0').replace(/0+$/, '');
	return `${sign}${abs / scale}${fraction ? `.${fraction}` : ''}`;
}

/** Rows of each section; the section names are matched without regard to case, as pabutools does. */
function sectionsOf(rows: Row[]) {
	const sections: Record<'meta' | 'projects' | 'votes', Row[]> = { meta: [], projects: [], votes: [] };
	const seen = new Set<string>();
	let current: keyof typeof sections | null = null;
	for (const row of rows) {
		const head = row.cells[0].toLowerCase();
		if ((head === 'meta' || head === 'projects' || head === 'votes') && row.cells.slice(1).every((c) => c === '')) {
			if (seen.has(head)) throw new PabulibError(`a second ${head.toUpperCase()} section`, row.line);
			seen.add(head);
			current = head;
		} else if (!current) throw new PabulibError('a Pabulib file starts with META (or PROJECTS)', row.line);
		else sections[current].push(row);
	}
	if (!seen.has('projects')) throw new PabulibError('the PROJECTS section is missing');
	return sections;
}

function readMeta(rows: Row[]): { meta: Record<string, string>; lines: Record<string, number> } {
	const meta: Record<string, string> = {};
	const lines: Record<string, number> = {};
	rows.forEach(({ cells, line }, i) => {
		if (i === 0 && cells[0].toLowerCase() === 'key' && (cells[1] ?? '').toLowerCase() === 'value') return; // the optional header line
		if (cells[0] === '') return;
		// A value with unquoted `;` in it (seen in real descriptions) keeps them; trailing empty cells go.
		const rest = cells.slice(1);
		while (rest.length > 1 && rest[rest.length - 1] === '') rest.pop();
		meta[cells[0]] = rest.join(';');
		lines[cells[0]] = line;
	});
	return { meta, lines };
}

/** Column index by name; header names are trimmed and matched without regard to case. */
function columns(header: Row) {
	const names = header.cells.map((c) => c.toLowerCase());
	return { names: header.cells, at: (name: string) => names.indexOf(name) };
}

function fieldsOf(cells: string[], names: string[], skip: number[]): Record<string, string> {
	const fields: Record<string, string> = {};
	names.forEach((name, i) => {
		if (!skip.includes(i) && name !== '' && cells[i]) fields[name] = cells[i];
	});
	return fields;
}

export function parsePabulib(text: string): PabulibFile {
	const sections = sectionsOf(splitRows(text));
	const { meta, lines: metaLines } = readMeta(sections.meta);

	const [projectHeader, ...projectRows] = sections.projects;
	if (!projectHeader) throw new PabulibError('PROJECTS has no header row');
	const pc = columns(projectHeader);
	const idCol = pc.at('project_id');
	const costCol = pc.at('cost');
	const nameCol = pc.at('name');
	if (idCol === -1 || costCol === -1)
		throw new PabulibError('PROJECTS needs the columns project_id and cost', projectHeader.line);

	const budgetRaw = meta.budget;
	if (budgetRaw === undefined || budgetRaw === '') throw new PabulibError('META has no budget');
	const places = Math.max(placesOf(budgetRaw), ...projectRows.map((r) => placesOf(r.cells[costCol])));
	const scale = 10n ** BigInt(places);
	const budget = parseMoney(budgetRaw, scale, metaLines.budget ?? null);

	const projects: PabulibProject[] = [];
	const known = new Set<string>();
	for (const { cells, line } of projectRows) {
		const id = cells[idCol] ?? '';
		if (!id) throw new PabulibError('a project without project_id', line);
		if (id.includes(','))
			throw new PabulibError(`project id "${id}" contains a comma, which votes use as separator`, line);
		if (known.has(id)) throw new PabulibError(`project ${id} is listed twice`, line);
		if (cells[costCol] === undefined || cells[costCol] === '')
			throw new PabulibError(`project ${id} has no cost`, line);
		known.add(id);
		projects.push({
			id,
			cost: parseMoney(cells[costCol], scale, line),
			name: nameCol === -1 ? '' : (cells[nameCol] ?? ''),
			fields: fieldsOf(cells, pc.names, [idCol, costCol, nameCol])
		});
	}

	const rawType = (meta.vote_type ?? 'approval').toLowerCase();
	const voteType: VoteType | null =
		rawType === 'choose-1'
			? 'approval'
			: (VOTE_TYPES as readonly string[]).includes(rawType)
				? (rawType as VoteType)
				: null;
	if (!voteType)
		throw new PabulibError(
			`unknown vote_type "${meta.vote_type}" (known: ${VOTE_TYPES.join(', ')})`,
			metaLines.vote_type ?? null
		);

	const { ballots, pointsScale } = readVotes(sections.votes, voteType, known);
	const votes = ballots.map((b) => toVote(voteType, b, pointsScale));
	return { meta, projects, budget, ballots, votes, voteType, scale, pointsScale };
}

function readVotes(rows: Row[], voteType: VoteType, known: Set<string>) {
	const [header, ...voteRows] = rows;
	if (!header) return { ballots: [] as Ballot[], pointsScale: 1n };
	const vc = columns(header);
	const voteCol = vc.at('vote');
	const voterCol = vc.at('voter_id');
	const pointsCol = vc.at('points');
	if (voteCol === -1) throw new PabulibError('VOTES needs a vote column', header.line);
	const withPoints = voteType === 'cumulative' || voteType === 'scoring';
	if (withPoints && pointsCol === -1 && voteRows.length > 0)
		throw new PabulibError(`${voteType} votes need a points column`, header.line);
	const ballots: Ballot[] = voteRows.map(({ cells, line }) => {
		const listed = (cells[voteCol] ?? '').split(',').map((s) => s.trim());
		const ids = listed.filter(Boolean);
		for (const id of ids) if (!known.has(id)) throw new PabulibError(`vote for unknown project ${id}`, line);
		const fields = fieldsOf(cells, vc.names, [voteCol, voterCol, pointsCol]);
		const voterId = voterCol === -1 ? '' : (cells[voterCol] ?? '');
		if (new Set(ids).size !== ids.length) {
			if (voteType === 'approval') return { voterId, ids: [...new Set(ids)], fields }; // a set: a repeat adds nothing
			throw new PabulibError('a project appears twice in one vote', line);
		}
		if (!withPoints) return { voterId, ids, fields };
		const points = (cells[pointsCol] ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter((s, i, all) => s !== '' || all.length > 1);
		if (points.length !== ids.length)
			throw new PabulibError(`${ids.length} projects but ${points.length} points`, line);
		for (const p of points) if (!parseDecimal(p)) throw new PabulibError(`not a number of points: "${p}"`, line);
		return { voterId, ids, points, fields };
	});
	// Decimal points are scaled to integers; a common factor changes no rule's outcome.
	const places = Math.max(0, ...ballots.flatMap((b) => (b.points ?? []).map(placesOf)));
	return { ballots, pointsScale: 10n ** BigInt(places) };
}

function toVote(voteType: VoteType, b: Ballot, pointsScale: bigint): Vote {
	if (voteType === 'ordinal') return bordaVote(b.ids);
	if (!b.points) return approvalVote(b.ids);
	return new Map(
		b.ids.map((id, i) => [id, scaleExactly(parseDecimal(b.points![i])!, pointsScale, b.points![i], null)])
	);
}

export function toElection(file: PabulibFile): Election {
	return {
		projects: file.projects.map(({ id, cost }) => ({ id, cost })),
		budget: file.budget,
		votes: file.votes,
		utility: file.voteType === 'approval' ? 'cost' : 'points'
	};
}

export type ExportBallot = { ids: string[]; points?: (number | string)[] };

/**
 * Writes a Pabulib file. Money is given as integers at `scale` (1 for whole Rupiah).
 * Fields are quoted where needed, so names may hold `;`, quotes and line breaks.
 */
export function writePabulib(input: {
	meta: Record<string, string>;
	projects: {
		id: string;
		cost: bigint;
		name: string;
		votes?: bigint;
		selected?: boolean;
		fields?: Record<string, string>;
	}[];
	ballots: (ExportBallot & { voterId?: string })[];
	voteType: VoteType;
	scale?: bigint;
}): string {
	const scale = input.scale ?? 1n;
	const row = (cells: string[]) => cells.map(quoteCell).join(';');
	for (const p of input.projects)
		if (!p.id || p.id.includes(',') || p.id !== p.id.trim())
			throw new RangeError(`Project id "${p.id}" cannot be written`);
	const lines = ['META', 'key;value'];
	const meta = {
		...input.meta,
		num_projects: String(input.projects.length),
		num_votes: String(input.ballots.length),
		vote_type: input.voteType
	};
	for (const [k, v] of Object.entries(meta)) lines.push(row([k, v]));
	const extra = [...new Set(input.projects.flatMap((p) => Object.keys(p.fields ?? {})))].filter(
		(k) => !['votes', 'selected'].includes(k)
	);
	lines.push('PROJECTS', row(['project_id', 'cost', 'name', 'votes', 'selected', ...extra]));
	for (const p of input.projects)
		lines.push(
			row([
				p.id,
				formatMoney(p.cost, scale),
				p.name,
				p.votes?.toString() ?? p.fields?.votes ?? '',
				p.selected === undefined ? (p.fields?.selected ?? '') : p.selected ? '1' : '0',
				...extra.map((k) => p.fields?.[k] ?? '')
			])
		);
	const withPoints = input.voteType === 'cumulative' || input.voteType === 'scoring';
	lines.push('VOTES', withPoints ? 'voter_id;vote;points' : 'voter_id;vote');
	input.ballots.forEach((b, i) =>
		lines.push(row([b.voterId || String(i + 1), b.ids.join(','), ...(withPoints ? [(b.points ?? []).join(',')] : [])]))
	);
	return lines.join('\n') + '\n';
}
