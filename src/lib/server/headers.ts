/**
 * Security headers on every response the app makes. The Content-Security-Policy itself
 * comes from SvelteKit (`kit.csp` in svelte.config.js), which puts a nonce on the inline
 * scripts it emits; here it only learns this page's websocket address.
 *
 * HSTS only over https: in venue mode the app is plain http on a LAN address, and a
 * browser told to insist on https for that address could no longer reach it.
 */
import type { Handle } from '@sveltejs/kit';

const CSP = 'content-security-policy';

export function addSecurityHeaders(headers: Headers, url: URL): void {
	headers.set('x-content-type-options', 'nosniff');
	// Join codes live in paths (/j/CODE): never send them to another site.
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	if (url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=31536000');
	const csp = headers.get(CSP);
	// 'self' covers same-origin websockets in CSP 3, but not in every phone's browser yet:
	// name this page's own ws(s) origin too (never any other host).
	if (csp)
		headers.set(
			CSP,
			csp.replace(/connect-src 'self'/, `connect-src 'self' ${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`)
		);
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		addSecurityHeaders(response.headers, event.url);
	} catch {
		// A response with immutable headers (e.g. passed through from fetch) is sent as it is.
	}
	return response;
};
