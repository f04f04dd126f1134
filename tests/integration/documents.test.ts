import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { addNote } from '$lib/boards/model';
import { promoteToPlan } from '$lib/codesign/codesign.server';
import { planCsv, proposalsCsv, proposalsXlsx } from '$lib/plans/exports.server';
import { calendarFor, issueCalendarToken } from '$lib/plans/calendar.server';
import { createTask, updateTask } from '$lib/plans/delivery.server';
import ical from 'node-ical';
import { unzipSync, strFromU8 } from 'fflate';
import { openDataZip } from '$lib/documents/open-data.server';
import { publicFollowUp } from '$lib/plans/follow-up.server';
import { addFunding, createPartner, getPlan, setItemPartners } from '$lib/plans/delivery.server';
import { beritaAcaraPdf } from '$lib/documents/berita-acara.server';
import { attendanceSheetPdf } from '$lib/documents/attendance-sheet.server';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, closeRound, createRound, openRound } from '$lib/voting/rounds.server';
import { addParticipant, createWorkshop, replaceAgenda, setStatus, updateRecord } from '$lib/workshops/workshops.server';
import { GROUPS } from '$lib/workshops/rules';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner } from './factories';
import { csvRows, keep, pdfText } from './read-back';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

const TITLE = 'Musrenbang Anak 🌳 حديقة';
const ORIGIN = 'http://rembuk.test';

/** A forum held on Saturday 14 March 2026 that voted (greedy) and planned with co-financing. */
export async function aSignedForum(language: 'id' | 'en' = 'id') {
	const { owner, organisationId } = await anOrganisationWithOwner('Shelter Dokumen');
	const w = await createWorkshop(organisationId, { title: TITLE, purpose: 'Menyusun usulan anak', kind: 'co-commissioning', function: 'pencegahan', date: '2026-03-14', kelurahan: 'Tamamaung', kecamatan: 'Panakkukang', groups: [...GROUPS], language });
	await setStatus(w.id, 'open');
	await replaceAgenda(w.id, [{ title: 'Pembukaan', minutes: 10 }, { title: 'Pemungutan suara', minutes: 30 }]);
	const usulan = (title: string, cost: bigint) => ({ title, problem: `Masalah ${title}`, targetGroups: ['child-7-12' as const], kelurahan: 'Tamamaung', rw: '03', lorong: 'Lorong 5', function: 'pencegahan' as const, activity: '', volume: 2, unit: 'unit', cost, agency: 'DP3A', proposedBy: '', proposedByGroup: null });
	const lamp = await createProposal(w.id, usulan('Lampu lorong 💡', 30_000_000n), owner.id);
	const park = await createProposal(w.id, usulan('Taman bermain', 50_000_000n), owner.id);
	const bridge = await createProposal(w.id, usulan('Jembatan kayu', 90_000_000n), owner.id);
	await createProposal(w.id, usulan('Sumur bor', 15_000_000n), owner.id);
	const round = await createRound(w.id, { title: 'Prioritas RW 03', format: 'approval', rule: 'greedy', proposalIds: [lamp, park, bridge], budget: 100_000_000n, minSelections: 1, maxSelections: null, pointsPerVoter: null, maxPointsPerProposal: null, topK: null, add1Step: undefined, allowChange: false });
	if (!round.ok) throw new Error('setup');
	await openRound(round.id);
	const sari = await addParticipant(w, { displayName: 'Sari Rahasia', groups: ['woman'] });
	const child = await addParticipant(w, { displayName: 'Nama Anak Rahasia', groups: ['child-7-12'] });
	const elder = await addParticipant(w, { displayName: 'Pak Daeng', groups: ['elder'] }, owner.id);
	if (!sari.ok || !child.ok || !elder.ok) throw new Error('setup');
	const choices = [[lamp, park, bridge], [lamp, bridge], [lamp, park]];
	for (const [i, p] of [sari.participant, child.participant].entries()) {
		await castBallot({ id: p.id, workshopId: w.id, displayName: p.displayName, pseudonym: p.pseudonym, groups: p.groups }, round.id, choices[i]);
	}
	const { castAssisted } = await import('$lib/voting/rounds.server');
	await castAssisted(round.id, elder.participant.id, choices[2]);
	await closeRound(round.id);
	const [lampItem] = (await getPlan(w.id)).items;
	await addFunding(lampItem.id, { source: 'apbd', amount: 20_000_000n, inKind: '' }, owner.id);
	await addFunding(lampItem.id, { source: 'swadaya-labour', amount: null, inKind: 'Kerja bakti warga RW 03' }, owner.id);
	await setItemPartners(lampItem.id, [await createPartner(organisationId, { name: 'Karang Taruna Tamamaung', kind: 'community', contactName: 'Pak Kontak', contact: '0813-555' })], owner.id);
	await updateRecord(w.id, {
		startTime: '09:00',
		endTime: '12:00',
		leader: { name: 'Andi Fasilitator', role: 'Fasilitator Shelter Warga' },
		speakers: 'Sari Rahasia, perwakilan anak',
		decisions: 'Usulan terpilih dibawa ke Musrenbang kecamatan.',
		representatives: [{ name: 'Sari Rahasia', role: 'woman' }, { name: 'Pak Daeng', role: 'elder' }],
		acknowledger: { name: 'Hj. Nurhayati', role: 'Lurah Tamamaung' },
		signingPlace: 'Makassar',
		delegates: [{ name: 'Kancil Biru 12', role: 'child-7-12' }, { name: 'Sari Rahasia', role: 'woman' }]
	});
	return { owner, organisationId, w };
}

const RAW_CODES = ['child-7-12', 'woman', 'elder', 'greedy', 'approval', 'swadaya-labour', 'apbd', 'aturan: ', 'Ø', 'undefined', 'null', 'NaN'];

describe('berita acara fit to sign', () => {
	it('Indonesian: date in words, hours in WITA, every proposal with its outcome, co-financing, delegates, signatures, footer', async () => {
		const { w } = await aSignedForum();
		const text = await pdfText(keep('berita-acara-id.pdf', await beritaAcaraPdf(w.id, { origin: ORIGIN })));
		for (const expected of [
			'BERITA ACARA',
			'Sabtu, 14 Maret 2026',
			'pukul 09.00–12.00 WITA',
			'Kelurahan Tamamaung, Kecamatan Panakkukang',
			'Andi Fasilitator',
			'Hadir 3 orang: 2 melalui ponsel, 1 dibantu fasilitator',
			'Perempuan: 1',
			'Suara terbanyak dalam pagu',
			'Lampu lorong',
			'Taman bermain',
			'Jembatan kayu',
			'Sumur bor',
			'Terpilih',
			'melebihi sisa pagu',
			'Rp 30.000.000',
			'APBD (anggaran OPD): Rp 20.000.000',
			'Kerja bakti warga RW 03',
			'Belum didanai: Rp 10.000.000',
			'Karang Taruna Tamamaung',
			'Kancil Biru 12',
			'Mengetahui',
			'Hj. Nurhayati',
			'Lurah Tamamaung',
			'Makassar, Sabtu, 14 Maret 2026',
			`Kode forum: ${w.joinCode}`,
			`${ORIGIN}/f/${w.joinCode}`,
			'Halaman 1 dari'
		])
			expect(text).toContain(expected);
		for (const code of RAW_CODES) expect(text).not.toContain(code);
		expect(text).not.toContain('\uFFFD');
		// Children are never named; the name a child typed was dropped at joining.
		expect(text).not.toContain('Nama Anak Rahasia');
		expect(text).not.toContain('Pak Kontak');
	});

	it('draws the emoji and Arabic of a title from embedded fonts, without mojibake', async () => {
		const { w } = await aSignedForum();
		const text = await pdfText(await beritaAcaraPdf(w.id, { origin: ORIGIN }));
		expect(text).toContain('🌳');
		expect(text).toContain('💡');
		expect(text.replace(/\s/g, '')).toMatch(/حديقة|ةقيدح/);
		expect(text).not.toContain('[?]');
	});

	it('English for an English-language workshop', async () => {
		const { w } = await aSignedForum('en');
		const text = await pdfText(keep('berita-acara-en.pdf', await beritaAcaraPdf(w.id, { origin: ORIGIN })));
		for (const expected of ['MINUTES (BERITA ACARA)', 'Saturday, 14 March 2026', 'from 09:00 to 12:00 WITA', 'Acknowledged by', 'Selected', 'Not selected: more than the budget left', 'Agency budget (APBD): Rp 20.000.000', 'Woman', 'Page 1 of'])
			expect(text).toContain(expected);
		for (const word of ['Mengetahui', 'Terpilih', 'Halaman', 'Pada hari ini']) expect(text).not.toContain(word);
	});
});

describe('daftar hadir for wet signatures', () => {
	it('numbers every person present, names only the adults who gave one, counts like the minutes', async () => {
		const { w } = await aSignedForum();
		const text = await pdfText(keep('daftar-hadir-id.pdf', await attendanceSheetPdf(w.id, { origin: ORIGIN })));
		for (const expected of ['DAFTAR HADIR', 'Sabtu, 14 Maret 2026', 'Hadir 3 orang: 2 melalui ponsel, 1 dibantu fasilitator', 'No. Nama Kelompok Cara ikut Tanda tangan', '1 Sari Rahasia Perempuan Ponsel', '2 Anak 7-12 tahun Ponsel', '3 Pak Daeng Lansia Dibantu', '8', `Kode forum: ${w.joinCode}`, 'Halaman 1 dari 1'])
			expect(text).toContain(expected);
		for (const code of RAW_CODES) expect(text).not.toContain(code);
		expect(text).not.toContain('Nama Anak Rahasia');
	});
});

describe('exports with labels, read back', () => {
	it('rencana.csv: a note with a bare CR and a formula stays one quoted cell, every line defused', async () => {
		const { w } = await aSignedForum();
		const boardId = await createBoard(w.id, 'Menggali');
		const noteId = await realtime.changeBoardDoc(boardId, (doc) => addNote(doc, { text: "Tiang\r=cmd|' /C calc'!A0\n+1+1\r\n@SUM(A1)", authorId: 'x', authorName: 'X', authorKind: 'participant' }));
		expect((await promoteToPlan(boardId, { kind: 'note', id: noteId })).ok).toBe(true);
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
		expect(lamp[col('Rincian pembiayaan')]).toBe('APBD (anggaran OPD): 20000000; Swadaya (tenaga): Kerja bakti warga RW 03');
		expect(lamp[col('Kode fungsi')]).toBe('pencegahan');
		const codeColumns = new Set(['Kode fungsi', 'Kode tingkat partisipasi', 'Kode asal'].map(col));
		const labelled = lamp.filter((_, i) => !codeColumns.has(i)).join(' | ');
		for (const code of ['pencegahan', 'child-7-12', 'swadaya-labour', 'apbd', 'vote']) expect(labelled).not.toContain(code);

		const usulan = csvRows(await proposalsCsv(w.id));
		expect(usulan[0].slice(0, 10)).toEqual(['Judul usulan', 'Masalah', 'Lokasi', 'Volume', 'Satuan', 'Biaya (Rp)', 'OPD tujuan', 'Prioritas', 'Suara', 'Sasaran']);
		expect(usulan.find((r) => r[0] === 'Taman bermain')!.slice(0, 10)).toEqual(['Taman bermain', 'Masalah Taman bermain', 'Tamamaung, RW 03, Lorong 5', '2', 'unit', '50000000', 'DP3A', '2', '2', 'Anak 7-12 tahun']);
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
		const t = await createTask(item.id, { title: 'Pasang lampu', owner: null, dueDate: '2026-12-31' }, owner.id);
		if (!t.ok) throw new Error('setup');
		await updateTask(t.id, { status: 'in-progress', progress: 40 }, owner.id);
		const text = (await calendarFor(await issueCalendarToken(organisationId)))!;
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
		expect(lamp.fundingLines).toEqual([{ source: 'apbd', amount: '20000000', inKind: '' }, { source: 'swadaya-labour', amount: null, inKind: 'Kerja bakti warga RW 03' }]);
		const park = page.items.find((i) => i.title === 'Taman bermain')!;
		expect(park).toMatchObject({ cost: '50000000', fundingLines: [], unfunded: '50000000' });
	});

	it('the open-data ZIP holds CSV and JSON with a README, and no personal data', async () => {
		const { w } = await aSignedForum();
		const zip = await openDataZip(w.joinCode);
		const files = unzipSync(zip!);
		expect(Object.keys(files).sort()).toEqual(['README.md', 'plan.csv', 'plan.json', 'proposals.csv', 'proposals.json', 'tasks.csv', 'tasks.json', 'votes.csv', 'votes.json']);
		const votes = csvRows(strFromU8(files['votes.csv']));
		expect(votes[0]).toEqual(['round', 'format', 'rule', 'budget', 'ballots', 'proposal', 'cost', 'votes', 'rank', 'outcome']);
		expect(votes.slice(1).map((r) => [r[5], r[7], r[8], r[9]])).toEqual([['Lampu lorong 💡', '3', '1', 'won'], ['Taman bermain', '2', '2', 'won'], ['Jembatan kayu', '2', '', 'over-budget']]);
		const plan = JSON.parse(strFromU8(files['plan.json']));
		expect(plan[0]).toMatchObject({ title: 'Lampu lorong 💡', apbd: '20000000', funding_total: '20000000', unfunded: '10000000', partners: 'Karang Taruna Tamamaung' });
		const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
		for (const personal of ['Sari Rahasia', 'Pak Daeng', 'Nama Anak Rahasia', 'Andi Fasilitator', 'Hj. Nurhayati', 'Pak Kontak', '0813-555', 'Kancil']) expect(everything).not.toContain(personal);
		expect(await openDataZip('ZZZZZZ')).toBeNull();
	});
});
