/** Results by group as closing freezes them and as pages receive them: nothing subtracts down to a person. */
import { describe, expect, it } from 'vitest';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, enterPaperBallot, findRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { publicResult } from '$lib/voting/breakdown';
import type { RoundResult } from '$lib/voting/count';
import { addParticipant } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

async function aRoundWith(voters: { groups: string[]; choice: 'A' | 'B' }[], paper: ('A' | 'B')[] = []) {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshop(organisationId);
	const base = {
		problem: '',
		targetGroups: [],
		kelurahan: '',
		rw: '',
		lorong: '',
		function: 'pencegahan' as const,
		activity: '',
		volume: 1,
		unit: 'paket',
		cost: 10_000_000n,
		agency: '',
		proposedBy: '',
		proposedByGroup: null
	};
	const ids = {
		A: await createProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), { ...base, title: 'A' }),
		B: await createProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), { ...base, title: 'B' })
	};
	const created = await createRound(await asOwner(w.id), {
		title: 'Prioritas',
		format: 'approval',
		rule: 'greedy',
		proposalIds: [ids.A, ids.B],
		budget: 50_000_000n,
		minSelections: 1,
		maxSelections: 1,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: false
	});
	if (!created.ok) throw new Error(created.error);
	await openRound(await asRunner(created.id));
	for (const v of voters) {
		const joined = await addParticipant(w, { displayName: '', groups: v.groups });
		if (!joined.ok) throw new Error('setup');
		const p = joined.participant;
		expect(
			(
				await castBallot(
					asPhone({ id: p.id, workshopId: w.id, displayName: p.displayName, pseudonym: p.pseudonym, groups: p.groups }),
					created.id,
					[ids[v.choice]]
				)
			).ok
		).toBe(true);
	}
	for (const choice of paper) await enterPaperBallot(await asRunner(created.id), [ids[choice]]);
	const closed = await closeRoundIntoPlan(await asRunner(created.id));
	if (!closed.ok) throw new Error(closed.error);
	const result = await closed.counted;
	const round = await findRound(w.id, created.id);
	return { result, shown: publicResult(round!.result as unknown as RoundResult), ids };
}

describe('results by group', () => {
	it('5 women and one elder: "woman" is withheld, since the total minus it is the elder\'s ballot', async () => {
		const { result, shown } = await aRoundWith([
			...Array(5).fill({ groups: ['woman'], choice: 'A' }),
			{ groups: ['elder'], choice: 'B' }
		]);
		expect(result.ballots).toBe(6);
		expect(result.groups).toEqual([]);
		expect(result.hiddenGroups).toBe(2);
		expect(shown.groups).toEqual([]);
	});

	it('with 5 anonymous paper ballots beside him the rest is large enough and "woman" is shown', async () => {
		const { result, shown, ids } = await aRoundWith(
			[...Array(5).fill({ groups: ['woman'], choice: 'A' }), { groups: ['elder'], choice: 'B' }],
			['A', 'B', 'A', 'B', 'A']
		);
		expect(result.groups).toEqual([{ group: 'woman', ballots: 5, scores: { [ids.A]: 5 } }]);
		expect(result.hiddenGroups).toBe(1);
		expect(shown).toEqual(result);
	});

	it('two groups sharing one voter: only one of them is shown', async () => {
		const { result } = await aRoundWith([
			...Array(6).fill({ groups: ['woman'], choice: 'A' }),
			...Array(6).fill({ groups: ['elder'], choice: 'B' }),
			{ groups: ['woman', 'elder'], choice: 'B' },
			...Array(6).fill({ groups: [], choice: 'A' })
		]);
		expect(result.groups.map((g) => g.group)).toHaveLength(1);
		expect(result.hiddenGroups).toBe(1);
	});
});
