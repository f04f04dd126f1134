/**
 * A venue forum brought home: exported from one organisation's database as one file and
 * imported into another organisation with new ids; everything counted reads back the
 * same, ballots stay unlinkable to voters, and a second import adds nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import * as s from '$lib/schema';
import * as realtime from '$lib/server/realtime';
import { createProposal, listProposals } from '$lib/voting/proposals.server';
import { castBallot, createRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { createBoard } from '$lib/boards/boards.server';
import { addNote, createCluster, readBoard } from '$lib/boards/model';
import { participantAuthor, recordAuthor } from '$lib/boards/authorship.server';
import { promoteToPlan } from '$lib/codesign/codesign.server';
import { getPlan } from '$lib/plans/delivery.server';
import { addParticipant, replaceAgenda } from '$lib/workshops/workshops.server';
import {
	exportForum,
	importForum,
	importForumUpload,
	importedId as idIn,
	type ImportOutcome
} from '$lib/transfer/forum.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop, asOrgOwner, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { boardAs } from './access';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

async function aForum() {
	const { owner, organisationId } = await anOrganisationWithOwner('Laptop di balai');
	const w = await aWorkshop(organisationId);
	await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [{ title: 'Pembukaan', minutes: 10 }]);
	const usulan = (title: string, cost: bigint) => ({
		title,
		problem: `Masalah ${title}`,
		targetGroups: [],
		kelurahan: 'Tamamaung',
		rw: '03',
		lorong: 'Lorong 5',
		function: 'pencegahan' as const,
		activity: '',
		volume: 2,
		unit: 'unit',
		cost,
		agency: 'DP3A',
		proposedBy: '',
		proposedByGroup: null
	});
	const p1 = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Lampu lorong', 30_000_000n)
	);
	const p2 = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Taman bermain', 50_000_000n)
	);
	const round = await createRound(await asOwner(w.id), {
		title: 'Prioritas',
		format: 'approval',
		rule: 'greedy',
		proposalIds: [p1, p2],
		budget: 100_000_000n,
		minSelections: 1,
		maxSelections: null,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: false
	});
	if (!round.ok) throw new Error('setup');
	await openRound(await asRunner(round.id));
	const voters = [];
	for (const [name, choices] of [
		['Sari', [p1, p2]],
		['', [p1]],
		['Budi', [p2]]
	] as const) {
		const joined = await addParticipant(w, { displayName: name, groups: ['woman'] });
		if (!joined.ok) throw new Error('setup');
		const p = joined.participant;
		voters.push(p);
		await castBallot(
			asPhone({ id: p.id, workshopId: w.id, displayName: p.displayName, pseudonym: p.pseudonym, groups: p.groups }),
			round.id,
			[...choices]
		);
	}
	const closed = await closeRoundIntoPlan(await asRunner(round.id));
	if (closed.ok) await closed.counted;
	const boardId = await createBoard(w.id, 'Menggali');
	const { noteId, clusterId } = await realtime.changeBoardDoc(boardId, (doc) => {
		const a = addNote(doc, { text: 'Tidak ada tempat aman' });
		return { noteId: a, clusterId: createCluster(doc, 'Ruang aman anak', [a]) };
	});
	await recordAuthor(boardId, [noteId], participantAuthor(voters[0]));
	await promoteToPlan(await boardAs(boardId), { kind: 'cluster', id: clusterId });
	await realtime.closeAll();
	return { w, round: round.id, boardId, p1, p2, voters };
}

function reportOf(outcome: ImportOutcome) {
	if (!outcome.ok) throw new Error(`import refused: ${outcome.error}`);
	return outcome.report;
}

describe('bringing a venue forum home', () => {
	it('exports one file, imports it with new ids and the same content, unlinkable ballots, once', async () => {
		const forum = await aForum();
		const exported = await exportForum(forum.w.id);
		expect(exported).not.toBeNull();
		const file = JSON.parse(JSON.stringify(exported)); // one JSON file, as written to disk

		// Secret ballots: a ballot names no voter, "who voted" names no ballot.
		for (const b of file.tables.ballot)
			expect(Object.keys(b).sort()).toEqual(['choices', 'id', 'receiptHash', 'roundId']);
		for (const g of file.tables.ballotGuard) expect(Object.keys(g)).not.toContain('ballotId');
		expect(file.tables.ballot).toHaveLength(3);

		const home = await anOrganisationWithOwner('Kantor kelurahan');
		const importedId = (oldId: string) => idIn(home.organisationId, oldId);
		const report = reportOf(await importForum(await asOrgOwner(home.organisationId, 'workshop.create'), file));
		expect(report.imported).toBe(true);
		expect(report.workshopId).toBe(importedId(forum.w.id));
		expect(report.workshopId).not.toBe(forum.w.id);
		expect(report.counts).toMatchObject({
			workshop: 1,
			participant: 3,
			board: 1,
			proposal: 2,
			votingRound: 1,
			ballot: 3,
			ballotGuard: 3,
			plan: 1,
			agendaItem: 1
		});

		const newId = report.workshopId;
		const [w] = await db.select().from(s.workshop).where(eq(s.workshop.id, newId));
		expect(w.organisationId).toBe(home.organisationId);
		expect(w.joinCode).not.toBe(forum.w.joinCode);
		expect((await listProposals(newId)).map((p) => p.title).sort()).toEqual(['Lampu lorong', 'Taman bermain']);

		// The round as counted: same result, under the new proposal ids.
		const [before] = await db.select().from(s.votingRound).where(eq(s.votingRound.id, forum.round));
		const [after] = await db.select().from(s.votingRound).where(eq(s.votingRound.workshopId, newId));
		expect(after.proposalIds).toEqual(before.proposalIds.map(importedId));
		expect(after.result).toEqual(
			JSON.parse(
				JSON.stringify(before.result)
					.replaceAll(forum.p1, importedId(forum.p1))
					.replaceAll(forum.p2, importedId(forum.p2))
			)
		);
		const ballots = await db.select().from(s.ballot).where(eq(s.ballot.roundId, after.id));
		expect(ballots.map((b) => JSON.stringify(b.choices)).sort()).toEqual(
			[[forum.p1, forum.p2], [forum.p1], [forum.p2]].map((c) => JSON.stringify(c.map(importedId))).sort()
		);

		// The board document and the plan came along.
		const boardId = importedId(forum.boardId);
		expect(await realtime.readBoardDoc(boardId, (doc) => readBoard(doc).notes.map((n) => n.text))).toEqual([
			'Tidak ada tempat aman'
		]);
		expect((await getPlan(newId)).items.map((i) => i.title).sort()).toEqual(
			(await getPlan(forum.w.id)).items.map((i) => i.title).sort()
		);

		// Twice: recognised, nothing added.
		const again = await importForum(
			await asOrgOwner(home.organisationId, 'workshop.create'),
			JSON.parse(JSON.stringify(exported))
		);
		expect(reportOf(again)).toMatchObject({ imported: false, reason: 'already-imported' });
		expect(await db.select().from(s.workshop).where(eq(s.workshop.organisationId, home.organisationId))).toHaveLength(
			1
		);
		expect(await db.select().from(s.participant).where(eq(s.participant.workshopId, newId))).toHaveLength(3);
	});

	it('refuses what is not a forum file, and writes nothing', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const access = await asOrgOwner(organisationId, 'workshop.create');
		const refusals = [
			null,
			'text',
			{ format: 'something else' },
			{ format: 'ruang-rembuk.forum/1', workshopId: 'w', tables: { workshop: 'not rows' } },
			{ format: 'ruang-rembuk.forum/1', workshopId: 'w', tables: { workshop: [{ id: 'w', cost: { $bigint: 'x' } }] } },
			{ format: 'ruang-rembuk.forum/1', workshopId: 'w', tables: { workshop: [7] } },
			{ format: 'ruang-rembuk.forum/1', workshopId: 'w', tables: { workshop: [] } }
		];
		for (const file of refusals)
			expect(await importForum(access, file)).toEqual({ ok: false, error: 'error_forum_file' });
		// Nested deeper than any row of ours: refused before it is walked.
		let deep: unknown = 'x';
		for (let i = 0; i < 100_000; i++) deep = [deep];
		const nested = { format: 'ruang-rembuk.forum/1', workshopId: 'w', tables: { workshop: [{ id: 'w', deep }] } };
		expect(await importForum(access, nested)).toEqual({ ok: false, error: 'error_forum_file' });
		// As uploaded: empty, not JSON, over the limit.
		expect(await importForumUpload(access, new Blob([]))).toEqual({ ok: false, error: 'error_forum_file' });
		expect(await importForumUpload(access, new Blob(['{"format":']))).toEqual({ ok: false, error: 'error_forum_file' });
		expect(await importForumUpload(access, new Blob(['x'.repeat(3_000_001)]))).toEqual({
			ok: false,
			error: 'error_forum_size'
		});
		expect(await db.select().from(s.workshop).where(eq(s.workshop.organisationId, organisationId))).toHaveLength(0);
	});

	it("refuses a crafted file that puts rows under another organisation's workshop", async () => {
		const forum = await aForum();
		const victim = await aForum();
		const file = JSON.parse(JSON.stringify(await exportForum(forum.w.id)));
		file.tables.proposal[0].workshopId = victim.w.id;
		const { organisationId } = await anOrganisationWithOwner();
		expect(await importForum(await asOrgOwner(organisationId, 'workshop.create'), file)).toEqual({
			ok: false,
			error: 'error_forum_outside'
		});
		expect((await listProposals(victim.w.id)).length).toBe(2);
	});

	it('refuses values the pages could not read, and links to rows the file does not bring', async () => {
		const forum = await aForum();
		const victim = await aForum();
		const exported = JSON.parse(JSON.stringify(await exportForum(forum.w.id)));
		const [victimItem] = (await getPlan(victim.w.id)).items;
		const { organisationId } = await anOrganisationWithOwner();
		const access = await asOrgOwner(organisationId, 'workshop.create');
		const crafted = (change: (file: typeof exported) => void) => {
			const file = structuredClone(exported);
			change(file);
			return file;
		};
		const badValues = [
			(f: typeof exported) => (f.tables.workshop[0].groups = 'x'),
			(f: typeof exported) => (f.tables.workshop[0].timeZone = 'Mars/Base'),
			(f: typeof exported) => (f.tables.workshop[0].status = 'deleted'),
			(f: typeof exported) => (f.tables.workshop[0].record = { startTime: 5 }),
			(f: typeof exported) => (f.tables.workshop[0].conductor = { kind: 'elsewhere' }),
			(f: typeof exported) => (f.tables.participant[0].groups = [{ nested: true }]),
			(f: typeof exported) => (f.tables.proposal[0].title = 42),
			(f: typeof exported) => (f.tables.proposal[0].somethingElse = 'x'),
			(f: typeof exported) => delete f.tables.proposal[0].title,
			(f: typeof exported) => (f.tables.user = [{ id: 'u', email: 'x@y.z' }])
		];
		for (const change of badValues)
			expect(await importForum(access, crafted(change)), String(change)).toEqual({
				ok: false,
				error: 'error_forum_file'
			});
		const outside = [
			(f: typeof exported) => (f.tables.planItem[0].previousItemId = victimItem.id),
			(f: typeof exported) => (f.tables.workshop[0].currentBoardId = victim.boardId),
			(f: typeof exported) => (f.tables.workshop[0].conductor = { kind: 'board', id: victim.boardId }),
			(f: typeof exported) => (f.tables.proposal[0].mergedInto = victim.p1),
			(f: typeof exported) => (f.tables.votingRound[0].proposalIds = [victim.p1]),
			(f: typeof exported) => (f.tables.ballotGuard[0].participantId = victim.voters[0].id),
			// A parent of the wrong table: a ballot hung under a proposal of the same file.
			(f: typeof exported) => (f.tables.ballot[0].roundId = forum.p1)
		];
		for (const change of outside)
			expect(await importForum(access, crafted(change)), String(change)).toEqual({
				ok: false,
				error: 'error_forum_outside'
			});
		expect(await db.select().from(s.workshop).where(eq(s.workshop.organisationId, organisationId))).toHaveLength(0);
		expect(reportOf(await importForum(access, exported)).imported).toBe(true);
	});

	it('refuses a board document a phone could not have sent, before writing anything', async () => {
		const forum = await aForum();
		const exported = JSON.parse(JSON.stringify(await exportForum(forum.w.id)));
		const { organisationId } = await anOrganisationWithOwner();
		const access = await asOrgOwner(organisationId, 'workshop.create');
		// A struct of length zero (Yjs takes it, and the board never loads again), garbage
		// bytes, and an update whose dependencies are missing (it would stay pending).
		const zeroLength = new Uint8Array([1, 1, 5, 0, 4, 1, 5, 110, 111, 116, 101, 115, 0, 0]);
		const other = new Y.Doc();
		other.getMap('notes').set('a', 1);
		const first = Y.encodeStateAsUpdate(other);
		other.getMap('notes').set('b', 2);
		const missingDependency = Y.encodeStateAsUpdate(other, Y.encodeStateVectorFromUpdate(first));
		for (const bytes of [zeroLength, new Uint8Array([255, 255, 255, 7, 0]), missingDependency]) {
			const file = structuredClone(exported);
			file.tables.board[0].snapshot = { $bytes: Buffer.from(bytes).toString('base64') };
			expect(await importForum(access, file)).toEqual({ ok: false, error: 'error_forum_board' });
		}
		expect(await db.select().from(s.workshop).where(eq(s.workshop.organisationId, organisationId))).toHaveLength(0);
		// The file as exported goes in.
		expect(reportOf(await importForum(access, exported)).imported).toBe(true);
	});

	it('the same forum goes into two organisations, each under its own ids', async () => {
		const forum = await aForum();
		// A note waiting for moderation keeps the phone's id (the board document names it).
		await db.insert(s.boardSubmission).values({
			id: 'note-dari-hp',
			boardId: forum.boardId,
			participantId: forum.voters[0].id,
			authorName: 'Sari',
			text: 'Jalan gelap',
			colour: 'yellow'
		});
		const exported = JSON.stringify(await exportForum(forum.w.id));
		const one = await anOrganisationWithOwner('Satu');
		const two = await anOrganisationWithOwner('Dua');
		const a = reportOf(
			await importForum(await asOrgOwner(one.organisationId, 'workshop.create'), JSON.parse(exported))
		);
		const b = reportOf(
			await importForum(await asOrgOwner(two.organisationId, 'workshop.create'), JSON.parse(exported))
		);
		expect(a.imported && b.imported).toBe(true);
		expect(a.workshopId).not.toBe(b.workshopId);
		expect((await listProposals(b.workshopId)).length).toBe(2);
		const waiting = await db.select().from(s.boardSubmission).where(eq(s.boardSubmission.id, 'note-dari-hp'));
		expect(waiting.map((w) => w.boardId).sort()).toEqual(
			[forum.boardId, idIn(one.organisationId, forum.boardId), idIn(two.organisationId, forum.boardId)].sort()
		);
	});
});
