/** Assisted ballots: only for people recorded as assisted (no phone), never in place of a phone voter. */
import { describe, expect, it } from 'vitest';
import { createProposal } from '$lib/voting/proposals.server';
import { castAssisted, castBallot, countVoters, createRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { addParticipant, addAssisted } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';

useTestDatabase();

describe('assisted ballots', () => {
	it('are refused for a participant who joined by phone, who can still vote on it; accepted for an assisted person', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const p1 = await createProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), {
			title: 'Lampu lorong',
			problem: '',
			targetGroups: [],
			kelurahan: '',
			rw: '',
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
		const created = await createRound(await asOwner(w.id), {
			title: 'Prioritas',
			format: 'approval',
			rule: 'greedy',
			proposalIds: [p1],
			budget: 50_000_000n,
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

		const phone = await addParticipant(w, { displayName: 'Sari', groups: ['woman'] }); // joined with a code on her phone
		const assisted = await addAssisted(await workshopAccessFor(owner.id, w.id, 'workshop.run'), {
			displayName: 'Pak Daeng',
			groups: ['elder']
		}); // added by the facilitator
		if (!phone.ok || !assisted.ok) throw new Error('setup');

		expect(await castAssisted(await asRunner(created.id), phone.participant.id, [p1])).toEqual({
			ok: false,
			error: 'secret_error_not_assisted'
		});
		expect(await countVoters(created.id)).toBe(0);
		const sari = phone.participant;
		expect(
			(
				await castBallot(
					asPhone({
						id: sari.id,
						workshopId: w.id,
						displayName: sari.displayName,
						pseudonym: sari.pseudonym,
						groups: sari.groups
					}),
					created.id,
					[p1]
				)
			).ok
		).toBe(true);

		expect((await castAssisted(await asRunner(created.id), assisted.participant.id, [p1])).ok).toBe(true);
		expect(await castAssisted(await asRunner(created.id), assisted.participant.id, [p1])).toEqual({
			ok: false,
			error: 'error_already_voted'
		});
		const closed = await closeRoundIntoPlan(await asRunner(created.id));
		if (!closed.ok) throw new Error(closed.error);
		expect((await closed.counted).channels).toMatchObject({ phone: 1, assisted: 1, paper: 0 });
	});
});
