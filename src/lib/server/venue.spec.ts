import { describe, expect, it } from 'vitest';
import { publicOrigin } from './venue';
import { isAllowedOrigin, needsOriginCheck } from './origin';
import { safeNext } from './redirects';

describe('publicOrigin (what the join QR code carries)', () => {
	const lan = ['192.168.1.20'];
	it('swaps loopback for the LAN address', () => {
		expect(publicOrigin(new URL('http://localhost:3000/w/1'), {}, lan)).toBe('http://192.168.1.20:3000');
		expect(publicOrigin(new URL('http://127.0.0.1:3000/'), {}, lan)).toBe('http://192.168.1.20:3000');
	});
	it('keeps a reachable address and prefers ORIGIN', () => {
		expect(publicOrigin(new URL('http://192.168.1.20:3000/'), {}, lan)).toBe('http://192.168.1.20:3000');
		expect(publicOrigin(new URL('http://localhost:3000/'), { ORIGIN: 'https://rembuk.example.id' }, lan)).toBe(
			'https://rembuk.example.id'
		);
	});
	it('keeps loopback when there is no network at all', () => {
		expect(publicOrigin(new URL('http://localhost:3000/'), {}, [])).toBe('http://localhost:3000');
	});
});

describe('isAllowedOrigin', () => {
	it('allows the origin the request was addressed to', () => {
		expect(isAllowedOrigin('http://10.0.0.5:3000', '10.0.0.5:3000', {})).toBe(true);
	});
	it('allows ORIGIN and refuses other sites', () => {
		expect(isAllowedOrigin('https://rembuk.example.id', 'internal:3000', { ORIGIN: 'https://rembuk.example.id' })).toBe(
			true
		);
		expect(isAllowedOrigin('https://evil.example', 'rembuk.example.id', { ORIGIN: 'https://rembuk.example.id' })).toBe(
			false
		);
		expect(isAllowedOrigin(null, 'rembuk.example.id', {})).toBe(false);
		expect(isAllowedOrigin('not a url', 'rembuk.example.id', {})).toBe(false);
	});
	it('only checks state-changing form posts', () => {
		const post = (type: string) =>
			new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: '' });
		expect(needsOriginCheck(post('application/x-www-form-urlencoded'))).toBe(true);
		expect(needsOriginCheck(post('multipart/form-data; boundary=x'))).toBe(true);
		expect(needsOriginCheck(post('application/json'))).toBe(false);
		expect(needsOriginCheck(new Request('http://x/'))).toBe(false);
	});
});

describe('safeNext', () => {
	it('follows only local paths', () => {
		expect(safeNext('/orgs/1', '/')).toBe('/orgs/1');
		expect(safeNext('//evil.example', '/')).toBe('/');
		expect(safeNext('https://evil.example', '/')).toBe('/');
		expect(safeNext('/\\evil.example', '/')).toBe('/');
		expect(safeNext(null, '/orgs')).toBe('/orgs');
	});
});
