import { describe, expect, it } from 'vitest';
import { generateJoinCode, isChild, JOIN_CODE_ALPHABET, makePseudonym, normalizeJoinCode } from './rules';

const bytes = (values: number[]) => () => Uint8Array.from(values);

describe('join codes', () => {
	it('has no look-alike characters', () => {
		for (const ch of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
	});

	it('draws 6 characters and rejects biased bytes', () => {
		// 250..255 are above the largest multiple of 25 and must be skipped.
		const draws = [
			[255, 250, 251, 3, 4, 5],
			[0, 1, 2, 9, 9, 9]
		];
		const code = generateJoinCode(() => Uint8Array.from(draws.shift()!));
		const a = JOIN_CODE_ALPHABET;
		expect(code).toBe(a[3] + a[4] + a[5] + a[0] + a[1] + a[2]);
	});

	it('accepts what people type and refuses what cannot be a code', () => {
		expect(normalizeJoinCode(' k7m-x4c ')).toBe('K7MX4C');
		expect(normalizeJoinCode('K7MX4')).toBeNull();
		expect(normalizeJoinCode('K7MX40')).toBeNull(); // 0 is never in a code
		expect(normalizeJoinCode('')).toBeNull();
	});

	it('gives a friendly pseudonym', () => {
		expect(makePseudonym(bytes([0, 0, 0]))).toBe('Kancil Biru 10');
		expect(makePseudonym(bytes([11, 9, 95]))).toBe('Merak Hijau 15');
	});

	it('knows a child by their groups', () => {
		expect(isChild(['woman'])).toBe(false);
		expect(isChild(['youth', 'child-13-17'])).toBe(true);
	});
});
