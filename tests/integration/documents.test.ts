import { describe, expect, it } from 'vitest';
import { beritaAcaraPdf } from '$lib/documents/berita-acara.server';
import { attendanceSheetPdf } from '$lib/documents/attendance-sheet.server';
import { ballotsPdf } from '$lib/documents/ballots.server';
import { createRound, findRound } from '$lib/voting/rounds.server';
import { listProposals } from '$lib/voting/proposals.server';
import { useTestDatabase } from './db';
import { keep, pdfPages, pdfText } from './read-back';
import { aSignedForum, ORIGIN, RAW_CODES } from './signed-forum';
import { asOwner } from './factories';

useTestDatabase();

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
		for (const expected of [
			'MINUTES (BERITA ACARA)',
			'Saturday, 14 March 2026',
			'from 09:00 to 12:00 WITA',
			'Acknowledged by',
			'Selected',
			'Not selected: more than the budget left',
			'Agency budget (APBD): Rp 20.000.000',
			'Woman',
			'Page 1 of'
		])
			expect(text).toContain(expected);
		for (const word of ['Mengetahui', 'Terpilih', 'Halaman', 'Pada hari ini']) expect(text).not.toContain(word);
	});
});

describe('daftar hadir for wet signatures', () => {
	it('numbers every person present, names only the adults who gave one, counts like the minutes', async () => {
		const { w } = await aSignedForum();
		const text = await pdfText(keep('daftar-hadir-id.pdf', await attendanceSheetPdf(w.id, { origin: ORIGIN })));
		for (const expected of [
			'DAFTAR HADIR',
			'Sabtu, 14 Maret 2026',
			'Hadir 3 orang: 2 melalui ponsel, 1 dibantu fasilitator',
			'No. Nama Kelompok Cara ikut Tanda tangan',
			'1 Sari Rahasia Perempuan Ponsel',
			'2 Anak 7-12 tahun Ponsel',
			'3 Pak Daeng Lansia Dibantu',
			'8',
			`Kode forum: ${w.joinCode}`,
			'Halaman 1 dari 1'
		])
			expect(text).toContain(expected);
		for (const code of RAW_CODES) expect(text).not.toContain(code);
		expect(text).not.toContain('Nama Anak Rahasia');
	});
});

describe('paper ballots and tally sheet', () => {
	it('a knapsack round: two ballots a page with letters, pictograms, costs and the pagu; a tally sheet like the totals form', async () => {
		const { w } = await aSignedForum();
		const ids = (await listProposals(w.id, false)).map((p) => p.id);
		const created = await createRound(await asOwner(w.id), {
			title: 'Putaran kertas',
			format: 'knapsack',
			rule: 'greedy',
			proposalIds: ids,
			budget: 80_000_000n,
			minSelections: 1,
			maxSelections: null,
			pointsPerVoter: null,
			maxPointsPerProposal: null,
			topK: null,
			add1Step: undefined,
			allowChange: false
		});
		if (!created.ok) throw new Error('setup');
		const buffer = keep('surat-suara-id.pdf', await ballotsPdf((await findRound(w.id, created.id))!, 4));
		const pages = await pdfPages(buffer);
		expect(pages).toHaveLength(3); // 4 ballots on 2 pages, then the tally sheet
		const text = await pdfText(buffer);
		expect(text.match(/SURAT SUARA · Putaran kertas/g)).toHaveLength(4);
		for (const expected of [
			'tidak boleh lebih dari pagu Rp 80.000.000',
			'jangan tulis namamu',
			'A 🛡',
			'Lampu lorong',
			'Sumur bor',
			'Rp 15.000.000',
			'potong di sini',
			'LEMBAR PENGHITUNGAN SUARA KERTAS',
			'Jumlah suara kertas per usulan',
			'Jumlah surat suara kertas',
			'Turus'
		])
			expect(text).toContain(expected);
		expect(text).not.toContain('[?]');
		for (const code of RAW_CODES) expect(text).not.toContain(code);
	});
});
