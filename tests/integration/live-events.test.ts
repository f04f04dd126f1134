/**
 * Live events reach only the pages of people allowed to see them. The live endpoints are
 * called as SvelteKit would (locals from the session), their event streams read back.
 */
import { describe, expect, it } from 'vitest';
import { createBoard, setBoardFlags } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, openRound, revealRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { eventBus, type MemoryEventBus } from '$lib/server/events';
import { attendanceTopic, roundStatusTopic, roundTopic } from '$lib/live/topics';
import type { ProposalInput } from '$lib/voting/forms';
import { useTestDatabase } from './db';
import { open, type LiveEvent } from './live-harness';
import { aMember, anOrganisationWithOwner, aWorkshop, aParticipant, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { boardAs, onBoard } from './access';
import { answerPulse, closePulse, openPulse, openPulseFor } from '$lib/social/pulse.server';
import { addActorFromPhone, phoneMapAccess, startWorkshopMap } from '$lib/network/network.server';

useTestDatabase();

const settle = () => new Promise((r) => setTimeout(r, 200));
const named = (events: LiveEvent[], name: string) => events.filter((e) => e.event === name);

const usulan = (title: string): ProposalInput => ({
	title,
	problem: 'Masalah',
	targetGroups: [],
	kelurahan: 'Tamamaung',
	rw: '03',
	lorong: '',
	function: 'pencegahan',
	activity: 'Kegiatan',
	volume: 1,
	unit: 'paket',
	cost: 10_000_000n,
	agency: 'DP3A',
	proposedBy: '',
	proposedByGroup: null
});

async function aWorkshopWithBoardAndRound() {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshop(organisationId);
	const boardId = await createBoard(w.id, 'Papan');
	await setBoardFlags(await boardAs(boardId), { moderation: true });
	const proposalId = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Lampu lorong')
	);
	const round = await createRound(await asOwner(w.id), {
		title: 'Prioritas',
		format: 'approval',
		rule: 'greedy',
		proposalIds: [proposalId],
		budget: 100_000_000n,
		minSelections: 1,
		maxSelections: null,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: false
	});
	if (!round.ok) throw new Error(round.error);
	return { owner, organisationId, w, boardId, proposalId, roundId: round.id };
}

describe('live events for members', () => {
	it('bring the facilitator attendance, the moderation queue and the ballot count as they change', async () => {
		const { owner, w, boardId, proposalId, roundId } = await aWorkshopWithBoardAndRound();
		const feed = await open({ user: owner }, `/w/${w.id}/live`, [
			'attendance',
			`moderation:${boardId}`,
			`round:${roundId}`
		]);
		expect(feed.status).toBe(200);
		// On connect, the current state: what a reconnecting page catches up with.
		await feed.until(
			(e) =>
				named(e, 'attendance').length === 1 && named(e, 'moderation').length === 1 && named(e, 'round').length === 1
		);
		expect(named(feed.events, 'round')[0].data).toEqual({
			id: roundId,
			status: 'draft',
			revealed: false,
			counted: false,
			count: null,
			voters: 0
		});

		const sari = await aParticipant(w);
		await feed.until((e) => named(e, 'attendance').some((x) => (x.data as { total: number }).total === 1));
		await contributeNote(await onBoard(sari, boardId), {
			id: crypto.randomUUID(),
			text: 'Lampu taman mati',
			colour: 'yellow',
			pictogram: null
		});
		await feed.until((e) => named(e, 'moderation').some((x) => JSON.stringify(x.data).includes('Lampu taman mati')));
		await openRound(await asRunner(roundId));
		expect(await castBallot(asPhone(sari), roundId, [proposalId])).toMatchObject({ ok: true });
		await feed.until((e) => named(e, 'round').some((x) => (x.data as { voters: number }).voters === 1));
		feed.close();
		// The stream lets go of its topics once the close reaches it (a load may still be running).
		await expect.poll(() => (eventBus() as MemoryEventBus).count(attendanceTopic(w.id)), { timeout: 5000 }).toBe(0);
	});

	it('another organisation receives nothing; an observer never the moderation queue', async () => {
		const { owner, organisationId, w, boardId, roundId } = await aWorkshopWithBoardAndRound();
		const stranger = await anOrganisationWithOwner('Organisasi lain');
		for (const topics of [
			['attendance'],
			['rounds'],
			[`round:${roundId}`],
			[`moderation:${boardId}`],
			['safeguarding']
		]) {
			expect((await open({ user: stranger.owner }, `/w/${w.id}/live`, topics)).status).toBe(404);
		}
		const observer = await aMember(organisationId, owner.id, 'observer');
		expect((await open({ user: observer }, `/w/${w.id}/live`, [`moderation:${boardId}`])).status).toBe(403);
		expect((await open({ user: observer }, `/w/${w.id}/live`, ['attendance', `moderation:${boardId}`])).status).toBe(
			403
		);
		// "I need help" alerts name a child's pseudonym: facilitators only.
		expect((await open({ user: observer }, `/w/${w.id}/live`, ['safeguarding'])).status).toBe(403);
		expect(
			(await open({ user: await aMember(organisationId, owner.id, 'member') }, `/w/${w.id}/live`, ['safeguarding']))
				.status
		).toBe(403);
		const watching = await open({ user: observer }, `/w/${w.id}/live`, ['attendance']);
		expect(watching.status).toBe(200);
		watching.close();
		expect((await open({}, `/w/${w.id}/live`, ['attendance'])).status).toBe(401);
		expect((await open({ user: owner }, `/w/${w.id}/live`, ['everything'])).status).toBe(400);
	});

	it("a board or round of another workshop is refused even to its own organisation's facilitator", async () => {
		const { owner, organisationId, w } = await aWorkshopWithBoardAndRound();
		const other = await aWorkshop(organisationId);
		const otherBoard = await createBoard(other.id, 'Papan lain');
		expect((await open({ user: owner }, `/w/${w.id}/live`, [`moderation:${otherBoard}`])).status).toBe(404);
	});

	it("one workshop's changes do not reach another workshop's pages", async () => {
		const a = await aWorkshopWithBoardAndRound();
		const b = await aWorkshopWithBoardAndRound();
		const feedB = await open({ user: b.owner }, `/w/${b.w.id}/live`, ['attendance', `moderation:${b.boardId}`]);
		await feedB.until((e) => e.length === 2);
		const sari = await aParticipant(a.w);
		await contributeNote(await onBoard(sari, a.boardId), {
			id: crypto.randomUUID(),
			text: 'Rahasia A',
			colour: 'yellow',
			pictogram: null
		});
		await settle();
		expect(feedB.events.length).toBe(2);
		feedB.close();
	});
});

describe('trust pulse and network map, pushed to the facilitator and the wall', () => {
	it('an answer, a close and a phone adding to the map each reach the page; another organisation gets 404', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const run = await workshopAccessFor(owner.id, w.id, 'workshop.run');
		const feed = await open({ user: owner }, `/w/${w.id}/live`, ['pulse', 'network']);
		expect(feed.status).toBe(200);
		await feed.until((e) => named(e, 'pulse').length === 1 && named(e, 'network').length === 1);
		expect(named(feed.events, 'pulse')[0].data).toEqual([]);
		expect(named(feed.events, 'network')[0].data).toBeNull();

		expect(await openPulse(run, 'start')).toEqual({ ok: true });
		await feed.until((e) => named(e, 'pulse').some((x) => JSON.stringify(x.data).includes('"status":"open"')));
		const sari = await aParticipant(w);
		const pulse = (await openPulseFor(asPhone(sari)))!;
		const five = Object.fromEntries(pulse.statements.map((s) => [s, 4]));
		expect(await answerPulse(asPhone(sari), pulse.id, five)).toEqual({ ok: true });
		const counted = (x: LiveEvent) => (x.data as { respondents: number }[])[0]?.respondents === 1;
		await feed.until((e) => named(e, 'pulse').some(counted));
		expect(await closePulse(run, 'start')).toEqual({ ok: true });
		await feed.until((e) => named(e, 'pulse').some((x) => JSON.stringify(x.data).includes('"status":"closed"')));

		const mapId = await startWorkshopMap(run);
		const onMap = await phoneMapAccess(asPhone(sari), mapId);
		expect(await addActorFromPhone(onMap, { name: 'Dinas Sosial', kind: 'government' })).toMatchObject({ ok: true });
		await feed.until((e) => named(e, 'network').some((x) => (x.data as { actors: number } | null)?.actors === 1));
		feed.close();

		const stranger = await anOrganisationWithOwner('Organisasi lain');
		for (const topic of ['pulse', 'network'])
			expect((await open({ user: stranger.owner }, `/w/${w.id}/live`, [topic])).status).toBe(404);
		// Phones follow neither: their endpoint refuses the topics.
		expect((await open({ participant: sari }, `/p/live`, ['pulse'])).status).toBe(403);
	});
});

describe('live events for participants', () => {
	it('bring open rounds and a round status, never attendance or the moderation queue', async () => {
		const { w, boardId, roundId } = await aWorkshopWithBoardAndRound();
		const sari = await aParticipant(w);
		expect((await open({ participant: sari }, '/p/live', [`moderation:${boardId}`])).status).toBe(403);
		expect((await open({ participant: sari }, '/p/live', ['attendance'])).status).toBe(403);
		expect((await open({ participant: sari }, '/p/live', ['rounds', `moderation:${boardId}`])).status).toBe(403);
		// A member's endpoint is not a participant's: no user session, no access.
		expect((await open({ participant: sari }, `/w/${w.id}/live`, [`moderation:${boardId}`])).status).toBe(401);

		const phone = await open({ participant: sari }, '/p/live', ['rounds', `round:${roundId}`]);
		expect(phone.status).toBe(200);
		await phone.until((e) => e.length === 2);
		expect(named(phone.events, 'rounds')[0].data).toEqual([]);
		await openRound(await asRunner(roundId));
		await phone.until((e) =>
			named(e, 'rounds').some((x) => JSON.stringify(x.data) === JSON.stringify([{ id: roundId, title: 'Prioritas' }]))
		);
		// The status only: a phone never gets the count, let alone the moderation queue.
		await phone.until((e) =>
			named(e, 'round').some(
				(x) => JSON.stringify(x.data) === JSON.stringify({ id: roundId, status: 'open', revealed: false })
			)
		);
		await contributeNote(await onBoard(sari, boardId), {
			id: crypto.randomUUID(),
			text: 'Menunggu',
			colour: 'yellow',
			pictogram: null
		});
		await aParticipant(w, 'Budi');
		await settle();
		expect(phone.events.map((e) => e.event).every((name) => name === 'rounds' || name === 'round')).toBe(true);
		phone.close();
	});

	it("a participant of another workshop cannot follow this workshop's round", async () => {
		const { roundId } = await aWorkshopWithBoardAndRound();
		const other = await aWorkshopWithBoardAndRound();
		const stranger = await aParticipant(other.w);
		expect((await open({ participant: stranger }, '/p/live', [`round:${roundId}`])).status).toBe(404);
		expect((await open({}, '/p/live', ['rounds'])).status).toBe(401);
	});
});

describe('topics', () => {
	it('a ballot wakes the pages following the count, not every phone following the status', async () => {
		const { w, proposalId, roundId } = await aWorkshopWithBoardAndRound();
		const sari = await aParticipant(w);
		let statusSignals = 0;
		let countSignals = 0;
		const stop = eventBus().subscribe(roundStatusTopic(roundId), () => statusSignals++);
		const stopCount = eventBus().subscribe(roundTopic(roundId), () => countSignals++);
		await openRound(await asRunner(roundId));
		expect(statusSignals).toBe(1);
		const before = countSignals;
		expect(await castBallot(asPhone(sari), roundId, [proposalId])).toMatchObject({ ok: true });
		expect(statusSignals).toBe(1);
		expect(countSignals).toBe(before + 1); // the projector's count hears of every ballot
		stopCount();
		const closed = await closeRoundIntoPlan(await asRunner(roundId));
		expect(statusSignals).toBe(2);
		if (closed.ok) await closed.counted;
		expect((await revealRound(await asRunner(roundId))).ok).toBe(true);
		expect(statusSignals).toBe(3); // the reveal reaches phones and the projector
		stop();
	});
});
