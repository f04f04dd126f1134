import { describe, expect, it } from 'vitest';
import { addSecurityHeaders } from './headers';

const KIT_CSP = "default-src 'self'; script-src 'self' 'nonce-abc'; connect-src 'self'; frame-ancestors 'none'";

describe('addSecurityHeaders', () => {
	it("venue mode (plain http on a LAN address): no HSTS, the page's own ws origin allowed", () => {
		const headers = new Headers({ 'content-security-policy': KIT_CSP });
		addSecurityHeaders(headers, new URL('http://192.168.1.20:3000/w/1'));
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('same-origin');
		expect(headers.get('strict-transport-security')).toBeNull();
		expect(headers.get('content-security-policy')).toContain("connect-src 'self' ws://192.168.1.20:3000;");
		expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('over https: HSTS and wss', () => {
		const headers = new Headers({ 'content-security-policy': KIT_CSP });
		addSecurityHeaders(headers, new URL('https://rembuk.example.id/'));
		expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
		expect(headers.get('content-security-policy')).toContain("connect-src 'self' wss://rembuk.example.id;");
	});

	it('responses without a policy (files, exports) still get nosniff', () => {
		const headers = new Headers({ 'content-type': 'text/csv' });
		addSecurityHeaders(headers, new URL('http://localhost:3000/x.csv'));
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('content-security-policy')).toBeNull();
	});
});
