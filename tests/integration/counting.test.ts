import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { votingRound } from '../../src/lib/voting/voting.schema';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, findRound, openRound, revealRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan, countRoundIntoPlan, ensureCountedIntoPlan } from '$lib/plans/round-winners.server';
import { countInWorker, hashInput } from '$lib/voting/counting.server';
import { countRound, type CountInput, type CountProgress } from '$lib/voting/count';
import { listPlanItems } from '$lib/plans/plans.server';
import { addParticipant } from '$lib/workshops/workshops.server';
import type { ProposalInput } from '$lib/voting/forms';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

const usulan = (title: string, cost: bigint): ProposalInput => ({
	title,
	problem: `Masalah: ${title}`,
	targetGroups: [],
	kelurahan: 'Tamamaung',
	rw: '03',
	lorong: '',
	function: 'pencegahan',
	activity: 'Kegiatan',
	volume: 1,
	unit: 'paket',
	cost,
	agency: 'DP3A',
	proposedBy: '',
	proposedByGroup: null
});

/** The worked example under MES + Add1: six approve P1 and P2, four approve P3. */
async function aClosableMesRound() {
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
	const created = await createRound(await asOwner(w.id), {
		title: 'Prioritas',
		format: 'approval',
		rule: 'mes',
		proposalIds: [p1, p2, p3],
		budget: 100_000_000n,
		minSelections: 1,
		maxSelections: null,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: false
	});
	if (!created.ok) throw new Error(created.error);
	await openRound(await asRunner(created.id));
	for (let i = 0; i < 10; i++) {
		const joined = await addParticipant(w, { displayName: '', groups: [] });
		if (!joined.ok) throw new Error('setup');
		const { id, workshopId, displayName, pseudonym, groups } = joined.participant;
		await castBallot(asPhone({ id, workshopId, displayName, pseudonym, groups }), created.id, i < 6 ? [p1, p2] : [p3]);
	}
	return { w, p1, p2, p3, roundId: created.id };
}

describe('counting off the request path', () => {
	it('closing returns before the count; the result comes with its inputs hash and the plan', async () => {
		const { w, p2, p3, roundId } = await aClosableMesRound();
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		const right = await findRound(w.id, roundId);
		expect(right?.status).toBe('closed');
		expect(right?.result).toBeNull();
		// Nothing to reveal while counting.
		expect(await revealRound(await asRunner(roundId))).toEqual({ ok: false, error: 'error_round_state' });

		const result = await closed.counted;
		expect(result.winners.map((x) => x.id)).toEqual([p2, p3]);
		const after = await findRound(w.id, roundId);
		expect(after?.result).toMatchObject({ winners: [{ id: p2 }, { id: p3 }] });
		expect(after?.resultHash).toMatch(/^[0-9a-f]{64}$/);
		expect(after?.countState).toEqual({ state: 'done', rule: 'mes', steps: expect.any(Number) });
		expect((await listPlanItems(w.id)).map((i) => i.originProposalId)).toEqual([p2, p3]);
		expect(await revealRound(await asRunner(roundId))).toEqual({ ok: true });
	});

	it('the same inputs are never counted twice; a lost count is started again', async () => {
		const { w, p2, roundId } = await aClosableMesRound();
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		if (!closed.ok) throw new Error(closed.error);
		await closed.counted;
		// Mark the stored result: a recount would overwrite the mark, reuse keeps it.
		const [row] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
		await db
			.update(votingRound)
			.set({ result: { ...row.result, marked: true } })
			.where(eq(votingRound.id, roundId));
		expect(await countRoundIntoPlan(roundId)).toMatchObject({ marked: true });
		expect(ensureCountedIntoPlan({ ...row, result: row.result })).toBeNull();

		// A restart lost the count (no result): opening the page counts again, once.
		await db
			.update(votingRound)
			.set({ result: null, countState: { state: 'counting', rule: 'mes', step: 3, startedAt: '' } })
			.where(eq(votingRound.id, roundId));
		const lost = (await findRound(w.id, roundId))!;
		const again = ensureCountedIntoPlan(lost);
		expect(again).not.toBeNull();
		expect(countRoundIntoPlan(roundId)).toBe(again);
		expect((await again!).winners[0].id).toBe(p2);
		expect((await findRound(w.id, roundId))?.countState).toMatchObject({ state: 'done' });
		// The plan got the winners once, at the first count.
		expect((await listPlanItems(w.id)).length).toBe(2);
	});

	it('a round that is not closed is not counted', async () => {
		const { roundId } = await aClosableMesRound();
		await expect(countRoundIntoPlan(roundId)).rejects.toThrow('error_round_state');
	});
});

describe('the count worker', () => {
	const input: CountInput = {
		format: 'approval',
		rule: 'mes',
		budget: 100n,
		topK: null,
		add1Step: 1n,
		lot: ['a', 'b', 'c', 'd'],
		proposals: [
			{ id: 'a', title: 'A', cost: 60n },
			{ id: 'b', title: 'B', cost: 40n },
			{ id: 'c', title: 'C', cost: 30n },
			{ id: 'd', title: 'D', cost: 20n }
		],
		ballots: [['a', 'b'], ['a'], ['a', 'c'], ['b', 'd'], ['c'], ['d', 'a']].map((choices) => ({ choices, groups: [] })),
		channels: { phone: 6, assisted: 0, paper: 0 },
		groupsKnown: true,
		paperTotals: []
	};

	it('counts as the pure function does and reports each Add1 rerun', async () => {
		const progress: CountProgress[] = [];
		const result = await countInWorker(input, (p) => progress.push(p));
		expect(result).toEqual(countRound(input));
		expect(result.mes?.iterations).toBeGreaterThan(0);
		expect(progress.map((p) => p.step)).toEqual(Array.from({ length: result.mes!.iterations }, (_, i) => i + 1));
		expect(progress.every((p) => p.rule === 'mes')).toBe(true);
	});

	it('hashes the inputs: another ballot, another hash', () => {
		expect(hashInput(input)).toBe(hashInput(structuredClone(input)));
		expect(hashInput({ ...input, ballots: input.ballots.slice(1) })).not.toBe(hashInput(input));
	});
});
