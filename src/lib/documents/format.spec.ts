import { describe, expect, it } from 'vitest';
import { clock, dateIn, dateInWords, dateTimeIn, shortDate } from './format';

describe('dates for documents and history', () => {
	it('writes the date in words in the workshop language', () => {
		expect(dateInWords('2026-03-14', 'id')).toBe('Sabtu, 14 Maret 2026');
		expect(dateInWords('2026-03-14', 'en')).toBe('Saturday, 14 March 2026');
		expect(shortDate('2027-03-01', 'id')).toBe('1 Mar 2027');
		expect(shortDate('2027-08-01', 'id')).toBe('1 Agu 2027');
	});

	it('tells an instant on the workshop clock, with the zone Indonesians name', () => {
		const at = new Date('2026-11-28T15:17:42Z');
		expect(dateTimeIn(at, 'id', 'Asia/Makassar')).toBe('28 Nov 2026, 23.17 WITA');
		expect(dateTimeIn(at, 'en', 'Asia/Jakarta')).toBe('28 Nov 2026, 22:17 WIB');
		expect(dateTimeIn(at, 'id', 'Asia/Jayapura')).toBe('29 Nov 2026, 00.17 WIT');
		expect(dateIn(at, 'Asia/Jayapura')).toBe('2026-11-29');
		expect(clock('09:30', 'id')).toBe('09.30');
	});
});
