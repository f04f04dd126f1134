import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import ical from 'node-ical';
import { strFromU8, unzipSync } from 'fflate';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { addNote } from '$lib/boards/model';
import { promoteToPlan } from '$lib/codesign/codesign.server';
import { planCsv, proposalsCsv, proposalsXlsx } from '$lib/documents/plan-exports.server';
import { calendarFor, issueCalendarToken } from '$lib/plans/calendar.server';
import { createTask, getPlan, updateTask } from '$lib/plans/delivery.server';
import { publicFollowUp } from '$lib/plans/follow-up.server';
import { openDataZip } from '$lib/documents/open-data.server';
import { useTestDatabase } from './db';
import { csvRows, keep } from './read-back';
import { aSignedForum, TITLE } from './signed-forum';
import { boardAs, itemAs, orgAsOwner, taskAs } from './access';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

describe('exports with labels, read back', () => {
	it('rencana.csv: a note with a bare CR and a formula stays one quoted cell, every line defused', async () => {
		const { w } = await aSignedForum();
		const boardId = await createBoard(w.id, 'Menggali');
		const noteId = await realtime.changeBoardDoc(boardId, (doc) =>
			addNote(doc, { text: "Tiang\r=cmd|' /C calc'!A0\n+1+1\r\n@SUM(A1)" })
		);
		expect((await promoteToPlan(await boardAs(boardId), { kind: 'note', id: noteId })).ok).toBe(true);
		const csv = keep('rencana.csv', await planCsv(w.id));
		const rows = csvRows(csv);
		const items = (await getPlan(w.id)).items;
		expect(rows).toHaveLength(items.length + 1);
		for (const row of rows) {
			expect(row).toHaveLength(rows[0].length);
			for (const cell of row) for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
		}
		const note = rows.find((r) => r[1].startsWith('Tiang'))!;
		expect(note[1].split(/\r\n|\r|\n/)).toEqual(['Tiang', "'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(A1)"]);
	});

	it('rencana.csv and usulan.csv carry labels in the workshop language, codes only in their own columns', async () => {
		const { w } = await aSignedForum();
		const plan = csvRows(await planCsv(w.id));
		expect(plan[0].slice(0, 4)).toEqual(['Prioritas', 'Judul', 'Uraian', 'Fungsi']);
		const lamp = plan.find((r) => r[1].startsWith('Lampu lorong'))!;
		const col = (name: string) => plan[0].indexOf(name);
		expect(lamp[col('Fungsi')]).toBe('Pencegahan');
		expect(lamp[col('Sasaran')]).toBe('Anak 7-12 tahun');
		expect(lamp[col('Asal')]).toBe('Pemungutan suara');
		expect(lamp[col('Belum didanai (Rp)')]).toBe('10000000');
		expect(lamp[col('Rincian pembiayaan')]).toBe(
			'APBD (anggaran OPD): 20000000; Swadaya (tenaga): Kerja bakti warga RW 03'
		);
		expect(lamp[col('Kode fungsi')]).toBe('pencegahan');
		const codeColumns = new Set(['Kode fungsi', 'Kode tingkat partisipasi', 'Kode asal'].map(col));
		const labelled = lamp.filter((_, i) => !codeColumns.has(i)).join(' | ');
		for (const code of ['pencegahan', 'child-7-12', 'swadaya-labour', 'apbd', 'vote'])
			expect(labelled).not.toContain(code);

		const usulan = csvRows(await proposalsCsv(w.id));
		expect(usulan[0].slice(0, 10)).toEqual([
			'Judul usulan',
			'Masalah',
			'Lokasi',
			'Volume',
			'Satuan',
			'Biaya (Rp)',
			'OPD tujuan',
			'Prioritas',
			'Suara',
			'Sasaran'
		]);
		expect(usulan.find((r) => r[0] === 'Taman bermain')!.slice(0, 10)).toEqual([
			'Taman bermain',
			'Masalah Taman bermain',
			'Tamamaung, RW 03, Lorong 5',
			'2',
			'unit',
			'50000000',
			'DP3A',
			'2',
			'2',
			'Anak 7-12 tahun'
		]);
	});

	it('usulan.xlsx: real number and date cells, English headers for an English workshop', async () => {
		const { w } = await aSignedForum('en');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await proposalsXlsx(w.id)) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Proposals')!;
		expect(sheet.getRow(1).getCell(1).value).toBe('Proposal (usulan)');
		const park = sheet.getRow(3);
		expect(park.getCell(1).value).toBe('Taman bermain');
		expect(park.getCell(6).type).toBe(ExcelJS.ValueType.Number);
		expect(park.getCell(6).value).toBe(50_000_000);
		expect(park.getCell(6).numFmt).toContain('#,##0');
		expect(park.getCell(8).value).toBe(2);
		expect(park.getCell(13).type).toBe(ExcelJS.ValueType.Date);
		expect((park.getCell(13).value as Date).toISOString().slice(0, 10)).toBe('2026-03-14');
		expect(park.getCell(10).value).toBe('Child 7-12');
	});
});

describe('iCal feed of due dates', () => {
	it('parses as iCalendar: all-day events ending the next day, summaries and statuses in the workshop language', async () => {
		const { owner, organisationId, w } = await aSignedForum();
		const [item] = (await getPlan(w.id)).items;
		const t = await createTask(await itemAs(item.id, owner.id), {
			title: 'Pasang lampu',
			owner: null,
			dueDate: '2026-12-31'
		});
		if (!t.ok) throw new Error('setup');
		await updateTask(await taskAs(t.id, owner.id), { status: 'in-progress', progress: 40 });
		const text = (await calendarFor(await issueCalendarToken(await orgAsOwner(organisationId, 'org.manageMembers'))))!;
		expect(text).not.toContain('DURATION');
		const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
		expect(events).toHaveLength(1);
		const [event] = events;
		expect(event.summary).toBe('Tenggat: Pasang lampu (Lampu lorong 💡)');
		expect(event.description).toBe(`${TITLE}: Berjalan, kemajuan 40%`);
		expect(event.datetype).toBe('date');
		expect([event.start.getFullYear(), event.start.getMonth(), event.start.getDate()]).toEqual([2026, 11, 31]);
		const end = event.end!;
		expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2027, 0, 1]);
		for (const code of ['in-progress', 'planned']) expect(text).not.toContain(code);
	});
});

describe('public follow-up and open data', () => {
	it('the follow-up shows cost, co-financing by source, what is unfunded; nothing personal', async () => {
		const { w } = await aSignedForum();
		const page = (await publicFollowUp(w.joinCode))!;
		const lamp = page.items.find((i) => i.title.startsWith('Lampu'))!;
		expect(lamp).toMatchObject({ cost: '30000000', funding: '20000000', unfunded: '10000000' });
		expect(lamp.fundingLines).toEqual([
			{ source: 'apbd', amount: '20000000', inKind: '' },
			{ source: 'swadaya-labour', amount: null, inKind: 'Kerja bakti warga RW 03' }
		]);
		const park = page.items.find((i) => i.title === 'Taman bermain')!;
		expect(park).toMatchObject({ cost: '50000000', fundingLines: [], unfunded: '50000000' });
	});

	it('the open-data ZIP holds CSV and JSON with a README, and no personal data', async () => {
		const { w } = await aSignedForum();
		const zip = await openDataZip(w.joinCode);
		const files = unzipSync(zip!);
		expect(Object.keys(files).sort()).toEqual([
			'README.md',
			'plan.csv',
			'plan.json',
			'proposals.csv',
			'proposals.json',
			'tasks.csv',
			'tasks.json',
			'votes.csv',
			'votes.json'
		]);
		const votes = csvRows(strFromU8(files['votes.csv']));
		expect(votes[0]).toEqual([
			'round',
			'format',
			'rule',
			'budget',
			'ballots',
			'proposal',
			'cost',
			'votes',
			'rank',
			'outcome'
		]);
		expect(votes.slice(1).map((r) => [r[5], r[7], r[8], r[9]])).toEqual([
			['Lampu lorong 💡', '3', '1', 'won'],
			['Taman bermain', '2', '2', 'won'],
			['Jembatan kayu', '2', '', 'over-budget']
		]);
		const plan = JSON.parse(strFromU8(files['plan.json']));
		expect(plan[0]).toMatchObject({
			title: 'Lampu lorong 💡',
			apbd: '20000000',
			funding_total: '20000000',
			unfunded: '10000000',
			partners: 'Karang Taruna Tamamaung'
		});
		const everything = Object.values(files)
			.map((f) => strFromU8(f))
			.join('\n');
		for (const personal of [
			'Sari Rahasia',
			'Pak Daeng',
			'Nama Anak Rahasia',
			'Andi Fasilitator',
			'Hj. Nurhayati',
			'Pak Kontak',
			'0813-555',
			'Kancil'
		])
			expect(everything).not.toContain(personal);
		expect(await openDataZip('ZZZZZZ')).toBeNull();
	});
});
