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
		csrf: { checkOrigin: false }
	}
};

export default config;
