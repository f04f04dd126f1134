import { describe, expect, it } from 'vitest';
import { safeNext } from './redirects';

const APP = 'http://192.168.1.20:3000';

describe('safeNext', () => {
	it('follows paths on this site, query and fragment included', () => {
		expect(safeNext('/orgs/1', '/', APP)).toBe('/orgs/1');
		expect(safeNext('/invite/abc?x=1#top', '/', APP)).toBe('/invite/abc?x=1#top');
		expect(safeNext(null, '/orgs', APP)).toBe('/orgs');
		expect(safeNext('', '/orgs', APP)).toBe('/orgs');
	});

	it.each([
		'//evil.example',
		'https://evil.example',
		'/\\evil.example',
		'/\t/evil.example/phish', // /%09/evil.example/phish, decoded
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/ /evil.example',
		'/.//evil.example',
		'/\\/evil.example',
		'javascript:alert(1)',
		'evil.example',
		'/' + 'a'.repeat(3000)
	])('never leaves the site: %j', (next) => {
		const out = safeNext(next, '/fallback', APP);
		const resolved = new URL(out, APP);
		expect(resolved.origin).toBe(APP);
		expect(out.startsWith('//')).toBe(false);
		// What is returned is a valid header value: no control characters.
		// eslint-disable-next-line no-control-regex -- the control characters are what this test looks for
		expect(out).not.toMatch(/[\u0000-\u001f\u007f]/);
	});

	it('a newline inside a local path is encoded, not passed into the header', () => {
		const out = safeNext('/orgs\n/x', '/', APP);
		expect(out).not.toMatch(/[\r\n]/);
		expect(new URL(out, APP).origin).toBe(APP);
	});
});
