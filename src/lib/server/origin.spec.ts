import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin';
import { lanAddresses } from './venue';

const ORIGIN = 'https://rembuk.example.id';

describe('isAllowedOrigin with ORIGIN set', () => {
	it('accepts only ORIGIN', () => {
		expect(isAllowedOrigin(ORIGIN, 'internal:3000', { ORIGIN })).toBe(true);
		expect(isAllowedOrigin(`${ORIGIN}/`, 'internal:3000', { ORIGIN: `${ORIGIN}/` })).toBe(true);
	});
	it('refuses an origin that merely equals the Host header', () => {
		expect(isAllowedOrigin('http://evil.example', 'evil.example', { ORIGIN })).toBe(false);
		expect(isAllowedOrigin('http://rembuk.example.id', 'rembuk.example.id', { ORIGIN })).toBe(false);
	});
	it('refuses localhost and LAN addresses', () => {
		expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000', { ORIGIN, PORT: '3000' })).toBe(false);
		for (const ip of lanAddresses())
			expect(isAllowedOrigin(`http://${ip}:3000`, null, { ORIGIN, PORT: '3000' })).toBe(false);
	});
});

describe('isAllowedOrigin in venue mode (no ORIGIN)', () => {
	it('keeps accepting the addressed host, localhost and this machine on the port', () => {
		expect(isAllowedOrigin('http://10.0.0.5:3000', '10.0.0.5:3000', {})).toBe(true);
		expect(isAllowedOrigin('http://localhost:3000', 'other:1', { PORT: '3000' })).toBe(true);
		expect(isAllowedOrigin('http://evil.example', '10.0.0.5:3000', {})).toBe(false);
	});
});
