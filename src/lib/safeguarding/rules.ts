/**
 * Safeguarding rules: pure, shared by server and pages, unit-tested in rules.spec.ts.
 *
 * - `maskPersonalDetails` finds phone numbers, e-mail addresses, NIK (the 16-digit
 *   Indonesian ID number) and street addresses with a house number, and replaces each
 *   with a neutral marker before a participant's text reaches the room. Costs
 *   (Rp 15.000.000), years, dates, times and RT/RW numbers are left alone.
 * - `matchWatchwords` finds disclosure words (hitting, sexual abuse, threats, being
 *   locked in) so the facilitator can look first. Nothing is ever blocked by words alone:
 *   prevention workshops talk about violence by design.
 */

export const DETAIL_KINDS = ['phone', 'email', 'nik', 'address'] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

/** What each hidden detail is replaced with: the same in every language, easy to read aloud. */
export const MASK: Record<DetailKind, string> = {
	phone: '[nomor disembunyikan]',
	email: '[email disembunyikan]',
	nik: '[NIK disembunyikan]',
	address: '[alamat disembunyikan]'
};

export type Masked = { text: string; kinds: DetailKind[] };

type Span = { start: number; end: number; kind: DetailKind };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * A street keyword, up to 40 characters of name (no comma, newline or full stop
 * ending a sentence), then a house number: "Jl. Mawar No. 12", "Jalan Sungai Saddang
 * Baru No 7A", "Lorong 3 Nomor 5", "Perum Griya Blok C2 No. 9". A street named without
 * a house number ("lampu Jl. Mawar mati") is planning talk and stays.
 */
const ADDRESS =
	/(?<![\p{L}\p{N}])(?:jl|jln|jalan|gg|gang|lorong|lr|komp|kompleks|perum|perumahan|btn)\.?\s+[^\n,;]{1,40}?(?<![\p{L}\p{N}])(?:no|nomor|nomer|nmr)\.?\s*\d{1,4}\s?[a-z]?(?![\p{L}\p{N}])/giu;

/**
 * Runs of digit groups: "0812-3456-7890", "+62 812 3456 7890", "(0411) 452 123",
 * "3173012345670001". Groups of two or more digits joined by one space, dot or hyphen,
 * so a list of single digits ("1 2 3 4 5") is not one run.
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}.,/])\+?\(?\d{2,}\)?(?:[ .-]\(?\d{2,}\)?){0,5}(?![\p{L}\p{N}]|[.,]\d)/gu;

/** Money is written "Rp 15.000.000", "Rp15 juta", "IDR 2.500.000": never a phone number. */
const MONEY_BEFORE = /(?:rp|idr)\.?\s*$/i;

/** Classifies a run of digits; null when it is a cost, year, date, RT/RW or count. */
export function classifyDigits(run: string): 'phone' | 'nik' | null {
	const digits = run.replace(/\D/g, '');
	const international = run.startsWith('+');
	// NIK: 16 digits, first two a province code (11-94), never a leading 0.
	if (!international && digits.length === 16 && /^[1-9]/.test(digits)) return 'nik';
	// Phones: +62…, 62 8… (mobile written without +), or 0 then an area or mobile code.
	const national = international
		? digits.startsWith('62')
			? `0${digits.slice(2)}`
			: null
		: digits.startsWith('628')
			? `0${digits.slice(2)}`
			: digits;
	if (international && !national) return digits.length >= 8 && digits.length <= 15 ? 'phone' : null;
	if (!national || !/^0[1-9]/.test(national)) return null;
	// Indonesian numbers: 10 to 13 digits with the leading 0 (landline 0411 + 6-7, mobile 08xx + 7-9).
	return national.length >= 10 && national.length <= 13 ? 'phone' : null;
}

function findSpans(text: string): Span[] {
	const spans: Span[] = [];
	for (const m of text.matchAll(EMAIL)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'email' });
	for (const m of text.matchAll(ADDRESS))
		spans.push({ start: m.index, end: m.index + m[0].trimEnd().length, kind: 'address' });
	for (const m of text.matchAll(DIGIT_RUN)) {
		if (MONEY_BEFORE.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
		const kind = classifyDigits(m[0]);
		if (kind) spans.push({ start: m.index, end: m.index + m[0].length, kind });
	}
	// Earlier and longer first; a span inside one already taken (digits of an e-mail) is dropped.
	spans.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: Span[] = [];
	for (const span of spans) if (!kept.some((k) => span.start < k.end && span.end > k.start)) kept.push(span);
	return kept;
}

/** The text with every personal detail replaced, and which kinds were found (each once). */
export function maskPersonalDetails(text: string): Masked {
	const spans = findSpans(text);
	let out = '';
	let at = 0;
	for (const span of spans) {
		out += text.slice(at, span.start) + MASK[span.kind];
		at = span.end;
	}
	out += text.slice(at);
	return { text: out, kinds: DETAIL_KINDS.filter((k) => spans.some((s) => s.kind === k)) };
}

/**
 * Default disclosure words, Indonesian and English: hitting, sexual abuse, threats,
 * being locked in. Whole words only, so "pukul 10.00" (ten o'clock) is not "dipukul".
 * Each workshop edits its own copy.
 */
export const DEFAULT_WATCHWORDS: readonly string[] = [
	// hitting and hurting
	'dipukul',
	'dipukuli',
	'memukul',
	'memukuli',
	'ditampar',
	'menampar',
	'ditendang',
	'menendang',
	'dicubit',
	'dijambak',
	'dianiaya',
	'penganiayaan',
	'disiksa',
	'disakiti',
	'kdrt',
	// sexual abuse
	'dicabuli',
	'pencabulan',
	'diperkosa',
	'memperkosa',
	'pemerkosaan',
	'dilecehkan',
	'pelecehan',
	'diraba',
	'diraba-raba',
	'dipaksa berhubungan',
	// threats
	'diancam',
	'mengancam',
	'ancaman',
	'akan dibunuh',
	// locked in
	'dikurung',
	'dikunci di kamar',
	'disekap',
	'tidak boleh keluar rumah',
	// English
	'hit me',
	'hits me',
	'beaten',
	'beat me',
	'slapped',
	'kicked',
	'abused',
	'abuse',
	'sexual abuse',
	'raped',
	'rape',
	'molested',
	'touched me',
	'threatened',
	'threatens',
	'locked in',
	'locked up',
	'not allowed to leave'
];

const MAX_WATCHWORDS = 200;
const MAX_WATCHWORD_LENGTH = 60;

/** One phrase per line (or comma), trimmed, lower case, de-duplicated, bounded. */
export function parseWatchwords(input: string): string[] {
	const words = input
		.split(/[\n,]/)
		.map((w) => w.trim().toLowerCase().replace(/\s+/g, ' '))
		.filter((w) => w.length > 0 && w.length <= MAX_WATCHWORD_LENGTH);
	return [...new Set(words)].slice(0, MAX_WATCHWORDS);
}

function escapeRegExp(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The watch words found in `text`, each once, as whole words and case-insensitive. */
export function matchWatchwords(text: string, words: readonly string[]): string[] {
	const haystack = text.toLowerCase().replace(/\s+/g, ' ');
	return words.filter((word) => {
		const phrase = escapeRegExp(word.toLowerCase()).replace(/ /g, '\\s+');
		return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
	});
}

/** Days a workshop's personal data is kept after it closes, by default (organisation setting). */
export const DEFAULT_RETENTION_DAYS = 90;
export const MAX_RETENTION_DAYS = 3650;

/** When a closed workshop's personal data is due to be anonymised. */
export function anonymiseAfter(closedAt: Date, retentionDays: number): Date {
	return new Date(closedAt.getTime() + retentionDays * 86_400_000);
}
