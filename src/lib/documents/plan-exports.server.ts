/**
 * Exports government uses, in the workshop's language with labels, never codes (codes
 * stay in extra columns at the end, for machines): proposals (usulan) as CSV and XLSX in
 * the columns the kelurahan/kecamatan e-Musrenbang entry asks for, the plan as CSV.
 * The XLSX holds real number and date cells. The tests read every file back.
 * They live with the other documents (the berita acara, open data), so plans imports none.
 */
import { asc, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { proposal, votingRound } from '$lib/voting/voting.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { functionLabel, groupLabel } from '$lib/components/labels';
import { fundingLabel, levelLabel } from '$lib/plans/labels';
import type { RoundResult } from '$lib/voting/count';
import { getPlan } from '$lib/plans/delivery.server';
import { toCsv, unfundedOf, proposalLocation } from '$lib/plans/rules';
import type { DocLocale } from './format';

async function languageOf(workshopId: string) {
	const [w] = await db
		.select({ language: workshop.language, date: workshop.date })
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	return { locale: (w?.language ?? 'id') as DocLocale, date: w?.date ?? null };
}

type Cell = string | number | Date | null;

/** Proposals with their priority and votes from the last closed round, as typed cells. */
export async function proposalTable(
	workshopId: string
): Promise<{ header: string[]; rows: Cell[][]; locale: DocLocale }> {
	const { locale, date } = await languageOf(workshopId);
	const L = { locale };
	const proposals = await db
		.select()
		.from(proposal)
		.where(eq(proposal.workshopId, workshopId))
		.orderBy(asc(proposal.createdAt));
	const [round] = await db
		.select()
		.from(votingRound)
		.where(eq(votingRound.workshopId, workshopId))
		.orderBy(desc(votingRound.closedAt));
	const result = round?.status === 'closed' ? (round.result as RoundResult | null) : null;
	const rank = new Map(result?.winners.map((w) => [w.id, w.rank]) ?? []);
	const header = [
		m.doc_h_title({}, L),
		m.doc_h_problem({}, L),
		m.doc_h_location({}, L),
		m.doc_h_volume({}, L),
		m.doc_h_unit({}, L),
		m.doc_h_cost({}, L),
		m.doc_h_agency({}, L),
		m.doc_h_priority({}, L),
		m.doc_h_votes({}, L),
		m.doc_h_target({}, L),
		m.doc_h_function({}, L),
		m.doc_h_activity({}, L),
		m.doc_h_date({}, L),
		m.doc_h_function_code({}, L),
		m.doc_h_target_code({}, L)
	];
	const rows = proposals
		.filter((p) => p.status === 'active')
		.map((p): Cell[] => [
			p.title,
			p.problem,
			proposalLocation(p),
			p.volume,
			p.unit,
			// Whole Rupiah fit exactly in a double below 2^53 (9 quadrillion).
			Number(p.cost),
			p.agency,
			rank.get(p.id) ?? null,
			result ? (result.scores[p.id] ?? 0) : null,
			p.targetGroups.map((g) => groupLabel.in(g, locale)).join(', '),
			functionLabel.in(p.function, locale),
			p.activity,
			date ? new Date(`${date}T00:00:00Z`) : null,
			p.function,
			p.targetGroups.join(' ')
		]);
	return { header, rows, locale };
}

const csvCell = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);

export async function proposalsCsv(workshopId: string): Promise<string> {
	const { header, rows } = await proposalTable(workshopId);
	return toCsv([header, ...rows.map((r) => r.map(csvCell))]);
}

/** Numbers as numbers (Rupiah with thousands separators), the forum's date as a date cell. */
export async function proposalsXlsx(workshopId: string): Promise<Buffer> {
	const { header, rows, locale } = await proposalTable(workshopId);
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet(m.doc_sheet_proposals({}, { locale }));
	sheet.addRow(header).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((c) => c ?? ''));
	sheet.columns.forEach((c) => (c.width = 22));
	sheet.getColumn(6).numFmt = '"Rp" #,##0';
	sheet.getColumn(13).numFmt = 'dd/mm/yyyy';
	return Buffer.from(await book.xlsx.writeBuffer());
}

export async function planCsv(workshopId: string): Promise<string> {
	const { locale } = await languageOf(workshopId);
	const L = { locale };
	const plan = await getPlan(workshopId);
	const origin = { vote: m.doc_origin_vote({}, L), board: m.doc_origin_board({}, L) };
	return toCsv([
		[
			m.doc_h_priority({}, L),
			m.doc_h_item({}, L),
			m.doc_h_description({}, L),
			m.doc_h_function({}, L),
			m.doc_h_location({}, L),
			m.doc_h_target({}, L),
			m.doc_h_cost({}, L),
			m.doc_h_funding_total({}, L),
			m.doc_h_unfunded({}, L),
			m.doc_h_funding_lines({}, L),
			m.doc_h_level({}, L),
			m.doc_h_partners({}, L),
			m.doc_h_progress({}, L),
			m.doc_h_origin({}, L),
			m.doc_h_function_code({}, L),
			m.doc_h_level_code({}, L),
			m.doc_h_origin_code({}, L)
		],
		...plan.items.map((i) => {
			const lines = i.funding.map((f) =>
				[fundingLabel.in(f.source, locale), f.amount?.toString(), f.inKind].filter(Boolean).join(': ')
			);
			return [
				i.priorityRank ?? '',
				i.title,
				i.description,
				functionLabel.in(i.function, locale),
				i.location,
				i.targetGroups.map((g) => groupLabel.in(g, locale)).join(', '),
				i.cost?.toString() ?? '',
				i.fundingTotals.total.toString(),
				unfundedOf(i.cost, i.fundingTotals.total)?.toString() ?? '',
				lines.join('; '),
				i.participationLevel ? levelLabel.in(i.participationLevel, locale) : '',
				i.partners.map((p) => p.name).join('; '),
				i.progress,
				origin[i.originKind],
				i.function,
				i.participationLevel ?? '',
				i.originKind
			];
		})
	]);
}
