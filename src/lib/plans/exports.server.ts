/**
 * Exports government uses: berita acara (signed minutes) as PDF, proposals (usulan) as CSV
 * and XLSX with e-Musrenbang-like columns, the plan as CSV. Every file is built from
 * the database, and the tests read each one back.
 */
import { asc, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { db } from '$lib/server/db';
import { proposal, votingRound } from '$lib/server/db/schema';
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

/** The berita acara lives with the other printed documents. */
export { beritaAcaraPdf } from '$lib/documents/berita-acara.server';
