import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isHttpError } from '@sveltejs/kit';
import * as realtime from '$lib/server/realtime';
import {
	addFunding,
	addTaskNote,
	createPartner,
	createTask,
	finalisePlan,
	getPlan,
	listOrganisationTasks,
	setItemPartners,
	updateItem,
	updateTask
} from '$lib/plans/delivery.server';
import { planCsv, proposalsCsv, proposalsXlsx } from '$lib/documents/plan-exports.server';
import { beritaAcaraPdf } from '$lib/documents/berita-acara.server';
import { publicFollowUp } from '$lib/plans/follow-up.server';
import { calendarFor, issueCalendarToken } from '$lib/plans/calendar.server';
import { hashToken } from '$lib/server/auth/tokens';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { createBoard } from '$lib/boards/boards.server';
import { addNote, createCluster } from '$lib/boards/model';
import { participantAuthor, recordAuthor } from '$lib/boards/authorship.server';
import { promoteToPlan } from '$lib/codesign/codesign.server';
import { addParticipant, replaceAgenda } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { boardAs, itemAs, orgAsOwner, taskAs } from './access';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

/** Reads one CSV line back (quoted fields with commas and doubled quotes). */
function parseCsvLine(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted && ch === '"' && line[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (ch === '"') quoted = !quoted;
		else if (ch === ',' && !quoted) {
			cells.push(cell);
			cell = '';
		} else cell += ch;
	}
	return [...cells, cell];
}

async function pdfText(buffer: Buffer): Promise<string> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const pdf = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
	let text = '';
	for (let i = 1; i <= pdf.numPages; i++) {
		const page = await pdf.getPage(i);
		const content = await page.getTextContent();
		text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
	}
	return text;
}

/** A forum that voted (MES) and clustered notes on a board, with a plan of three items. */
async function aForumWithPlan() {
	const { owner, organisationId } = await anOrganisationWithOwner('Shelter Plan');
	const w = await aWorkshop(organisationId);
	await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [
		{ title: 'Pembukaan', minutes: 10 },
		{ title: 'Pemungutan suara', minutes: 30 }
	]);
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
	const sari = await addParticipant(w, { displayName: 'Sari Rahasia', groups: ['woman'] });
	const child = await addParticipant(w, { displayName: '', groups: ['child-7-12'] });
	if (!sari.ok || !child.ok) throw new Error('setup');
	for (const p of [sari.participant, child.participant]) {
		await castBallot(
			asPhone({ id: p.id, workshopId: w.id, displayName: p.displayName, pseudonym: p.pseudonym, groups: p.groups }),
			round.id,
			[p1, p2]
		);
	}
	const closed = await closeRoundIntoPlan(await asRunner(round.id));
	if (closed.ok) await closed.counted;
	const boardId = await createBoard(w.id, 'Menggali');
	const { noteId, clusterId } = await realtime.changeBoardDoc(boardId, (doc) => {
		const a = addNote(doc, { text: 'Tidak ada tempat aman' });
		return { noteId: a, clusterId: createCluster(doc, 'Ruang aman anak', [a]) };
	});
	// Its author, as the server records one: promotion must not carry the name along.
	await recordAuthor(boardId, [noteId], participantAuthor(sari.participant));
	await promoteToPlan(await boardAs(boardId), { kind: 'cluster', id: clusterId });
	return { owner, organisationId, w, p1, p2 };
}

describe('plans and co-delivery', () => {
	it('collects items from the vote and the board; co-financing adds up', async () => {
		const { owner, w } = await aForumWithPlan();
		const plan = await getPlan(w.id);
		expect(plan.items[0]).toMatchObject({
			location: 'Tamamaung, RW 03, Lorong 5',
			description: 'Masalah Lampu lorong'
		});
		// A tie on votes goes to the lowest cost: the lamps first.
		expect(plan.items.map((i) => [i.title, i.originKind, i.priorityRank])).toEqual([
			['Lampu lorong', 'vote', 1],
			['Taman bermain', 'vote', 2],
			['Ruang aman anak', 'board', null]
		]);
		const item = plan.items[1];
		await addFunding(await itemAs(item.id, owner.id), { source: 'apbd', amount: 20_000_000n, inKind: '' });
		await addFunding(await itemAs(item.id, owner.id), { source: 'csr', amount: 7_500_000n, inKind: '' });
		await addFunding(await itemAs(item.id, owner.id), {
			source: 'swadaya-labour',
			amount: null,
			inKind: 'Kerja bakti warga RW 03'
		});
		const after = (await getPlan(w.id)).items[1].fundingTotals;
		expect(after.total).toBe(27_500_000n);
		expect(after.bySource.get('csr')).toBe(7_500_000n);
		expect(after.inKind).toBe(1);
	});

	it('tasks move through their lifecycle; after finalising, every change is in the history', async () => {
		const { owner, organisationId, w } = await aForumWithPlan();
		const partnerId = await createPartner(await orgAsOwner(organisationId, 'workshop.edit'), {
			name: 'PT Sejahtera (CSR)',
			kind: 'private',
			contactName: 'Bu Rina',
			contact: '0812'
		});
		const [item] = (await getPlan(w.id)).items;
		await finalisePlan(await workshopAccessFor(owner.id, w.id, 'workshop.run'));
		expect((await getPlan(w.id)).status).toBe('final');
		const created = await createTask(await itemAs(item.id, owner.id), {
			title: 'Survei lokasi taman',
			owner: { kind: 'partner', id: partnerId },
			dueDate: '2027-02-01'
		});
		if (!created.ok) throw new Error(created.error);
		expect(await updateTask(await taskAs(created.id, owner.id), { status: 'in-progress', progress: 40 })).toEqual({
			ok: true
		});
		await addTaskNote(await taskAs(created.id, owner.id), {
			kind: 'evidence',
			text: 'Foto lokasi sudah diambil',
			photo: null
		});
		expect(await updateTask(await taskAs(created.id, owner.id), { status: 'done', progress: 10 })).toEqual({
			ok: true
		});
		await updateItem(await itemAs(item.id, owner.id), {
			title: item.title,
			description: 'Taman dengan pagar',
			function: item.function,
			location: 'RW 03',
			targetGroups: ['child-7-12'],
			cost: item.cost,
			priorityRank: 1,
			participationLevel: 'acting-together'
		});
		expect(await setItemPartners(await itemAs(item.id, owner.id), [partnerId])).toEqual({ ok: true });
		const after = (await getPlan(w.id)).items[0];
		expect(after.tasks[0]).toMatchObject({ status: 'done', progress: 100, ownerPartnerName: 'PT Sejahtera (CSR)' });
		expect(after.progress).toBe(100);
		expect(after.history.map((h) => h.kind)).toEqual([
			'task-added',
			'task-updated',
			'task-updated',
			'edited',
			'partners'
		]);
		expect(after.history.every((h) => h.actorId === owner.id)).toBe(true);
		expect((await listOrganisationTasks(organisationId)).map((t) => t.title)).toEqual(['Survei lokasi taman']);
	});

	it("refuses owners and partners from another organisation, and observers' edits", async () => {
		const { owner, organisationId, w } = await aForumWithPlan();
		const other = await anOrganisationWithOwner('Lain');
		const foreignPartner = await createPartner(await orgAsOwner(other.organisationId, 'workshop.edit'), {
			name: 'Asing',
			kind: 'ngo',
			contactName: '',
			contact: ''
		});
		const [item] = (await getPlan(w.id)).items;
		expect(
			await createTask(await itemAs(item.id, owner.id), {
				title: 'x',
				owner: { kind: 'partner', id: foreignPartner },
				dueDate: null
			})
		).toEqual({ ok: false, error: 'error_owner' });
		expect(
			await createTask(await itemAs(item.id, owner.id), {
				title: 'x',
				owner: { kind: 'user', id: other.owner.id },
				dueDate: null
			})
		).toEqual({ ok: false, error: 'error_owner' });
		expect(await setItemPartners(await itemAs(item.id, owner.id), [foreignPartner])).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		const observer = await aMember(organisationId, owner.id, 'observer');
		const status = await workshopAccessFor(observer.id, w.id, 'workshop.edit').then(
			() => 200,
			(e) => (isHttpError(e) ? e.status : 500)
		);
		expect(status).toBe(403);
		const outsider = await workshopAccessFor(other.owner.id, w.id, 'workshop.view').then(
			() => 200,
			(e) => (isHttpError(e) ? e.status : 500)
		);
		expect(outsider).toBe(404);
	});

	it('the public follow-up page shows progress and no personal data', async () => {
		const { owner, organisationId, w } = await aForumWithPlan();
		const partnerId = await createPartner(await orgAsOwner(organisationId, 'workshop.edit'), {
			name: 'Karang Taruna',
			kind: 'community',
			contactName: 'Pak Budi Kontak',
			contact: '0813-555'
		});
		const [item] = (await getPlan(w.id)).items;
		await setItemPartners(await itemAs(item.id, owner.id), [partnerId]);
		const t = await createTask(await itemAs(item.id, owner.id), {
			title: 'Beli lampu',
			owner: { kind: 'user', id: owner.id },
			dueDate: '2027-03-01'
		});
		if (!t.ok) throw new Error('setup');
		await updateTask(await taskAs(t.id, owner.id), { status: 'in-progress', progress: 50 });
		const page = await publicFollowUp(w.joinCode);
		const text = JSON.stringify(page);
		expect(page!.items[0]).toMatchObject({ title: 'Lampu lorong', progress: 50, partners: ['Karang Taruna'] });
		for (const secret of ['Sari Rahasia', 'Pak Budi Kontak', '0813-555', owner.name, owner.email])
			expect(text).not.toContain(secret);
		expect(await publicFollowUp('ZZZZZZ')).toBeNull();
	});

	it('exports read back: PDF minutes, proposals CSV and XLSX, plan CSV; iCal feed by secret', async () => {
		const { owner, organisationId, w } = await aForumWithPlan();
		const pdf = await pdfText(await beritaAcaraPdf(w.id, { origin: 'http://rembuk.test' }));
		for (const expected of [
			'BERITA ACARA',
			w.title,
			'Taman bermain',
			'Lampu lorong',
			'Ruang aman anak',
			'Sari Rahasia',
			'Pembukaan'
		])
			expect(pdf).toContain(expected);
		// Children have no name, so the minutes list only the named.
		expect(pdf).toContain('2 orang');

		const csv = (await proposalsCsv(w.id)).trim().split('\r\n').map(parseCsvLine);
		expect(csv[0].slice(0, 9)).toEqual([
			'Judul usulan',
			'Masalah',
			'Lokasi',
			'Volume',
			'Satuan',
			'Biaya (Rp)',
			'OPD tujuan',
			'Prioritas',
			'Suara'
		]);
		expect(csv[1][2]).toBe('Tamamaung, RW 03, Lorong 5');
		expect(csv.slice(1).map((r) => [r[0], r[5], r[7], r[8]])).toEqual([
			['Lampu lorong', '30000000', '1', '2'],
			['Taman bermain', '50000000', '2', '2']
		]);

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await proposalsXlsx(w.id)) as unknown as ArrayBuffer);
		const rows = book.getWorksheet('Usulan')!.getSheetValues().slice(2) as unknown[][];
		expect(rows.map((r) => [r[1], r[6], r[8]])).toEqual([
			['Lampu lorong', 30000000, 1],
			['Taman bermain', 50000000, 2]
		]);

		const plan = (await planCsv(w.id)).trim().split('\r\n');
		expect(plan).toHaveLength(4);
		expect(plan[1]).toContain('Lampu lorong');

		const [item] = (await getPlan(w.id)).items;
		await createTask(await itemAs(item.id, owner.id), { title: 'Pasang lampu', owner: null, dueDate: '2027-04-10' });
		const token = await issueCalendarToken(await orgAsOwner(organisationId, 'org.manageMembers'));
		const ics = await calendarFor(token);
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics).toContain('Pasang lampu');
		expect(ics).toContain('20270410');
		expect(await calendarFor('wrong-token')).toBeNull();
		// The feed's hash never reaches a page: an observer's organisation page holds no trace of it.
		const observer = await aMember(organisationId, owner.id, 'observer');
		const orgPage = await import('../../src/routes/(app)/orgs/[orgId]/+page.server');
		const data = await orgPage.load({ locals: { user: observer }, params: { orgId: organisationId } } as never);
		expect(JSON.stringify(data)).not.toContain(hashToken(token));
		expect(Object.keys((data as { organisation: object }).organisation).sort()).toEqual(['createdAt', 'id', 'name']);
	});
});
