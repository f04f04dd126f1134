/**
 * The berita acara (signed minutes of a forum), fit to print, sign and hand on: in the
 * workshop's language, labels never codes, the date in words, every proposal with its
 * outcome, the plan with co-financing and partners, delegates, a signature block, and a
 * footer with the join code, a QR to the public follow-up page and page numbers.
 */
import { m } from '$lib/paraglide/messages.js';
import { functionLabel, groupLabel, kindLabel } from '$lib/components/labels';
import { fundingLabel } from '$lib/plans/labels';
import { formatLabel, ruleLabel } from '$lib/components/voting-labels';
import { rupiah } from '$lib/components/format';
import { ZONE_ABBREVIATION } from '$lib/workshops/record';
import { clock, dateIn, dateInWords, type DocLocale } from './format';
import { loadMinutes, type Minutes } from './minutes.server';
import { footers, heading, MARGIN, newPdf, signatures, table, write, type Pdf, type Signatory } from './pdf.server';
import { unfundedOf } from '$lib/plans/rules';

export type DocContext = { origin: string };

export async function beritaAcaraPdf(workshopId: string, context: DocContext): Promise<Buffer> {
	const minutes = await loadMinutes(workshopId);
	if (!minutes) throw new Error('No such workshop');
	const locale = minutes.workshop.language as DocLocale;
	const L = { locale };
	const w = minutes.workshop;
	const { doc, done } = newPdf(`${m.doc_berita_acara({}, L)}: ${w.title}`);

	titleBlock(doc, minutes, m.doc_berita_acara({}, L));
	write(doc, opening(minutes, locale), { align: 'justify' });
	if (w.purpose) labelled(doc, m.doc_purpose({}, L), w.purpose);
	const r = w.record;
	if (r.leader?.name) labelled(doc, m.doc_led_by({}, L), [r.leader.name, r.leader.role].filter(Boolean).join(', '));
	if (r.speakers) labelled(doc, m.doc_speakers({}, L), r.speakers);

	if (minutes.agenda.length) {
		heading(doc, m.doc_agenda({}, L));
		minutes.agenda.forEach((a, i) => write(doc, `${i + 1}. ${a.title} (${m.doc_minutes({ n: a.minutes }, L)})`));
	}

	heading(doc, m.doc_attendance({}, L));
	const { attendance } = minutes;
	attendanceCounts(doc, minutes);
	const named = attendance.people.filter((p) => p.named);
	if (named.length) labelled(doc, m.doc_named({}, L), named.map((p) => p.name).join(', '));

	for (const round of minutes.rounds) writeRound(doc, round, locale);
	if (minutes.notVoted.length) {
		heading(doc, m.doc_not_voted({}, L));
		minutes.notVoted.forEach((p, i) => write(doc, `${i + 1}. ${p.title} (${rupiah(p.cost)})`));
	}

	if (r.decisions) {
		heading(doc, m.doc_decisions({}, L));
		write(doc, r.decisions);
	}
	writePlan(doc, minutes, locale);

	if (r.delegates?.length) {
		heading(doc, m.doc_delegates({}, L));
		r.delegates.forEach((d, i) =>
			write(doc, `${i + 1}. ${d.name}${d.role ? ` (${groupLabel.in(d.role, locale)})` : ''}`)
		);
	}

	writeSignatures(doc, minutes, locale);
	pageFooters(doc, minutes, context);
	doc.end();
	return done;
}

/** Kind, title and what the document is, centred at the top of the first page. */
export function titleBlock(doc: Pdf, minutes: Minutes, name: string) {
	const locale = minutes.workshop.language as DocLocale;
	write(doc, name, { bold: true, size: 16, align: 'center' });
	write(doc, kindLabel.in(minutes.workshop.kind, locale), { size: 11, align: 'center' });
	write(doc, minutes.workshop.title, { bold: true, size: 13, align: 'center' });
	doc.moveDown();
}

/** Who came, by channel and by group: the same counts on the minutes and the attendance sheet. */
export function attendanceCounts(doc: Pdf, minutes: Minutes) {
	const locale = minutes.workshop.language as DocLocale;
	const { attendance } = minutes;
	write(
		doc,
		m.doc_attendance_total(
			{ total: attendance.total, phone: attendance.total - attendance.assisted, assisted: attendance.assisted },
			{ locale }
		)
	);
	if (attendance.byGroup.length) {
		write(doc, m.doc_attendance_by_group({}, { locale }));
		write(doc, attendance.byGroup.map((g) => `${groupLabel.in(g.group, locale)}: ${g.count}`).join('; '));
	}
}

export function pageFooters(doc: Pdf, minutes: Minutes, context: DocContext) {
	const { joinCode } = minutes.workshop;
	const locale = minutes.workshop.language as DocLocale;
	footers(doc, {
		code: joinCode,
		url: `${context.origin}/f/${joinCode}`,
		codeLabel: m.doc_join_code({}, { locale }),
		page: (i, n) => m.doc_page({ i, n }, { locale })
	});
}

function labelled(doc: Pdf, name: string, value: string) {
	doc.moveDown(0.3);
	write(doc, `${name}: `, { bold: true, continued: true });
	write(doc, value);
}

/** "Pada hari ini, Sabtu, 14 Maret 2026, pukul 09.00–12.00 WITA, bertempat di ..." */
function opening(minutes: Minutes, locale: DocLocale): string {
	const w = minutes.workshop;
	const r = w.record;
	const zone = ZONE_ABBREVIATION[w.timeZone];
	const start = r.startTime ? clock(r.startTime, locale) : '';
	const end = r.endTime ? clock(r.endTime, locale) : '';
	const time =
		start && end
			? m.doc_time_range({ start, end, zone }, { locale })
			: start
				? m.doc_time_start({ start, zone }, { locale })
				: '';
	const date = dateInWords(w.date ?? dateIn(w.createdAt, w.timeZone), locale);
	return m.doc_opening(
		{ date, time, place: place(minutes) || '-', kind: kindLabel.in(w.kind, locale).toLowerCase(), title: w.title },
		{ locale }
	);
}

export const place = ({ workshop: w }: Minutes) =>
	[w.kelurahan && `Kelurahan ${w.kelurahan}`, w.kecamatan && `Kecamatan ${w.kecamatan}`].filter(Boolean).join(', ');

function writeRound(doc: Pdf, round: Minutes['rounds'][number], locale: DocLocale) {
	const L = { locale };
	const { result } = round;
	heading(doc, m.doc_round({ title: round.title }, L));
	const c = result.channels;
	write(
		doc,
		m.doc_round_summary(
			{
				format: formatLabel(round.format, locale),
				rule: ruleLabel(round.rule, locale),
				budget: rupiah(round.budget),
				ballots: result.ballots,
				phone: c.phone,
				assisted: c.assisted,
				paper: c.paper
			},
			L
		)
	);
	if (c.paperTotals > 0) write(doc, m.doc_paper_totals({ n: c.paperTotals }, L));
	write(doc, m.doc_tie_rule({}, L), { size: 9.5, color: '#333' });
	doc.moveDown(0.3);
	const outcome = {
		won: m.doc_outcome_won({}, L),
		'over-budget': m.doc_outcome_over_budget({}, L),
		'not-enough-support': m.doc_outcome_support({}, L)
	};
	table(
		doc,
		[
			{ title: m.doc_col_rank({}, L), width: 0.13, align: 'center' },
			{ title: m.doc_col_proposal({}, L), width: 0.35 },
			{ title: m.doc_col_cost({}, L), width: 0.18, align: 'right' },
			{ title: m.doc_col_votes({}, L), width: 0.1, align: 'right' },
			{ title: m.doc_col_outcome({}, L), width: 0.24 }
		],
		round.rows.map((row) => [
			row.rank?.toString() ?? '-',
			row.title,
			rupiah(row.cost),
			String(row.votes),
			outcome[row.outcome]
		])
	);
}

function writePlan(doc: Pdf, minutes: Minutes, locale: DocLocale) {
	const L = { locale };
	if (!minutes.plan.items.length) return;
	heading(doc, m.doc_plan({}, L));
	const rows = minutes.plan.items.map((item, i) => {
		const lines = item.funding.map(
			(f) =>
				`${fundingLabel.in(f.source, locale)}: ${f.amount !== null ? rupiah(f.amount) : ''}${f.amount !== null && f.inKind ? ', ' : ''}${f.inKind ? `${f.inKind} (${m.doc_in_kind({}, L)})` : ''}`
		);
		const gap = unfundedOf(item.cost, item.fundingTotals.total) ?? 0n;
		if (gap > 0n && item.funding.length) lines.push(m.doc_unfunded({ amount: rupiah(gap) }, L));
		const title = `${i + 1}. ${item.title}\n${functionLabel.in(item.function, locale)}${item.location ? `, ${item.location}` : ''}`;
		return [
			title,
			item.cost !== null ? rupiah(item.cost) : '-',
			lines.join('\n') || m.doc_no_funding({}, L),
			item.partners.map((p) => p.name).join(', ') || '-'
		];
	});
	table(
		doc,
		[
			{ title: m.doc_col_item({}, L), width: 0.34 },
			{ title: m.doc_col_cost({}, L), width: 0.16, align: 'right' },
			{ title: m.doc_col_funding({}, L), width: 0.28 },
			{ title: m.doc_col_partners({}, L), width: 0.22 }
		],
		rows
	);
}

function writeSignatures(doc: Pdf, minutes: Minutes, locale: DocLocale) {
	const L = { locale };
	const w = minutes.workshop;
	const r = w.record;
	if (doc.y + 200 > doc.page.height - doc.page.margins.bottom) doc.addPage();
	doc.moveDown();
	write(doc, m.doc_sign_intro({}, L));
	doc.moveDown();
	const signedAt = r.signingPlace || w.kelurahan || w.kecamatan;
	const date = dateInWords(w.date ?? dateIn(w.createdAt, w.timeZone), locale);
	write(doc, signedAt ? `${signedAt}, ${date}` : date, { align: 'right' });
	doc.moveDown();
	const reps = r.representatives?.length ? r.representatives : [{ name: '', role: '' }];
	const people: Signatory[] = [
		{ caption: m.doc_sign_leader({}, L), name: r.leader?.name ?? '', role: r.leader?.role ?? '' },
		...reps.map((p) => ({
			caption: m.doc_sign_representative({}, L),
			name: p.name,
			role: p.role ? groupLabel.in(p.role, locale) : ''
		}))
	];
	signatures(doc, people);
	const acknowledgerRole = r.acknowledger?.role || (w.kelurahan ? m.doc_sign_lurah({ kelurahan: w.kelurahan }, L) : '');
	signatures(
		doc,
		[{ caption: `${m.doc_sign_acknowledged({}, L)}\n${acknowledgerRole}`, name: r.acknowledger?.name ?? '', role: '' }],
		true
	);
	doc.x = MARGIN;
}
