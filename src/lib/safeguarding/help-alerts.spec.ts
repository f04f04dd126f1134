import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import HelpAlerts from './HelpAlerts.svelte';
import { timeIn } from '$lib/workshops/zones';

describe("a child's help request on the facilitator's screen", () => {
	it("shows the time on the workshop's clock, named, whatever the server's zone", () => {
		// 23.17 in UTC is 07.17 the next morning in Makassar (WITA) and 06.17 in Jakarta (WIB).
		const alerts = [{ id: 'h1', pseudonym: 'Bintang Biru', at: '2026-11-29T23:17:00.000Z' }];
		const wita = render(HelpAlerts, { props: { alerts, action: '?/helpSeen', zone: 'Asia/Makassar' } }).body;
		expect(wita).toContain('07.17 WITA');
		expect(wita).not.toContain('23');
		const wib = render(HelpAlerts, { props: { alerts, action: '?/helpSeen', zone: 'Asia/Jakarta' } }).body;
		expect(wib).toContain('06.17 WIB');
	});

	it('writes times as each language does', () => {
		expect(timeIn('2026-11-29T23:17:00.000Z', 'id', 'Asia/Jayapura')).toBe('08.17 WIT');
		expect(timeIn('2026-11-29T23:17:00.000Z', 'en', 'Asia/Jayapura')).toBe('08:17 WIT');
	});
});
