/**
 * Paper ballots for a round, two to an A4 page (one per half, with a cut line), and the
 * tally sheet that matches the paper-totals entry form. Each proposal has a letter and
 * a pictogram of its function next to the title, so people who read little can still
 * find it; costs are printed, and the knapsack ballot states the pagu.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { proposal } from '$lib/voting/voting.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { functionLabel } from '$lib/components/labels';
import { formatLabel, ruleLabel } from '$lib/components/voting-labels';
import { ruleOf } from '$lib/voting/registry';
import { rupiah } from '$lib/components/format';
import type { Round } from '$lib/voting/rounds.server';
import type { DocLocale } from './format';
import { MARGIN, newPdf, signatures, table, write, type Pdf } from './pdf.server';

/** A picture per function: care (penanganan), a shield (pencegahan), a sprout (pemberdayaan). */
const PICTOGRAM: Record<string, string> = { penanganan: '❤', pencegahan: '🛡', pemberdayaan: '🌱' };
const HALF_PAGE_ROWS = 9;

type Item = { letter: string; title: string; cost: bigint; function: string };

export async function ballotsPdf(round: Round, count: number): Promise<Buffer> {
	const [w] = await db.select().from(workshop).where(eq(workshop.id, round.workshopId));
	const rows = await db
		.select()
		.from(proposal)
		.where(and(eq(proposal.workshopId, round.workshopId), inArray(proposal.id, round.proposalIds)));
	const byId = new Map(rows.map((p) => [p.id, p]));
	const items: Item[] = round.proposalIds
		.map((id) => byId.get(id))
		.filter((p) => p !== undefined)
		.map((p, i) => ({
			letter: String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
			title: p.title,
			cost: p.cost,
			function: p.function
		}));
	const locale = w.language as DocLocale;
	const { doc, done } = newPdf(`${m.doc_ballot({}, { locale })}: ${round.title}`);
	const half = items.length <= HALF_PAGE_ROWS;
	for (let i = 0; i < count; i++) {
		const top = half && i % 2 === 1 ? doc.page.height / 2 + 10 : MARGIN;
		if (i > 0 && (!half || i % 2 === 0)) doc.addPage();
		if (half && i % 2 === 1) cutLine(doc, locale);
		ballot(doc, { title: w.title, round, items, locale, top });
	}
	doc.addPage();
	tallySheet(doc, { title: w.title, round, items, locale });
	doc.end();
	return done;
}

function instructions(round: Round, locale: DocLocale): string {
	const L = { locale };
	if (round.format === 'knapsack') return m.doc_ballot_knapsack({ budget: rupiah(round.budget) }, L);
	if (round.format === 'cumulative')
		return [
			m.doc_ballot_cumulative({ points: round.pointsPerVoter ?? 0 }, L),
			round.maxPointsPerProposal ? m.doc_ballot_cumulative_max({ max: round.maxPointsPerProposal }, L) : ''
		]
			.filter(Boolean)
			.join(' ');
	if (round.format === 'ranked') return m.doc_ballot_ranked({}, L);
	return round.maxSelections
		? m.doc_ballot_approval_max({ max: round.maxSelections }, L)
		: m.doc_ballot_approval({}, L);
}

function ballot(doc: Pdf, b: { title: string; round: Round; items: Item[]; locale: DocLocale; top: number }) {
	const width = doc.page.width - 2 * MARGIN;
	write(doc, `${m.doc_ballot({}, { locale: b.locale })} · ${b.round.title}`, {
		x: MARGIN,
		y: b.top,
		bold: true,
		size: 13,
		align: 'center',
		width
	});
	write(doc, b.title, { size: 10, align: 'center', width });
	doc.moveDown(0.4);
	write(doc, instructions(b.round, b.locale), { size: 10.5, width });
	write(doc, m.doc_ballot_secret({}, { locale: b.locale }), { size: 9.5, color: '#333', width });
	doc.moveDown(0.4);
	for (const item of b.items) {
		const y = doc.y;
		doc.lineWidth(1.2).strokeColor('#000').rect(MARGIN, y, 22, 22).stroke();
		write(doc, `${item.letter}  ${PICTOGRAM[item.function] ?? ''}`, {
			x: MARGIN + 32,
			y: y + 3,
			bold: true,
			size: 12,
			width: 60
		});
		write(doc, item.title, { x: MARGIN + 92, y: y + 1, size: 11, width: width - 92 - 110 });
		write(doc, functionLabel.in(item.function, b.locale), {
			x: MARGIN + 92,
			y: doc.y,
			size: 8.5,
			color: '#333',
			width: width - 92 - 110
		});
		write(doc, rupiah(item.cost), { x: MARGIN + width - 105, y: y + 3, size: 10.5, width: 105, align: 'right' });
		doc.x = MARGIN;
		doc.y = Math.max(doc.y, y + 26) + 4;
	}
}

function cutLine(doc: Pdf, locale: DocLocale) {
	const y = doc.page.height / 2;
	doc
		.save()
		.lineWidth(0.7)
		.strokeColor('#666')
		.dash(4, { space: 4 })
		.moveTo(MARGIN / 2, y)
		.lineTo(doc.page.width - MARGIN / 2, y)
		.stroke()
		.restore();
	write(doc, `✂ ${m.doc_ballot_cut({}, { locale })}`, { x: MARGIN, y: y - 12, size: 8, color: '#666' });
}

/** One row per proposal with room for tally marks and the total, as the totals form asks. */
function tallySheet(doc: Pdf, t: { title: string; round: Round; items: Item[]; locale: DocLocale }) {
	const L = { locale: t.locale };
	write(doc, m.doc_tally_sheet({}, L), { x: MARGIN, y: MARGIN, bold: true, size: 14, align: 'center' });
	write(doc, `${t.title} · ${t.round.title}`, { align: 'center' });
	write(
		doc,
		`${formatLabel(t.round.format, t.locale)} · ${ruleLabel(t.round.rule, t.locale)} · ${rupiah(t.round.budget)}`,
		{ align: 'center', size: 9.5, color: '#333' }
	);
	doc.moveDown(0.6);
	// A rule that needs each ballot takes no totals: the sheet says to enter the ballots one by one.
	write(doc, ruleOf(t.round.rule).paperTotals ? m.doc_tally_intro({}, L) : m.doc_tally_mes({}, L));
	doc.moveDown(0.6);
	table(
		doc,
		[
			{ title: m.doc_col_proposal({}, L), width: 0.4 },
			{ title: m.doc_col_cost({}, L), width: 0.16, align: 'right' },
			{ title: m.doc_col_tally({}, L), width: 0.3 },
			{ title: m.doc_col_total({}, L), width: 0.14 }
		],
		[
			...t.items.map((i) => [`${i.letter}  ${PICTOGRAM[i.function] ?? ''}  ${i.title}`, rupiah(i.cost), '', '']),
			[m.doc_tally_ballots({}, L), '', '', '']
		],
		{ rowHeight: 30 }
	);
	doc.moveDown();
	signatures(doc, [
		{ caption: m.doc_tally_signers({}, L), name: '', role: '' },
		{ caption: m.doc_tally_signers({}, L), name: '', role: '' }
	]);
}
