import { describe, expect, it } from 'vitest';
import { groupRupiah, parseRupiah } from './rupiah';
import { optionalRupiahField, rupiahField } from './schema';

const value = (s: string, allowZero = false) => {
	const r = parseRupiah(s, { allowZero });
	return r.ok ? r.value : r.error;
};

describe('parseRupiah', () => {
	it('reads thousand dots, plain digits, English commas and Rp', () => {
		expect(value('1.500.000')).toBe(1_500_000n);
		expect(value('1500000')).toBe(1_500_000n);
		expect(value('1,500,000')).toBe(1_500_000n);
		expect(value('Rp 15.000.000')).toBe(15_000_000n);
		expect(value('Rp. 2.000')).toBe(2000n);
		expect(value(' 1 500 000 ')).toBe(1_500_000n);
		expect(value('1.500')).toBe(1500n);
	});
	it('never multiplies a decimal comma by 100', () => {
		expect(value('100.000.000,00')).toBe(100_000_000n);
		expect(value('1500000,00')).toBe(1_500_000n);
		expect(value('1500000,0')).toBe(1_500_000n);
		expect(value('1,500,000.00')).toBe(1_500_000n);
		expect(value('1.500.000,50')).toBe('ui_rupiah_cents');
		expect(value('1500000,50')).toBe('ui_rupiah_cents');
		expect(value('1500000,5')).toBe('ui_rupiah_cents');
	});
	it('refuses negatives, zero, junk and misplaced groups', () => {
		expect(value('-5')).toBe('ui_rupiah_negative');
		expect(value('−5')).toBe('ui_rupiah_negative');
		expect(value('0')).toBe('ui_rupiah_zero');
		expect(value('0', true)).toBe(0n);
		expect(value('')).toBe('ui_rupiah_empty');
		expect(value('abc')).toBe('ui_rupiah_invalid');
		expect(value('1e6')).toBe('ui_rupiah_invalid');
		expect(value('15.00.000')).toBe('ui_rupiah_invalid');
		expect(value('1.5000')).toBe('ui_rupiah_invalid');
		expect(value('1.500,000,00')).toBe('ui_rupiah_invalid');
		expect(value('.500')).toBe('ui_rupiah_invalid');
	});
	it('says too large past 15 digits, not "above 0"', () => {
		expect(value('12345678901234567890')).toBe('ui_rupiah_too_large');
		expect(value('1.000.000.000.000.000')).toBe('ui_rupiah_too_large');
		expect(value('999.999.999.999.999')).toBe(999_999_999_999_999n);
	});
	it('groups digits for display', () => {
		expect(groupRupiah(1_500_000n)).toBe('1.500.000');
		expect(groupRupiah('100')).toBe('100');
	});
});

describe('Rupiah form fields', () => {
	it('turn each refusal into its message key', () => {
		const r = rupiahField.safeParse('-5');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toBe('ui_rupiah_negative');
		expect(rupiahField.parse('1.500.000,00')).toBe(1_500_000n);
		expect(optionalRupiahField(true).parse('')).toBe(null);
		expect(optionalRupiahField(true).parse('0')).toBe(0n);
		expect(optionalRupiahField().safeParse('12345678901234567890').error?.issues[0].message).toBe(
			'ui_rupiah_too_large'
		);
	});
});
