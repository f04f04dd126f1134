/**
 * The daftar hadir: a printable attendance sheet for wet signatures. One numbered row per
 * person present, with the name they gave (blank for children and for people who gave
 * none: a pseudonym is not a name to sign against), their groups, how they took part and
 * room to sign; then blank numbered rows for latecomers. The counts match the berita acara.
 */
import { m } from '$lib/paraglide/messages.js';
import { groupLabel } from '$lib/components/labels';
import { isChild } from '$lib/workshops/rules';
import { dateIn, dateInWords, type DocLocale } from './format';
import { loadMinutes } from './minutes.server';
import { newPdf, table, write } from './pdf.server';
import { attendanceCounts, pageFooters, place, titleBlock, type DocContext } from './berita-acara.server';

const BLANK_ROWS = 5;

export async function attendanceSheetPdf(workshopId: string, context: DocContext): Promise<Buffer> {
	const minutes = await loadMinutes(workshopId);
	if (!minutes) throw new Error('No such workshop');
	const w = minutes.workshop;
	const locale = w.language as DocLocale;
	const L = { locale };
	const { doc, done } = newPdf(`${m.doc_attendance_sheet({}, L)}: ${w.title}`);
	titleBlock(doc, minutes, m.doc_attendance_sheet({}, L));
	write(
		doc,
		m.doc_attendance_intro(
			{ date: dateInWords(w.date ?? dateIn(w.createdAt, w.timeZone), locale), place: place(minutes) || '-' },
			L
		),
		{ align: 'center' }
	);
	doc.moveDown(0.5);
	attendanceCounts(doc, minutes);
	doc.moveDown(0.5);
	const people = minutes.attendance.people;
	const rows = people.map((p, i) => [
		String(i + 1),
		p.named && !isChild(p.groups) ? p.name : '',
		p.groups.map((g) => groupLabel.in(g, locale)).join(', '),
		p.assisted ? m.doc_channel_assisted({}, L) : m.doc_channel_phone({}, L),
		''
	]);
	for (let i = 0; i < BLANK_ROWS; i++) rows.push([String(people.length + i + 1), '', '', '', '']);
	table(
		doc,
		[
			{ title: m.doc_col_no({}, L), width: 0.07, align: 'right' },
			{ title: m.doc_col_name({}, L), width: 0.3 },
			{ title: m.doc_col_group({}, L), width: 0.23 },
			{ title: m.doc_col_channel({}, L), width: 0.14 },
			{ title: m.doc_col_signature({}, L), width: 0.26 }
		],
		rows,
		{ rowHeight: 26 }
	);
	write(doc, m.doc_blank_rows({}, L), { size: 9, color: '#333' });
	pageFooters(doc, minutes, context);
	doc.end();
	return done;
}
