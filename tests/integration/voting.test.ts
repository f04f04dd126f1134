import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot } from '../../src/lib/voting/voting.schema';
import {
	createProposal,
	listProposals,
	mergeProposals,
	proposalHistory,
	updateProposal,
	withdrawProposal
} from '$lib/voting/proposals.server';
import {
	castAssisted,
	castBallot,
	countVoters,
	createRound,
	enterPaperBallot,
	exportPabulib,
	findRound,
	openRound,
	setPaperTotals
} from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { listPlanItems } from '$lib/plans/plans.server';
import { parsePabulib, toElection } from '$lib/voting/pabulib';
import { mesCompleted } from '$lib/voting/rules';
import { Q } from '$lib/voting/rational';
import type { ProposalInput, RoundInput } from '$lib/voting/forms';
import { addParticipant, addAssisted } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

const usulan = (title: string, cost: bigint): ProposalInput => ({
	title,
	problem: `Masalah: ${title}`,
	targetGroups: ['child-7-12'],
	kelurahan: 'Tamamaung',
	rw: '03',
	lorong: 'Lorong 5',
	function: 'pencegahan',
	activity: 'Kegiatan',
	volume: 1,
	unit: 'paket',
	cost,
	agency: 'DP3A',
	proposedBy: '',
	proposedByGroup: 'child-7-12'
});
const roundOf = (proposalIds: string[], overrides: Partial<RoundInput> = {}): RoundInput => ({
	title: 'Prioritas 2027',
	format: 'approval',
	rule: 'greedy',
	proposalIds,
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

async function people(
	workshop: { id: string; groups: string[] },
	n: number,
	groups: string[] = []
): Promise<SessionParticipant[]> {
	const list: SessionParticipant[] = [];
	for (let i = 0; i < n; i++) {
		const joined = await addParticipant(workshop, { displayName: '', groups });
		if (!joined.ok) throw new Error('setup');
		const { id, workshopId, displayName, pseudonym } = joined.participant;
		list.push({ id, workshopId, displayName, pseudonym, groups: joined.participant.groups });
	}
	return list;
}

/** The worked example: six approve P1 and P2, four approve P3. */
async function withVotingOpen(rule: RoundInput['rule'] = 'mes', overrides: Partial<RoundInput> = {}) {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshop(organisationId);
	const p1 = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Taman bermain', 50_000_000n)
	);
	const p2 = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Lampu lorong', 30_000_000n)
	);
	const p3 = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Akses kursi roda', 40_000_000n)
	);
	const created = await createRound(await asOwner(w.id), roundOf([p1, p2, p3], { rule, ...overrides }));
	if (!created.ok) throw new Error(created.error);
	expect(await openRound(await asRunner(created.id))).toEqual({ ok: true });
	return { owner, w, p1, p2, p3, roundId: created.id };
}

describe('proposals', () => {
	it('edit, merge (both histories kept) and withdraw', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const a = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Lampu lorong', 30_000_000n)
		);
		const b = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Penerangan lorong', 25_000_000n)
		);
		const c = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Posyandu', 10_000_000n)
		);
		expect(
			await updateProposal(
				await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
				a,
				usulan('Lampu lorong RW 03', 30_000_000n)
			)
		).toEqual({ ok: true });
		expect(await mergeProposals(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), a, b)).toEqual({ ok: true });
		expect(await withdrawProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), c)).toEqual({ ok: true });
		expect((await listProposals(w.id, false)).map((p) => p.title)).toEqual(['Lampu lorong RW 03']);
		expect((await proposalHistory(a)).map((e) => e.kind)).toEqual([
			'created',
			'created',
			'edited',
			'merged-into',
			'merged-from'
		]);
		expect(await mergeProposals(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), a, c)).toEqual({
			ok: false,
			error: 'error_not_found'
		});
	});
});

describe('ballots', () => {
	it('refused when invalid, twice, for another workshop, or when the round is closed', async () => {
		const { w, p1, p2, roundId } = await withVotingOpen('greedy', { maxSelections: 2 });
		const [sari, budi] = await people(w, 2);
		expect(await castBallot(asPhone(sari), roundId, [p1, p1])).toEqual({ ok: false, error: 'error_ballot_duplicate' });
		expect(await castBallot(asPhone(sari), roundId, ['made-up'])).toEqual({ ok: false, error: 'error_ballot_unknown' });
		expect(await castBallot(asPhone(sari), roundId, [])).toEqual({ ok: false, error: 'error_ballot_too_few' });
		expect((await castBallot(asPhone(sari), roundId, [p1, p2])).ok).toBe(true);
		expect(await castBallot(asPhone(sari), roundId, [p1])).toEqual({ ok: false, error: 'error_already_voted' });
		const other = await aWorkshop((await anOrganisationWithOwner()).organisationId);
		const [stranger] = await people(other, 1);
		expect(await castBallot(asPhone(stranger), roundId, [p1])).toEqual({ ok: false, error: 'error_not_found' });
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		expect(closed.ok).toBe(true);
		if (closed.ok) await closed.counted;
		expect(await castBallot(asPhone(budi), roundId, [p1])).toEqual({ ok: false, error: 'error_round_closed' });
		expect(await countVoters(roundId)).toBe(1);
	});

	it('a changed ballot replaces the old one only with its receipt', async () => {
		const { w, p1, p2, roundId } = await withVotingOpen('greedy', { allowChange: true });
		const [sari] = await people(w, 1);
		const first = await castBallot(asPhone(sari), roundId, [p1]);
		if (!first.ok) throw new Error('cast');
		expect(await castBallot(asPhone(sari), roundId, [p2], 'wrong-receipt')).toEqual({
			ok: false,
			error: 'error_already_voted'
		});
		expect(await castBallot(asPhone(sari), roundId, [p2], first.receipt)).toMatchObject({ ok: true, changed: true });
		await closeRoundIntoPlan(await asRunner(roundId)); // ballots wait in memory until a batch is full or voting closes
		const rows = await db.select().from(ballot).where(eq(ballot.roundId, roundId));
		expect(rows.map((r) => r.choices)).toEqual([[p2]]);
	});

	it('knapsack and cumulative ballots are checked, never trimmed', async () => {
		const knap = await withVotingOpen('greedy', { format: 'knapsack' });
		const [a] = await people(knap.w, 1);
		expect(await castBallot(asPhone(a), knap.roundId, [knap.p1, knap.p2, knap.p3])).toEqual({
			ok: false,
			error: 'error_ballot_over_budget'
		});
		const cumul = await withVotingOpen('greedy', { format: 'cumulative', pointsPerVoter: 5, maxPointsPerProposal: 3 });
		const [b] = await people(cumul.w, 1);
		expect(await castBallot(asPhone(b), cumul.roundId, { [cumul.p1]: 4 })).toEqual({
			ok: false,
			error: 'error_ballot_max_points'
		});
		expect(await castBallot(asPhone(b), cumul.roundId, { [cumul.p1]: 3, [cumul.p2]: 3 })).toEqual({
			ok: false,
			error: 'error_ballot_too_many_points'
		});
		expect((await castBallot(asPhone(b), cumul.roundId, { [cumul.p1]: 3, [cumul.p2]: 2 })).ok).toBe(true);
	});

	it('stored ballots carry no participant id', async () => {
		const { w, p1, roundId } = await withVotingOpen('greedy');
		const [sari] = await people(w, 1, ['woman']);
		await castBallot(asPhone(sari), roundId, [p1]);
		await closeRoundIntoPlan(await asRunner(roundId)); // ballots wait in memory until a batch is full or voting closes
		const rows = await db.select().from(ballot).where(eq(ballot.roundId, roundId));
		// No channel and no groups either: they would point at the person (ballot-secrecy.test.ts).
		expect(Object.keys(rows[0]).sort()).toEqual(['choices', 'id', 'receiptHash', 'roundId']);
		expect(JSON.stringify(rows)).not.toContain(sari.id);
	});
});

describe('counting and closing', () => {
	it('MES on the worked example, every channel counted and labelled, winners in the plan', async () => {
		const { w, owner, p1, p2, p3, roundId } = await withVotingOpen('mes');
		const majority = await people(w, 5, ['woman']);
		const minority = await people(w, 3, ['disability']);
		for (const person of majority) expect((await castBallot(asPhone(person), roundId, [p1, p2])).ok).toBe(true);
		for (const person of minority) expect((await castBallot(asPhone(person), roundId, [p3])).ok).toBe(true);
		// One more of each side: assisted (no phone) and a keyed-in paper ballot.
		const assisted = await addAssisted(await workshopAccessFor(owner.id, w.id, 'workshop.run'), {
			displayName: 'Pak Daeng',
			groups: ['elder']
		});
		if (!assisted.ok) throw new Error('setup');
		expect((await castAssisted(await asRunner(roundId), assisted.participant.id, [p1, p2])).ok).toBe(true);
		expect(await castAssisted(await asRunner(roundId), assisted.participant.id, [p1])).toEqual({
			ok: false,
			error: 'error_already_voted'
		});
		expect((await enterPaperBallot(await asRunner(roundId), [p3])).ok).toBe(true);
		expect(await setPaperTotals(await asRunner(roundId), [{ proposalId: p3, votes: 3 }], 3)).toEqual({
			ok: false,
			error: 'error_totals_mes'
		});

		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		const result = await closed.counted;
		expect(result.winners.map((x) => x.id)).toEqual([p2, p3]);
		expect(result.channels).toMatchObject({ phone: 8, assisted: 1, paper: 1 });
		expect(result.mes?.share).toBe('10000000');
		// Groups: woman has 5 voters (shown); disability 3 and elder 1 are hidden.
		expect(result.groups.map((g) => g.group)).toEqual(['woman']);
		expect(result.hiddenGroups).toBe(2);
		expect(await closeRoundIntoPlan(await asRunner(roundId))).toEqual({ ok: false, error: 'error_round_state' });

		const plan = await listPlanItems(w.id);
		expect(plan.map((i) => [i.priorityRank, i.originProposalId, i.originKind])).toEqual([
			[1, p2, 'vote'],
			[2, p3, 'vote']
		]);

		// Open data: the export read back and recounted gives the same winners.
		const round = await findRound(w.id, roundId);
		const file = parsePabulib(await exportPabulib(round!, w.title));
		expect(file.votes).toHaveLength(10);
		const lot = file.meta.tie_break_lot.split(',');
		const recount = mesCompleted(
			toElection(file),
			{ order: ['cost', 'votes', 'lot'], lot },
			Q.of(BigInt(file.meta.add1_step))
		);
		expect(recount.selected).toEqual([p2, p3]);
	});

	it('greedy counts paper totals with the phone ballots', async () => {
		const { w, p1, p2, p3, roundId } = await withVotingOpen('greedy');
		const voters = await people(w, 2);
		await castBallot(asPhone(voters[0]), roundId, [p3]);
		await castBallot(asPhone(voters[1]), roundId, [p3]);
		expect(
			await setPaperTotals(
				await asRunner(roundId),
				[
					{ proposalId: p1, votes: 4 },
					{ proposalId: p2, votes: 1 }
				],
				5
			)
		).toEqual({ ok: true });
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		const result = await closed.counted;
		expect(result.scores).toEqual({ [p1]: 4, [p2]: 1, [p3]: 2 });
		expect(result.winners.map((x) => x.id)).toEqual([p1, p3]);
		expect(result.channels).toMatchObject({ phone: 2, paperTotals: 5 });
	});
});

describe('promotion from a board note', () => {
	it('the proposal links to the note and the note to the proposal', async () => {
		const { createBoard } = await import('$lib/boards/boards.server');
		const realtime = await import('$lib/server/realtime');
		const { addNote, readBoard } = await import('$lib/boards/model');
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boardId = await createBoard(w.id, 'Papan');
		const noteId = await realtime.changeBoardDoc(boardId, (doc) => addNote(doc, { text: 'Jalan ke sekolah gelap' }));
		const id = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Jalan ke sekolah gelap', 20_000_000n),
			{ boardId, noteId }
		);
		const [stored] = await listProposals(w.id);
		expect(stored).toMatchObject({ id, title: 'Jalan ke sekolah gelap', boardId, noteId });
		expect((await proposalHistory(id)).map((e) => e.kind)).toEqual(['promoted']);
		const note = await realtime.readBoardDoc(boardId, (doc) => readBoard(doc).notes[0]);
		expect(note.proposalId).toBe(id);
	});
});
