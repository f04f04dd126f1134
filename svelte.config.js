import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// The origin check lives in src/lib/server/origin.ts (called from hooks.server.ts):
		// in venue mode phones post from the laptop's LAN address, which Kit's built-in check
		// (a fixed ORIGIN plus a build-time list) would refuse.
		csrf: { checkOrigin: false },
		// Content-Security-Policy: Kit adds a nonce (or a hash, on prerendered pages) to every
		// inline script it emits. Styles allow 'unsafe-inline' for Svelte's style attributes.
		// No upgrade-insecure-requests: venue mode is plain http on the LAN. The other headers
		// (nosniff, Referrer-Policy, HSTS over https) are set in src/lib/server/headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'media-src': ['self', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
