/**
 * Secret ballots against someone who can read the database (or a dump of it): no
 * shared transaction (xmin), no physical order (ctid), no id order and no column may
 * pair a ballot with its guard or with a participant. Runs on PGlite and Postgres
 * alike: both are Postgres, with the same system columns.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, ballotGuard } from '../../src/lib/voting/voting.schema';
import { createProposal } from '$lib/voting/proposals.server';
import {
	castAssisted,
	castBallot,
	countVoters,
	createRound,
	enterPaperBallot,
	openRound
} from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import {
	BALLOT_BATCH,
	compactBallotTables,
	discardPendingBallots,
	recoverLostBallots,
	writeAllWaiting
} from '$lib/voting/ballot-pool.server';
import type { ProposalInput, RoundInput } from '$lib/voting/forms';
import { addParticipant, addAssisted } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

const usulan = (title: string): ProposalInput => ({
	title,
	problem: '',
	targetGroups: [],
	kelurahan: 'Tamamaung',
	rw: '03',
	lorong: '',
	function: 'pencegahan',
	activity: '',
	volume: 1,
	unit: 'paket',
	cost: 10_000_000n,
	agency: '',
	proposedBy: '',
	proposedByGroup: null
});

async function anOpenRound(overrides: Partial<RoundInput> = {}) {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshop(organisationId);
	const ids: string[] = [];
	for (const t of ['A', 'B', 'C', 'D', 'E'])
		ids.push(await createProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), usulan(`Usulan ${t}`)));
	const created = await createRound(await asOwner(w.id), {
		title: 'Rahasia',
		format: 'approval',
		rule: 'greedy',
		proposalIds: ids,
		budget: 100_000_000n,
		minSelections: 1,
		maxSelections: null,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: false,
		...overrides
	});
	if (!created.ok) throw new Error(created.error);
	await openRound(await asRunner(created.id));
	return { owner, w, ids, roundId: created.id };
}

async function phones(w: { id: string; groups: string[] }, n: number, groups: string[]): Promise<SessionParticipant[]> {
	const list: SessionParticipant[] = [];
	for (let i = 0; i < n; i++) {
		const joined = await addParticipant(w, { displayName: `Warga ${i}`, groups });
		if (!joined.ok) throw new Error('setup');
		const p = joined.participant;
		list.push({
			id: p.id,
			workshopId: p.workshopId,
			displayName: p.displayName,
			pseudonym: p.pseudonym,
			groups: p.groups
		});
	}
	return list;
}

/** Voter i approves a subset of the proposals no one else approves, so a ballot names its voter for the test. */
const distinctBallot = (ids: string[], i: number) => ids.filter((_, bit) => ((i + 1) >> bit) & 1);
const key = (choices: unknown) => JSON.stringify([...(choices as string[])].sort());

type Row = Record<string, unknown>;
async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
	const result = await db.execute(query);
	return Array.isArray(result) ? (result as Row[]) : (result as unknown as { rows: Row[] }).rows;
}

/** What a reader of the database sees of one round: every column plus xmin and ctid. */
async function readAsDatabaseReader(roundId: string) {
	const ballots = await rows(
		sql`select *, xmin::text as xmin, ctid::text as ctid from ballot where round_id = ${roundId} order by ctid`
	);
	const guards = await rows(
		sql`select *, xmin::text as xmin, ctid::text as ctid from ballot_guard where round_id = ${roundId} order by ctid`
	);
	return { ballots, guards };
}

/** Fails when some guard shares its transaction with some, but not all, of the round's ballots. */
function expectNoSharedTransaction(ballots: Row[], guards: Row[]) {
	for (const g of guards) {
		const same = ballots.filter((b) => b.xmin === g.xmin).length;
		expect(
			same === 0 || same === ballots.length,
			`guard xmin ${g.xmin} pairs with ${same} of ${ballots.length} ballots`
		).toBe(true);
	}
}

describe('a database reader cannot pair a ballot with a voter', () => {
	it('ballot columns hold no group, channel, time or person', async () => {
		const columns = await rows(
			sql`select column_name from information_schema.columns where table_name = 'ballot' order by column_name`
		);
		expect(columns.map((c) => c.column_name)).toEqual(['choices', 'id', 'receipt_hash', 'round_id']);
		const guardColumns = await rows(
			sql`select column_name from information_schema.columns where table_name = 'ballot_guard' order by column_name`
		);
		// The guard says who voted and how (phone or assisted), never what or when.
		expect(guardColumns.map((c) => c.column_name)).toEqual(['channel', 'participant_id', 'round_id', 'state']);
	});

	it('no shared xmin, no ctid or id order, no column that pairs ballots with guards: while open and after closing', async () => {
		const { w, ids, roundId } = await anOpenRound();
		const n = BALLOT_BATCH + 3;
		const voters = [...(await phones(w, n - 1, ['woman'])), ...(await phones(w, 1, ['elder']))];
		const voterOf = new Map<string, number>();
		for (const [i, v] of voters.entries()) {
			voterOf.set(key(distinctBallot(ids, i)), i);
			expect((await castBallot(asPhone(v), roundId, distinctBallot(ids, i))).ok).toBe(true);
		}
		expect(await countVoters(roundId)).toBe(n);

		for (const stage of ['open', 'closed']) {
			if (stage === 'closed') expect((await closeRoundIntoPlan(await asRunner(roundId))).ok).toBe(true);
			const { ballots, guards } = await readAsDatabaseReader(roundId);
			expect(guards).toHaveLength(n);
			expectNoSharedTransaction(ballots, guards);
			// While open, ballots reach the table only in whole shuffled batches; closing writes the rest.
			expect(ballots.length).toBe(stage === 'open' ? BALLOT_BATCH : n);
			// Every ballot of the round was (re)written in one transaction.
			expect(new Set(ballots.map((b) => b.xmin)).size).toBe(1);
			const castOrder = ballots.map((b) => voterOf.get(key(b.choices))!);
			expect(castOrder.every((i) => i !== undefined)).toBe(true);
			expect(castOrder, 'physical order follows casting order').not.toEqual([...castOrder].sort((a, b) => a - b));
			const byId = [...ballots]
				.sort((a, b) => String(a.id).localeCompare(String(b.id)))
				.map((b) => voterOf.get(key(b.choices))!);
			expect(byId, 'id order follows casting order').not.toEqual([...byId].sort((a, b) => a - b));
			// No value of any ballot column names a person or a group.
			const text = JSON.stringify(ballots.map(({ xmin: _x, ctid: _c, ...columns }) => columns));
			for (const v of voters) expect(text).not.toContain(v.id);
			expect(text).not.toMatch(/woman|elder|phone|assisted/);
		}
	});

	it('a flushed ballot is changed with its receipt, in a transaction that does not touch the guard', async () => {
		const { w, ids, roundId } = await anOpenRound({ allowChange: true });
		const voters = await phones(w, BALLOT_BATCH, []);
		const receipts: string[] = [];
		for (const [i, v] of voters.entries()) {
			const cast = await castBallot(asPhone(v), roundId, distinctBallot(ids, i));
			if (!cast.ok) throw new Error(cast.error);
			receipts.push(cast.receipt);
		}
		const before = await readAsDatabaseReader(roundId);
		expect(before.ballots).toHaveLength(BALLOT_BATCH);
		expect(await castBallot(asPhone(voters[0]), roundId, [ids[4]], 'not-the-receipt')).toEqual({
			ok: false,
			error: 'error_already_voted'
		});
		expect(await castBallot(asPhone(voters[0]), roundId, [ids[4]], receipts[0])).toMatchObject({
			ok: true,
			changed: true
		});
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		const after = await readAsDatabaseReader(roundId);
		expect(after.ballots.map((b) => key(b.choices))).not.toContain(key(distinctBallot(ids, 0)));
		expect(after.ballots.map((b) => key(b.choices))).toContain(key([ids[4]]));
		expect((await closed.counted).ballots).toBe(BALLOT_BATCH);
		expectNoSharedTransaction(after.ballots, after.guards);
	});

	it('ballots lost with the process free their guards, so those voters can vote again; written ones stay guarded', async () => {
		const { w, ids, roundId } = await anOpenRound();
		const voters = await phones(w, BALLOT_BATCH + 2, []);
		for (const v of voters) expect((await castBallot(asPhone(v), roundId, [ids[0]])).ok).toBe(true);
		discardPendingBallots(); // what a crash does to the ballots still waiting in memory
		expect(await recoverLostBallots()).toBe(2);
		const guards = await db.select().from(ballotGuard).where(eq(ballotGuard.roundId, roundId));
		expect(guards).toHaveLength(BALLOT_BATCH);
		expect(guards.every((g) => g.state === 'cast')).toBe(true);
		expect((await castBallot(asPhone(voters[BALLOT_BATCH]), roundId, [ids[1]])).ok).toBe(true);
		expect(await castBallot(asPhone(voters[0]), roundId, [ids[1]])).toEqual({
			ok: false,
			error: 'error_already_voted'
		});
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		expect((await closed.counted).ballots).toBe(BALLOT_BATCH + 1);
		expect((await closed.counted).scores).toMatchObject({ [ids[0]]: BALLOT_BATCH, [ids[1]]: 1 });
		// The breakdown cannot be made honestly once the memory of groups is gone: it is withheld.
		expect((await closed.counted).groups).toEqual([]);
		expect((await closed.counted).groupsUnavailable).toBe(true);
	});

	it('channels are counted from guards, not read from ballots', async () => {
		const { owner, w, ids, roundId } = await anOpenRound();
		const [sari] = await phones(w, 1, []);
		const daeng = await addAssisted(await workshopAccessFor(owner.id, w.id, 'workshop.run'), {
			displayName: 'Pak Daeng',
			groups: ['elder']
		});
		if (!daeng.ok) throw new Error('setup');
		expect((await castBallot(asPhone(sari), roundId, [ids[0]])).ok).toBe(true);
		expect((await castAssisted(await asRunner(roundId), daeng.participant.id, [ids[1]])).ok).toBe(true);
		expect((await enterPaperBallot(await asRunner(roundId), [ids[2]])).ok).toBe(true);
		expect(await countVoters(roundId)).toBe(3);
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		expect((await closed.counted).channels).toMatchObject({ phone: 1, assisted: 1, paper: 1 });
		expect(await db.select().from(ballot).where(eq(ballot.roundId, roundId))).toHaveLength(3);
	});

	it('at start the ballot tables are rewritten into new files, leaving no dead row version behind', async () => {
		const fileOf = async () =>
			(
				await rows(
					sql`select pg_relation_filenode('ballot')::text as b, pg_relation_filenode('ballot_guard')::text as g`
				)
			)[0];
		const before = await fileOf();
		await compactBallotTables();
		const after = await fileOf();
		expect(after.b).not.toBe(before.b);
		expect(after.g).not.toBe(before.g);
	});

	it('a graceful stop writes the waiting ballots, even fewer than a batch', async () => {
		const { w, ids, roundId } = await anOpenRound();
		const voters = await phones(w, 3, []);
		for (const v of voters) expect((await castBallot(asPhone(v), roundId, [ids[0]])).ok).toBe(true);
		expect(await db.select().from(ballot).where(eq(ballot.roundId, roundId))).toHaveLength(0);
		await writeAllWaiting();
		expect(await db.select().from(ballot).where(eq(ballot.roundId, roundId))).toHaveLength(3);
		const guards = await db.select().from(ballotGuard).where(eq(ballotGuard.roundId, roundId));
		expect(guards.map((g) => g.state)).toEqual(['cast', 'cast', 'cast']);
		expect(await recoverLostBallots()).toBe(0);
	});
});
