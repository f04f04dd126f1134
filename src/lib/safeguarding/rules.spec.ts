import { describe, expect, it } from 'vitest';
import {
	DEFAULT_WATCHWORDS,
	anonymiseAfter,
	classifyDigits,
	maskPersonalDetails,
	matchWatchwords,
	parseWatchwords
} from './rules';

const masked = (text: string) => maskPersonalDetails(text).text;

describe('maskPersonalDetails: phone numbers', () => {
	it.each([
		['Hubungi saya 0812-3456-7890 ya', 'Hubungi saya [nomor disembunyikan] ya'],
		['WA +62 812 3456 7890.', 'WA [nomor disembunyikan].'],
		['nomor 081234567890', 'nomor [nomor disembunyikan]'],
		['telp 6281234567890', 'telp [nomor disembunyikan]'],
		['0812.3456.789', '[nomor disembunyikan]'],
		['kantor (0411) 452123', 'kantor [nomor disembunyikan]'],
		['+628123456789', '[nomor disembunyikan]']
	])('%s', (input, expected) => {
		expect(masked(input)).toBe(expected);
		expect(maskPersonalDetails(input).kinds).toEqual(['phone']);
	});
});

describe('maskPersonalDetails: e-mail, NIK, addresses', () => {
	it('e-mail addresses', () => {
		expect(maskPersonalDetails('kirim ke sari.warga@gmail.com besok')).toEqual({
			text: 'kirim ke [email disembunyikan] besok',
			kinds: ['email']
		});
		expect(masked('a_b+c@dinas.makassarkota.go.id')).toBe('[email disembunyikan]');
	});
	it('NIK, with or without spaces', () => {
		expect(maskPersonalDetails('NIK saya 7371012345670001').kinds).toEqual(['nik']);
		expect(masked('NIK 7371 0123 4567 0001 ok')).toBe('NIK [NIK disembunyikan] ok');
	});
	it.each([
		['Rumah saya di Jl. Mawar No. 12, dekat masjid', 'Rumah saya di [alamat disembunyikan], dekat masjid'],
		['Jalan Sungai Saddang Baru no 7A', '[alamat disembunyikan]'],
		['tinggal di Lorong 3 Nomor 5 RT 03/RW 05', 'tinggal di [alamat disembunyikan] RT 03/RW 05'],
		['Perum Griya Blok C2 No.9', '[alamat disembunyikan]'],
		['jln perintis kemerdekaan km 10 no. 45', '[alamat disembunyikan]']
	])('address: %s', (input, expected) => {
		expect(masked(input)).toBe(expected);
	});
	it('several kinds in one note are all hidden, each kind named once', () => {
		const result = maskPersonalDetails('Sari, 0812-3456-7890, sari@mail.id, Jl. Mawar No. 12, 0813 2222 3333');
		expect(result.text).toBe(
			'Sari, [nomor disembunyikan], [email disembunyikan], [alamat disembunyikan], [nomor disembunyikan]'
		);
		expect(result.kinds).toEqual(['phone', 'email', 'address']);
	});
});

describe('maskPersonalDetails: no false positives', () => {
	it.each([
		'Biaya lampu jalan Rp 15.000.000 dari APBD',
		'Rp15.000.000 untuk pelatihan',
		'IDR 2.500.000 swadaya',
		'Anggaran 1.750.000 per triwulan',
		'Pagu 150000000 rupiah',
		'Tahun 2024 dan 2025',
		'Rencana 2023-2027',
		'Rapat 01-02-2025 pukul 08.00-12.00',
		'tanggal 12/03/2025',
		'RT 03/RW 05 Kelurahan Tamamaung',
		'RT 003/RW 005',
		'Lampu Jl. Mawar mati sejak lama',
		'Jalan rusak di lorong 7',
		'ada 120 anak dan 45 ibu, 1 2 3 4 5 6 7 8 9 10',
		'Kode pos 90231',
		'Target 100% pada 2026'
	])('%s', (input) => {
		expect(maskPersonalDetails(input)).toEqual({ text: input, kinds: [] });
	});
});

describe('classifyDigits', () => {
	it('tells phones, NIK and other numbers apart', () => {
		expect(classifyDigits('0812-3456-7890')).toBe('phone');
		expect(classifyDigits('+62 812 3456 7890')).toBe('phone');
		expect(classifyDigits('7371012345670001')).toBe('nik');
		expect(classifyDigits('0371012345670001')).toBeNull();
		expect(classifyDigits('15.000.000')).toBeNull();
		expect(classifyDigits('2024')).toBeNull();
		expect(classifyDigits('0812345')).toBeNull();
	});
});

describe('matchWatchwords', () => {
	it('finds Indonesian disclosure words, whole words only, any case', () => {
		expect(matchWatchwords('Adik saya DIPUKUL ayah tiap malam', DEFAULT_WATCHWORDS)).toEqual(['dipukul']);
		expect(matchWatchwords('dia dicabuli tetangga dan diancam', DEFAULT_WATCHWORDS)).toEqual(['dicabuli', 'diancam']);
		expect(matchWatchwords('aku dikurung di gudang', DEFAULT_WATCHWORDS)).toEqual(['dikurung']);
		expect(matchWatchwords('Ibu ditampar, pernah diperkosa', DEFAULT_WATCHWORDS)).toEqual(['ditampar', 'diperkosa']);
	});
	it('finds English phrases across line breaks', () => {
		expect(matchWatchwords('My uncle\nhit me and I was locked   in', DEFAULT_WATCHWORDS)).toEqual([
			'hit me',
			'locked in'
		]);
		expect(matchWatchwords('a case of sexual abuse', DEFAULT_WATCHWORDS)).toEqual(['abuse', 'sexual abuse']);
	});
	it('does not flag ordinary planning talk', () => {
		for (const text of [
			'Rapat pukul 10.00 di balai',
			'Pukul 7 pagi kerja bakti',
			'Pelatihan ketrampilan ibu-ibu',
			'A hitting-free school campaign',
			'rapeseed oil',
			'grapes and kicks-off'
		])
			expect(matchWatchwords(text, DEFAULT_WATCHWORDS)).toEqual([]);
	});
	it('uses a workshop’s own list', () => {
		const words = parseWatchwords('Dipukul\n  dikunci   di kamar , ,dipukul\n' + 'x'.repeat(61));
		expect(words).toEqual(['dipukul', 'dikunci di kamar']);
		expect(matchWatchwords('aku dikunci di kamar', words)).toEqual(['dikunci di kamar']);
		expect(matchWatchwords('aku dipukul', [])).toEqual([]);
	});
	it('escapes regular-expression characters in a phrase', () => {
		expect(matchWatchwords('takut (sekali)', ['(sekali)'])).toEqual(['(sekali)']);
		expect(matchWatchwords('apa saja', ['.*'])).toEqual([]);
	});
});

describe('anonymiseAfter', () => {
	it('adds the retention days to the closing time', () => {
		expect(anonymiseAfter(new Date('2027-01-01T00:00:00Z'), 90).toISOString()).toBe('2027-04-01T00:00:00.000Z');
	});
});
