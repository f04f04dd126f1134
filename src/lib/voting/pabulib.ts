/**
 * Pabulib `.pb` files (pabulib.org), the open format for participatory budgeting data:
 * read any file (META without its `key;value` line, decimal costs, approval, cumulative
 * and ordinal votes) and write a closed round's anonymised ballots.
 */
import { approvalVote, bordaVote, type Election, type Vote } from './rules.ts';

export type VoteType = 'approval' | 'cumulative' | 'scoring' | 'ordinal';
export type PabulibFile = {
	meta: Record<string, string>;
	projects: { id: string; cost: bigint; name: string }[];
	budget: bigint;
	votes: Vote[];
	voteType: VoteType;
	/** Money in the file times `scale` gives the integers used here (decimal costs). */
	scale: bigint;
};

function splitRow(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (ch === ';' && !quoted) {
			cells.push(cell);
			cell = '';
		} else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

function decimals(value: string): number {
	const dot = value.indexOf('.');
	return dot === -1 ? 0 : value.length - dot - 1;
}

/** "12.5" with scale 100 -> 1250n. Throws on anything that is not a plain decimal. */
export function parseMoney(value: string, scale: bigint): bigint {
	const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
	if (!match) throw new Error(`Not an amount: "${value}"`);
	const places = scale.toString().length - 1;
	const fraction = (match[2] ?? '').padEnd(places, '0');
	if (fraction.length > places) throw new Error(`Too many decimals: "${value}"`);
	return BigInt(match[1]) * scale + BigInt(fraction || '0');
}

export function formatMoney(value: bigint, scale: bigint): string {
	if (scale === 1n) return value.toString();
	const places = scale.toString().length - 1;
	const whole = value / scale;
	const fraction = (value % scale).toString().padStart(places, '0').replace(/0+$/, '');
	return fraction ? `${whole}.${fraction}` : `${whole}`;
}

export function parsePabulib(text: string): PabulibFile {
	const sections: Record<string, string[][]> = { META: [], PROJECTS: [], VOTES: [] };
	let current: string | null = null;
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		if (line === 'META' || line === 'PROJECTS' || line === 'VOTES') {
			current = line;
			continue;
		}
		if (!current) throw new Error('A Pabulib file starts with META');
		sections[current].push(splitRow(line));
	}
	const meta: Record<string, string> = {};
	for (const [key, ...rest] of sections.META) {
		if (key === 'key' && rest[0] === 'value') continue; // the optional header line
		meta[key] = rest.join(';');
	}
	const [projectHeader, ...projectRows] = sections.PROJECTS;
	const [voteHeader, ...voteRows] = sections.VOTES;
	if (!projectHeader || !voteHeader) throw new Error('PROJECTS and VOTES sections are required');
	const col = (header: string[], name: string) => header.indexOf(name);
	const idCol = col(projectHeader, 'project_id');
	const costCol = col(projectHeader, 'cost');
	const nameCol = col(projectHeader, 'name');
	if (idCol === -1 || costCol === -1) throw new Error('PROJECTS needs project_id and cost');

	const places = Math.max(decimals(meta.budget ?? '0'), ...projectRows.map((r) => decimals(r[costCol] ?? '0')));
	const scale = 10n ** BigInt(places);
	const projects = projectRows.map((r) => ({ id: r[idCol], cost: parseMoney(r[costCol], scale), name: nameCol === -1 ? '' : (r[nameCol] ?? '') }));
	for (const p of projects) if (p.cost <= 0n) throw new Error(`Project ${p.id} has no cost: zero-cost projects are not allowed`);
	const budget = parseMoney(meta.budget ?? '0', scale);

	const voteType = (meta.vote_type ?? 'approval').toLowerCase() as VoteType;
	const voteCol = col(voteHeader, 'vote');
	const pointsCol = col(voteHeader, 'points');
	if (voteCol === -1) throw new Error('VOTES needs a vote column');
	const known = new Set(projects.map((p) => p.id));
	const votes: Vote[] = voteRows.map((r) => {
		const ids = (r[voteCol] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		for (const id of ids) if (!known.has(id)) throw new Error(`Vote for unknown project ${id}`);
		if (voteType === 'ordinal') return bordaVote(ids);
		if ((voteType === 'cumulative' || voteType === 'scoring') && pointsCol !== -1) {
			const points = (r[pointsCol] ?? '').split(',').map((s) => BigInt(s.trim()));
			return new Map(ids.map((id, i) => [id, points[i] ?? 0n]));
		}
		return approvalVote(ids);
	});
	return { meta, projects, budget, votes, voteType, scale };
}

export function toElection(file: PabulibFile): Election {
	return {
		projects: file.projects.map(({ id, cost }) => ({ id, cost })),
		budget: file.budget,
		votes: file.votes,
		utility: file.voteType === 'approval' ? 'cost' : 'points'
	};
}

export type ExportBallot = { ids: string[]; points?: number[] };

/** Writes anonymised ballots: fresh voter ids in shuffled-free stored order, no demographics. */
export function writePabulib(input: {
	meta: Record<string, string>;
	projects: { id: string; cost: bigint; name: string; votes?: bigint; selected?: boolean }[];
	ballots: ExportBallot[];
	voteType: VoteType;
}): string {
	const clean = (s: string) => s.replace(/[;\r\n"]/g, ' ').trim();
	const lines = ['META', 'key;value'];
	const meta = { ...input.meta, num_projects: String(input.projects.length), num_votes: String(input.ballots.length), vote_type: input.voteType };
	for (const [k, v] of Object.entries(meta)) lines.push(`${clean(k)};${clean(v)}`);
	lines.push('PROJECTS', 'project_id;cost;name;votes;selected');
	for (const p of input.projects) lines.push(`${p.id};${p.cost};${clean(p.name)};${p.votes ?? ''};${p.selected ? 1 : 0}`);
	const withPoints = input.voteType === 'cumulative' || input.voteType === 'scoring';
	lines.push('VOTES', withPoints ? 'voter_id;vote;points' : 'voter_id;vote');
	input.ballots.forEach((b, i) => lines.push(`${i + 1};${b.ids.join(',')}${withPoints ? `;${(b.points ?? []).join(',')}` : ''}`));
	return lines.join('\n') + '\n';
}
