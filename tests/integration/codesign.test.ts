import { beforeAll, describe, expect, it } from 'vitest';
import * as realtime from '$lib/server/realtime';
import {
	addCodesignStages,
	continuePrototype,
	createBoardFromTemplate,
	listTemplates,
	promoteToPlan,
	saveBoardAsTemplate
} from '$lib/codesign/codesign.server';
import { dotNote, listBoards, setBoardFlags } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { addNote, createCluster, readBoard } from '$lib/boards/model';
import { dotsUsed } from '$lib/boards/tallies.server';
import { iterationHistory, listPlanItems } from '$lib/plans/plans.server';
import { addParticipant, listAgenda } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, asOrgOwner, aWorkshop } from './factories';
import { boardAs, itemAs, onBoard, workshopAsOwner } from './access';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { acceptInvitation, createInvitation } from '$lib/orgs/orgs.server';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

describe('co-design', () => {
	it('adds the three stage boards and agenda items with timers', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const boards = await addCodesignStages(await workshopAsOwner(w.id, 'workshop.edit'), 'id');
		expect(boards).toHaveLength(3);
		expect((await listBoards(w.id)).map((b) => b.stage)).toEqual(['discovery', 'prototyping', 'evaluation']);
		expect((await listAgenda(w.id)).map((a) => [a.title, a.minutes])).toEqual([
			['Menggali masalah dan wawasan', 45],
			['Membuat purwarupa', 60],
			['Menilai dan memperluas', 45]
		]);
		const frames = await realtime.readBoardDoc(boards[0], (doc) => readBoard(doc).frames.length);
		expect(frames).toBe(7);
	});

	it('promotes a cluster and a How-Might-We note into the plan with a link back', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const created = await createBoardFromTemplate(
			await workshopAsOwner(w.id, 'workshop.edit'),
			'Menggali',
			{ kind: 'default', key: 'discovery' },
			'id'
		);
		if (!created.ok) throw new Error('setup');
		const { clusterId, hmwId } = await realtime.changeBoardDoc(created.boardId, (doc) => {
			const hmwFrame = readBoard(doc).frames.find((f) => f.role === 'hmw')!;
			const a = addNote(doc, { text: 'Lampu lorong mati' });
			const b = addNote(doc, { text: 'Jalan sepi malam hari' });
			const hmw = addNote(doc, { text: 'Bagaimana jika kita membuat jalan aman ke sekolah?', frameId: hmwFrame.id });
			return { clusterId: createCluster(doc, 'Keamanan jalan', [a, b]), hmwId: hmw };
		});
		const fromCluster = await promoteToPlan(await boardAs(created.boardId), { kind: 'cluster', id: clusterId });
		const fromHmw = await promoteToPlan(await boardAs(created.boardId), { kind: 'note', id: hmwId });
		expect(fromCluster.ok && fromHmw.ok).toBe(true);
		const items = await listPlanItems(w.id);
		expect(items.map((i) => [i.title, i.originKind, i.originBoardId, i.originRef])).toEqual([
			['Keamanan jalan', 'board', created.boardId, `cluster:${clusterId}`],
			['Bagaimana jika kita membuat jalan aman ke sekolah?', 'board', created.boardId, `note:${hmwId}`]
		]);
		expect(items[0].description).toBe('• Lampu lorong mati\n• Jalan sepi malam hari');
		expect(items[1].description).toContain('Bagaimana jika kita…?');
		expect(await promoteToPlan(await boardAs(created.boardId), { kind: 'canvas' })).toEqual({
			ok: false,
			error: 'error_nothing_to_promote'
		});
		expect(await promoteToPlan(await boardAs(created.boardId), { kind: 'cluster', id: 'nope' })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
	});

	it('a prototype canvas continues in a later workshop as iteration 2, with its history', async () => {
		const { organisationId, owner } = await anOrganisationWithOwner();
		const first = await aWorkshop(organisationId);
		const later = await aWorkshop(organisationId);
		const strangers = await anOrganisationWithOwner();
		const stranger = await aWorkshop(strangers.organisationId);
		const created = await createBoardFromTemplate(
			await workshopAsOwner(first.id, 'workshop.edit'),
			'Pos aman anak',
			{ kind: 'default', key: 'prototyping' },
			'id'
		);
		if (!created.ok) throw new Error('setup');
		await realtime.changeBoardDoc(created.boardId, (doc) => {
			const who = readBoard(doc).frames[0];
			addNote(doc, { text: 'Anak SD di lorong 5', frameId: who.id });
		});
		const v1 = await promoteToPlan(await boardAs(created.boardId), { kind: 'canvas' });
		if (!v1.ok) throw new Error('promote');
		expect(v1.iteration).toBe(1);
		const [item] = await listPlanItems(first.id);
		expect(item.description).toContain('Untuk siapa: Anak SD di lorong 5');
		// Someone who runs workshops in both organisations still cannot carry it across.
		const both = strangers.owner.id;
		await acceptInvitation(
			await createInvitation(await asOrgOwner(organisationId, 'org.manageMembers'), 'facilitator'),
			both
		);
		expect(
			await continuePrototype(
				await itemAs(item.id, both, 'workshop.run'),
				await workshopAccessFor(both, stranger.id, 'workshop.run')
			)
		).toEqual({ ok: false, error: 'error_not_found' });
		const next = await continuePrototype(
			await itemAs(item.id, owner.id, 'workshop.run'),
			await workshopAccessFor(owner.id, later.id, 'workshop.run')
		);
		if (!next.ok) throw new Error('continue');
		expect(await realtime.readBoardDoc(next.boardId, (doc) => readBoard(doc).notes.map((n) => n.text))).toEqual([
			'Anak SD di lorong 5'
		]);
		const v2 = await promoteToPlan(await boardAs(next.boardId), { kind: 'canvas' });
		if (!v2.ok) throw new Error('promote 2');
		expect(v2.iteration).toBe(2);
		expect((await iterationHistory(v2.id)).map((h) => [h.iteration, h.workshopId])).toEqual([
			[1, first.id],
			[2, later.id]
		]);
	});

	it('saves a board as an organisation template; other organisations do not see it', async () => {
		const a = await anOrganisationWithOwner();
		const b = await anOrganisationWithOwner();
		const w = await aWorkshop(a.organisationId);
		const created = await createBoardFromTemplate(
			await workshopAsOwner(w.id, 'workshop.edit'),
			'Evaluasi',
			{ kind: 'default', key: 'evaluation' },
			'id'
		);
		if (!created.ok) throw new Error('setup');
		const saved = await saveBoardAsTemplate(await boardAs(created.boardId), 'Evaluasi shelter', 'id');
		if (!saved.ok) throw new Error(saved.error);
		expect((await listTemplates(a.organisationId)).saved.map((t) => t.title)).toEqual(['Evaluasi shelter']);
		expect((await listTemplates(b.organisationId)).saved).toEqual([]);
		const other = await aWorkshop(b.organisationId);
		expect(
			await createBoardFromTemplate(
				await workshopAsOwner(other.id, 'workshop.edit'),
				'x',
				{ kind: 'saved', id: saved.id },
				'id'
			)
		).toEqual({ ok: false, error: 'error_not_found' });
		const reused = await createBoardFromTemplate(
			await workshopAsOwner(w.id, 'workshop.edit'),
			'Evaluasi 2',
			{ kind: 'saved', id: saved.id },
			'id'
		);
		expect(reused.ok).toBe(true);
	});

	it('participants answer inside a frame and place at most n open dots', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const created = await createBoardFromTemplate(
			await workshopAsOwner(w.id, 'workshop.edit'),
			'Menggali',
			{ kind: 'default', key: 'discovery' },
			'id'
		);
		if (!created.ok) throw new Error('setup');
		const joined = await addParticipant(w, { displayName: 'Sari', groups: [] });
		if (!joined.ok) throw new Error('setup');
		const { id, workshopId, displayName, pseudonym, groups } = joined.participant;
		const sari: SessionParticipant = { id, workshopId, displayName, pseudonym, groups };
		const frame = await realtime.readBoardDoc(created.boardId, (doc) => readBoard(doc).frames[2]);
		const noteId = crypto.randomUUID();
		expect(
			await contributeNote(await onBoard(sari, created.boardId), {
				id: noteId,
				text: 'Takut melapor',
				colour: 'pink',
				pictogram: null,
				frameId: frame.id
			})
		).toMatchObject({ ok: true });
		const note = await realtime.readBoardDoc(created.boardId, (doc) => readBoard(doc).notes[0]);
		expect(note.frameId).toBe(frame.id);
		expect(note.x).toBeGreaterThanOrEqual(frame.x);
		expect(note.x).toBeLessThan(frame.x + frame.w);
		expect(await dotNote(await onBoard(sari, created.boardId), noteId, 'add')).toEqual({
			ok: false,
			error: 'error_dots_off'
		});
		await setBoardFlags(await boardAs(created.boardId), { dotsPerPerson: 2 });
		expect(await dotNote(await onBoard(sari, created.boardId), noteId, 'add')).toEqual({ ok: true, used: 1 });
		expect(await dotNote(await onBoard(sari, created.boardId), noteId, 'add')).toEqual({ ok: true, used: 2 });
		expect(await dotNote(await onBoard(sari, created.boardId), noteId, 'add')).toEqual({
			ok: false,
			error: 'error_no_dots_left'
		});
		expect(await dotNote(await onBoard(sari, created.boardId), noteId, 'remove')).toEqual({ ok: true, used: 1 });
		expect(await realtime.readBoardDoc(created.boardId, (doc) => readBoard(doc).dots.get(noteId))).toBe(1);
		expect(await dotsUsed(created.boardId, { kind: 'participant', id: sari.id })).toBe(1);
	});
});
