/**
 * A workshop's open-data bundle: a ZIP of CSV and JSON files with a README of the columns.
 * Proposals, votes per proposal, the plan with co-financing, and task progress. No
 * personal data: no participant, proposer, member or contact names, no ballots, no
 * groups of voters; partners appear as organisations, as on the public follow-up page.
 * Codes are used on purpose here: open data is for machines, and the README explains them.
 */
import { asc, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { db } from '$lib/server/db';
import { proposal } from '$lib/voting/voting.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { toCsv, unfundedOf } from '$lib/plans/rules';
import { loadMinutes } from './minutes.server';

const README = `# Open data of one forum (Ruang Rembuk)

All files are UTF-8. Money is in whole Rupiah. Each CSV has a JSON twin with the same fields.
No personal data: no names of participants, proposers, members or contacts; no ballots.

## proposals.csv
title, problem, kelurahan, rw, lorong, volume, unit, cost, agency (OPD), function
(penanganan | pencegahan | pemberdayaan), target_groups (space-separated codes:
child-7-12, child-13-17, youth, woman, disability, elder, community-leader, government,
ngo, private-sector), status (active | withdrawn | merged).

## votes.csv
One row per proposal per closed round: round, format (approval | knapsack | cumulative |
ranked), rule (greedy | mes | topk), budget, ballots, proposal, cost, votes (score under
the format), rank (empty when not selected), outcome (won | over-budget |
not-enough-support).

## plan.csv
priority, title, function, location, cost, co-financing per source (apbd, kelurahan, csr,
swadaya-money, swadaya-labour, swadaya-materials, ngo-donor; money only), funding_total,
unfunded, in_kind (in-kind contributions, "source: description" separated by "; "),
partners (organisations), participation_level, progress (0-100), origin (vote | board).

## tasks.csv
item, task, due_date (YYYY-MM-DD), status (planned | in-progress | blocked | done), progress.
`;

const SOURCES = [
	'apbd',
	'kelurahan',
	'csr',
	'swadaya-money',
	'swadaya-labour',
	'swadaya-materials',
	'ngo-donor'
] as const;

/** Rows as objects: one list feeds both the CSV (header from the keys) and the JSON. */
function both(name: string, rows: Record<string, string | number | null>[], header: string[]) {
	return {
		[`${name}.csv`]: strToU8(toCsv([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))])),
		[`${name}.json`]: strToU8(JSON.stringify(rows, null, 1))
	};
}

/** The bundle of the workshop behind a join code; null when there is none. */
export async function openDataZip(joinCode: string): Promise<Uint8Array | null> {
	const [found] = await db.select({ id: workshop.id }).from(workshop).where(eq(workshop.joinCode, joinCode));
	const minutes = found ? await loadMinutes(found.id) : null;
	if (!minutes) return null;
	const workshopId = minutes.workshop.id;
	const proposalRows = (
		await db.select().from(proposal).where(eq(proposal.workshopId, workshopId)).orderBy(asc(proposal.createdAt))
	).map((p) => ({
		title: p.title,
		problem: p.problem,
		kelurahan: p.kelurahan,
		rw: p.rw,
		lorong: p.lorong,
		volume: p.volume,
		unit: p.unit,
		cost: p.cost.toString(),
		agency: p.agency,
		function: p.function,
		target_groups: p.targetGroups.join(' '),
		status: p.status
	}));
	const votes = minutes.rounds.flatMap((r) =>
		r.rows.map((row) => ({
			round: r.title,
			format: r.format,
			rule: r.rule,
			budget: r.budget.toString(),
			ballots: r.result.ballots,
			proposal: row.title,
			cost: row.cost.toString(),
			votes: row.votes,
			rank: row.rank,
			outcome: row.outcome
		}))
	);
	const plan = minutes.plan.items.map((i) => {
		const money = Object.fromEntries(SOURCES.map((s) => [s, (i.fundingTotals.bySource.get(s) ?? 0n).toString()]));
		return {
			priority: i.priorityRank,
			title: i.title,
			function: i.function,
			location: i.location,
			cost: i.cost?.toString() ?? null,
			...money,
			funding_total: i.fundingTotals.total.toString(),
			unfunded: (unfundedOf(i.cost, i.fundingTotals.total) ?? 0n).toString(),
			in_kind: i.funding
				.filter((f) => f.inKind)
				.map((f) => `${f.source}: ${f.inKind}`)
				.join('; '),
			partners: i.partners.map((p) => p.name).join('; '),
			participation_level: i.participationLevel,
			progress: i.progress,
			origin: i.originKind
		};
	});
	const tasks = minutes.plan.items.flatMap((i) =>
		i.tasks.map((t) => ({
			item: i.title,
			task: t.title,
			due_date: t.dueDate,
			status: t.status,
			progress: t.status === 'done' ? 100 : t.progress
		}))
	);
	return zipSync({
		'README.md': strToU8(README),
		...both('proposals', proposalRows, [
			'title',
			'problem',
			'kelurahan',
			'rw',
			'lorong',
			'volume',
			'unit',
			'cost',
			'agency',
			'function',
			'target_groups',
			'status'
		]),
		...both('votes', votes, [
			'round',
			'format',
			'rule',
			'budget',
			'ballots',
			'proposal',
			'cost',
			'votes',
			'rank',
			'outcome'
		]),
		...both('plan', plan, [
			'priority',
			'title',
			'function',
			'location',
			'cost',
			...SOURCES,
			'funding_total',
			'unfunded',
			'in_kind',
			'partners',
			'participation_level',
			'progress',
			'origin'
		]),
		...both('tasks', tasks, ['item', 'task', 'due_date', 'status', 'progress'])
	});
}
