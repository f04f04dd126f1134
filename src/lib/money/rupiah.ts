/**
 * Reading Rupiah as people type it. Whole Rupiah only: Indonesians write thousands with
 * dots and decimals with a comma ("1.500.000,00"); some type the English way
 * ("1,500,000"). One pure parser serves every amount field, on the server (zod) and in
 * the browser (RupiahInput), so a decimal comma is never read as more digits (which
 * multiplied "1.500.000,50" by 100).
 */

/** Largest amount accepted: Rp 999.999.999.999.999 (15 digits), far above any village budget. */
export const RUPIAH_MAX = 999_999_999_999_999n;

/** Message keys, one per reason an amount is refused. */
export type RupiahError =
	| 'ui_rupiah_empty'
	| 'ui_rupiah_invalid'
	| 'ui_rupiah_negative'
	| 'ui_rupiah_cents'
	| 'ui_rupiah_too_large'
	| 'ui_rupiah_zero';
export type RupiahResult = { ok: true; value: bigint } | { ok: false; error: RupiahError };

const fail = (error: RupiahError): RupiahResult => ({ ok: false, error });

/** Splits "1.500.000,50" into whole part and fraction by deciding which mark is the decimal one. */
function splitDecimal(s: string): { whole: string; fraction: string; thousands: string } | null {
	const lastDot = s.lastIndexOf('.');
	const lastComma = s.lastIndexOf(',');
	if (lastDot >= 0 && lastComma >= 0) {
		// Both marks: the later one is the decimal mark, the other groups thousands.
		const decimal = lastComma > lastDot ? ',' : '.';
		const at = Math.max(lastDot, lastComma);
		return { whole: s.slice(0, at), fraction: s.slice(at + 1), thousands: decimal === ',' ? '.' : ',' };
	}
	const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
	if (!mark) return { whole: s, fraction: '', thousands: '' };
	const count = s.split(mark).length - 1;
	const tail = s.length - s.lastIndexOf(mark) - 1;
	// One mark followed by 1 or 2 digits is a decimal mark ("1500000,50"); otherwise thousands.
	if (count === 1 && tail > 0 && tail <= 2)
		return { whole: s.slice(0, s.lastIndexOf(mark)), fraction: s.slice(-tail), thousands: '' };
	return { whole: s, fraction: '', thousands: mark };
}

/** Checks thousands groups: "1.500.000" yes, "15.00.000" or "1.5000" no. */
function joinGroups(whole: string, thousands: string): string | null {
	if (!thousands) return /^\d+$/.test(whole) ? whole : null;
	const groups = whole.split(thousands);
	if (!/^\d{1,3}$/.test(groups[0])) return null;
	if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
	return groups.join('');
}

/**
 * Parses a Rupiah amount. Accepts "Rp", spaces, thousand dots (or commas) and a zero
 * fraction (",00"); refuses cents, negatives, zero (unless allowZero) and more than 15 digits.
 */
export function parseRupiah(input: string, options: { allowZero?: boolean } = {}): RupiahResult {
	let s = input.normalize('NFKC').replace(/\s+/g, '');
	s = s.replace(/^rp\.?/i, '');
	if (s === '') return fail('ui_rupiah_empty');
	if (/^[-−]/.test(s)) return fail('ui_rupiah_negative');
	if (!/^[\d.,]+$/.test(s) || !/^\d/.test(s)) return fail('ui_rupiah_invalid');
	const parts = splitDecimal(s);
	if (!parts) return fail('ui_rupiah_invalid');
	if (parts.fraction !== '' && !/^\d{1,2}$/.test(parts.fraction)) return fail('ui_rupiah_invalid');
	const digits = joinGroups(parts.whole, parts.thousands);
	if (digits === null) return fail('ui_rupiah_invalid');
	if (/[1-9]/.test(parts.fraction)) return fail('ui_rupiah_cents');
	const trimmed = digits.replace(/^0+(?=\d)/, '');
	if (trimmed.length > 15) return fail('ui_rupiah_too_large');
	const value = BigInt(trimmed);
	if (value > RUPIAH_MAX) return fail('ui_rupiah_too_large');
	if (value === 0n && !options.allowZero) return fail('ui_rupiah_zero');
	return { ok: true, value };
}

/** "1500000" -> "1.500.000": the form an amount field shows after leaving it. */
export function groupRupiah(value: bigint | string): string {
	return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
