/**
 * The conductor (issue 12, items 1 and 3-5): only facilitators move the room; targets are
 * checked (own workshop, ballot only while open, results only once revealed); follow me
 * and the conductor stay one state; phones get results with reasons after reveal and never
 * anyone's choices; a draft forum's code is explained whether scanned or typed.
 */
import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { createBoard, getControlState, setFollow } from '$lib/boards/boards.server';
import { setConductor } from '$lib/voting/conductor.server';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, openRound, revealRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import type { ProposalInput, RoundInput } from '$lib/voting/forms';
import { setStatus } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { actions as workshopActions } from '../../src/routes/(app)/w/[workshopId]/+page.server';
import { load as ballotLoad } from '../../src/routes/p/v/[roundId]/+page.server';
import { load as joinLinkLoad } from '../../src/routes/j/[code]/+page.server';
import { actions as joinActions } from '../../src/routes/join/+page.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, aParticipant, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { workshopAsOwner } from './access';

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

/** Posts the conductor form as `userId`; the HTTP status it answers with. */
async function conduct(userId: string, workshopId: string, to: string): Promise<number> {
	const body = new FormData();
	body.set('to', to);
	const request = new Request(`http://app.test/w/${workshopId}?/conduct`, { method: 'POST', body });
	try {
		const result = (await workshopActions.conduct!({
			request,
			locals: { user: { id: userId } },
			params: { workshopId: workshopId }
		} as never)) as { status?: number };
		return result?.status ?? 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('the conductor', () => {
	it('is set by facilitators only; members, observers and strangers are refused', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const facilitator = await aMember(organisationId, owner.id, 'facilitator');
		const member = await aMember(organisationId, owner.id, 'member');
		const observer = await aMember(organisationId, owner.id, 'observer');
		const stranger = (await anOrganisationWithOwner('Lain')).owner;
		expect(await conduct(member.id, w.id, 'break')).toBe(403);
		expect(await conduct(observer.id, w.id, 'break')).toBe(403);
		expect([403, 404]).toContain(await conduct(stranger.id, w.id, 'break'));
		expect((await getControlState(w.id)).conductor).toMatchObject({ kind: 'free' });
		expect(await conduct(facilitator.id, w.id, 'break')).toBe(200);
		expect((await getControlState(w.id)).conductor).toMatchObject({ kind: 'break' });
		expect(await conduct(facilitator.id, w.id, 'nowhere:x')).toBe(400);
		expect(await conduct(owner.id, w.id, 'free')).toBe(200);
		expect((await getControlState(w.id)).conductor).toMatchObject({ kind: 'free' });
	});

	it('sends the room only to its own boards, open ballots and revealed results', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const other = await aWorkshop(organisationId);
		const board = await createBoard(w.id, 'Papan');
		const foreignBoard = await createBoard(other.id, 'Papan lain');
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'board', id: foreignBoard })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'board', id: board })).toEqual({ ok: true });
		const state = await getControlState(w.id);
		expect(state.conductor).toMatchObject({ kind: 'board', id: board });
		// Pages that read only the followed board still see it.
		expect(state.currentBoardId).toBe(board);

		const p1 = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Taman bermain', 50_000_000n)
		);
		const round = await createRound(await asOwner(w.id), roundOf([p1]));
		if (!round.ok) throw new Error(round.error);
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'ballot', id: round.id })).toEqual({
			ok: false,
			error: 'forum_error_round_not_open'
		});
		expect(await setConductor(await workshopAsOwner(other.id), { kind: 'ballot', id: round.id })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		await openRound(await asRunner(round.id));
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'ballot', id: round.id })).toEqual({ ok: true });
		expect((await getControlState(w.id)).currentBoardId).toBeNull();
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'results', id: round.id })).toEqual({
			ok: false,
			error: 'forum_error_not_revealed'
		});
		const closed = await closeRoundIntoPlan(await asRunner(round.id));
		if (closed.ok) await closed.counted; // reveal waits for the count
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'results', id: round.id })).toEqual({
			ok: false,
			error: 'forum_error_not_revealed'
		});
		await revealRound(await asRunner(round.id));
		expect(await setConductor(await workshopAsOwner(w.id), { kind: 'results', id: round.id })).toEqual({ ok: true });
	});

	it('is the same state as follow me: following a board, and stopping', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const board = await createBoard(w.id, 'Papan');
		await setFollow(await workshopAsOwner(w.id), { agendaItemId: null, boardId: board });
		expect((await getControlState(w.id)).conductor).toMatchObject({ kind: 'board', id: board });
		await setFollow(await workshopAsOwner(w.id), { agendaItemId: null, boardId: null });
		expect((await getControlState(w.id)).conductor).toMatchObject({ kind: 'free' });
	});
});

describe('the ballot page on a phone', () => {
	it('knows only whether this person voted, and after reveal shows every proposal with why it lost', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const big = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Lampu jalan', 80_000_000n)
		);
		const small = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Posyandu remaja', 30_000_000n)
		);
		const mid = await createProposal(
			await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
			usulan('Taman', 60_000_000n)
		);
		const round = await createRound(await asOwner(w.id), roundOf([big, small, mid], { budget: 100_000_000n }));
		if (!round.ok) throw new Error(round.error);
		await openRound(await asRunner(round.id));
		const voters = [await aParticipant(w, ''), await aParticipant(w, ''), await aParticipant(w, '')];
		await castBallot(asPhone(voters[0]), round.id, [big, small]);
		await castBallot(asPhone(voters[1]), round.id, [big, mid]);
		await castBallot(asPhone(voters[2]), round.id, [big, small]);
		const load = (who: SessionParticipant) =>
			ballotLoad({
				locals: { participant: who },
				params: { roundId: round.id },
				depends: () => {}
			} as never) as Promise<Record<string, unknown>>;
		const before = await load(voters[0]);
		expect(before.voted).toBe(true);
		expect(before.outcomes).toBeNull();
		// Nothing of the choices comes back: the phone keeps its own.
		expect(JSON.stringify(before)).not.toMatch(/choices|receipt/);
		expect((await load(await aParticipant(w, ''))).voted).toBe(false);

		const closed = await closeRoundIntoPlan(await asRunner(round.id));
		if (closed.ok) await closed.counted; // reveal waits for the count
		expect((await load(voters[0])).outcomes).toBeNull();
		await revealRound(await asRunner(round.id));
		const rows = (await load(voters[0])).outcomes as { title: string; votes: number; outcome: string }[];
		// Greedy: Lampu jalan (3) first, then 20 M left: Taman (1 vote, 60 M) over budget, Posyandu remaja (2, 30 M) too.
		expect(rows.map((r) => [r.title, r.votes, r.outcome])).toEqual([
			['Lampu jalan', 3, 'won'],
			['Posyandu remaja', 2, 'over-budget'],
			['Taman', 1, 'over-budget']
		]);
	});
});

describe('join states', () => {
	async function scanned(code: string) {
		try {
			return await joinLinkLoad({
				params: { code },
				url: new URL(`http://app.test/j/${code}`),
				locals: { participant: null },
				getClientAddress: () => '198.51.100.7'
			} as never);
		} catch (e) {
			if (isRedirect(e)) return { redirect: e.location };
			if (isHttpError(e)) return { status: e.status };
			throw e;
		}
	}
	async function typed(code: string) {
		const body = new FormData();
		body.set('code', code);
		try {
			return await joinActions.default!({
				request: new Request('http://app.test/join', { method: 'POST', body }),
				getClientAddress: () => '198.51.100.8'
			} as never);
		} catch (e) {
			if (isRedirect(e)) return { redirect: e.location };
			throw e;
		}
	}

	it('a draft forum is explained, not a 404, whether its code is scanned or typed', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const draft = await aWorkshop(organisationId, { open: false });
		expect(await scanned(draft.joinCode)).toMatchObject({ state: 'draft', code: draft.joinCode });
		// Typed: on to the same page.
		expect(await typed(draft.joinCode)).toEqual({ redirect: `/j/${draft.joinCode}` });
		// Closed: both lead to the follow-up page.
		await setStatus(await asOwner(draft.id), 'closed');
		expect(await scanned(draft.joinCode)).toEqual({ redirect: `/f/${draft.joinCode}` });
		expect(await typed(draft.joinCode)).toEqual({ redirect: `/j/${draft.joinCode}` });
		expect(await scanned('ZZZZZZ')).toEqual({ status: 404 });
	});
});
