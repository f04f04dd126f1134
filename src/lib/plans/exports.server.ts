/**
 * Exports government uses: berita acara (signed minutes) as PDF, proposals (usulan) as CSV
 * and XLSX with e-Musrenbang-like columns, the plan as CSV. Every file is built from
 * the database, and the tests read each one back.
 */
import { asc, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { db } from '$lib/server/db';
import { proposal, votingRound, workshop } from '$lib/server/db/schema';
import { getAttendance, listAgenda } from '$lib/workshops/workshops.server';
import type { RoundResult } from '$lib/voting/count';
import { getPlan } from './delivery.server';
import { toCsv } from './rules';

const PROPOSAL_COLUMNS = ['Judul usulan', 'Masalah', 'Lokasi', 'Volume', 'Satuan', 'Biaya (Rp)', 'OPD tujuan', 'Prioritas', 'Suara'];

/** Proposals with their priority and votes from the last closed round. */
export async function proposalRows(workshopId: string) {
	const proposals = await db.select().from(proposal).where(eq(proposal.workshopId, workshopId)).orderBy(asc(proposal.createdAt));
	const [round] = await db.select().from(votingRound).where(eq(votingRound.workshopId, workshopId)).orderBy(desc(votingRound.closedAt));
	const result = round?.status === 'closed' ? (round.result as RoundResult | null) : null;
	const rank = new Map(result?.winners.map((w) => [w.id, w.rank]) ?? []);
	return proposals
		.filter((p) => p.status === 'active')
		.map((p) => [
			p.title,
			p.problem,
			[p.kelurahan, p.rw && `RW ${p.rw}`, p.lorong].filter(Boolean).join(', '),
			p.volume ?? '',
			p.unit,
			p.cost.toString(),
			p.agency,
			rank.get(p.id) ?? '',
			result?.scores[p.id] ?? ''
		]);
}

export async function proposalsCsv(workshopId: string): Promise<string> {
	return toCsv([PROPOSAL_COLUMNS, ...(await proposalRows(workshopId))]);
}

export async function proposalsXlsx(workshopId: string): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Usulan');
	sheet.addRow(PROPOSAL_COLUMNS).font = { bold: true };
	for (const row of await proposalRows(workshopId)) {
		// Cost as a number so the spreadsheet can sum it; Rupiah fit exactly below 2^53.
		sheet.addRow(row.map((cell, i) => (i === 5 || ((i === 7 || i === 8) && cell !== '') ? Number(cell) : cell)));
	}
	sheet.columns.forEach((c) => (c.width = 22));
	return Buffer.from(await book.xlsx.writeBuffer());
}

export async function planCsv(workshopId: string): Promise<string> {
	const plan = await getPlan(workshopId);
	return toCsv([
		['Prioritas', 'Judul', 'Uraian', 'Fungsi', 'Lokasi', 'Biaya (Rp)', 'Pembiayaan bersama (Rp)', 'Tingkat partisipasi', 'Mitra', 'Kemajuan (%)', 'Asal'],
		...plan.items.map((i) => [
			i.priorityRank ?? '',
			i.title,
			i.description,
			i.function,
			i.location,
			i.cost?.toString() ?? '',
			i.fundingTotals.total.toString(),
			i.participationLevel ?? '',
			i.partners.map((p) => p.name).join('; '),
			i.progress,
			i.originKind === 'vote' ? 'pemungutan suara' : 'papan'
		])
	]);
}

const rupiah = (v: bigint | string) => `Rp ${BigInt(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/** Berita acara: the forum's minutes with attendance, priorities, decisions and signatures. */
export async function beritaAcaraPdf(workshopId: string): Promise<Buffer> {
	const [w] = await db.select().from(workshop).where(eq(workshop.id, workshopId));
	const agenda = await listAgenda(workshopId);
	const attendance = await getAttendance(workshopId);
	const plan = await getPlan(workshopId);
	const [round] = await db.select().from(votingRound).where(eq(votingRound.workshopId, workshopId)).orderBy(desc(votingRound.closedAt));
	const result = round?.status === 'closed' ? (round.result as RoundResult | null) : null;

	const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Berita Acara: ${w.title}` } });
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

	doc.font('Helvetica-Bold').fontSize(16).text('BERITA ACARA', { align: 'center' });
	doc.fontSize(13).text(w.title, { align: 'center' }).moveDown();
	doc.font('Helvetica').fontSize(11);
	doc.text(`Tanggal: ${w.date ?? '-'}`);
	doc.text(`Tempat: ${[w.kelurahan && `Kelurahan ${w.kelurahan}`, w.kecamatan && `Kecamatan ${w.kecamatan}`].filter(Boolean).join(', ') || '-'}`);
	if (w.purpose) doc.text(`Tujuan: ${w.purpose}`);
	doc.moveDown();

	doc.font('Helvetica-Bold').text('Agenda');
	doc.font('Helvetica');
	agenda.forEach((a, i) => doc.text(`${i + 1}. ${a.title} (${a.minutes} menit)`));
	doc.moveDown();

	doc.font('Helvetica-Bold').text(`Daftar hadir: ${attendance.total} orang (${attendance.assisted} dibantu fasilitator)`);
	doc.font('Helvetica');
	for (const g of attendance.byGroup) doc.text(`- ${g.group}: ${g.count}`);
	const named = attendance.people.filter((p) => p.named);
	if (named.length) doc.text(`Nama yang dicatat: ${named.map((p) => p.name).join(', ')}`);
	doc.moveDown();

	if (result) {
		doc.font('Helvetica-Bold').text(`Usulan prioritas (${round.title}; aturan: ${result.rule}; ${result.ballots} suara)`);
		doc.font('Helvetica');
		for (const winner of result.winners) doc.text(`${winner.rank}. ${winner.title} - ${rupiah(winner.cost)} - ${winner.votes} suara`);
		doc.text(`Aturan seri: biaya terendah, suara terbanyak, lalu undian (${(result.lot ?? []).length} usulan diundi sebelum penghitungan).`);
		doc.moveDown();
	}

	doc.font('Helvetica-Bold').text('Keputusan: rencana');
	doc.font('Helvetica');
	plan.items.forEach((item, i) => doc.text(`${i + 1}. ${item.title}${item.cost ? ` - ${rupiah(item.cost)}` : ''}`));
	doc.moveDown(2);

	doc.text('Fasilitator,                                                  Perwakilan peserta,');
	doc.moveDown(3);
	doc.text('(...............................)                                  (...............................)');
	doc.end();
	return done;
}
