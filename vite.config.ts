import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';
import { upgradeHandler } from './src/lib/server/handoff.ts';

/**
 * In `vite dev`, websocket upgrades to /collab go to the same realtime handler as in
 * production (registered by hooks.server.ts when the server starts).
 */
const collabInDev: Plugin = {
	name: 'ruang-rembuk-collab-dev',
	configureServer(server) {
		server.httpServer?.on('upgrade', (req, socket, head) => {
			if (!req.url?.startsWith('/collab/')) return;
			const upgrade = upgradeHandler();
			if (!upgrade || !upgrade(req, socket, head)) socket.destroy();
		});
	}
};

const integrationDb = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'lang'
		}),
		sveltekit(),
		collabInDev
	],
	server: { host: true },
	test: {
		projects: [
			{
				extends: true,
				// Some specs start the command-line tools as processes: seconds on a busy 2-core CI
				// machine, so the timeout is a bound against hangs, not a speed target.
				test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 30_000 }
			},
			...integrationDb.map((backend) => ({
				extends: true as const,
				test: {
					name: `integration-${backend}`,
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					env: { TEST_DB: backend },
					globalSetup: backend === 'postgres' ? ['tests/integration/postgres-template.ts'] : [],
					fileParallelism: backend === 'pglite',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			})),
			// `npm run fuzz:collab` only: the long fuzz run of the realtime endpoint.
			...(process.env.FUZZ
				? [
						{
							extends: true as const,
							test: {
								name: 'fuzz',
								include: ['tests/fuzz/**/*.fuzz.ts'],
								environment: 'node',
								env: { TEST_DB: 'pglite' },
								testTimeout: 3_600_000,
								hookTimeout: 60_000
							}
						}
					]
				: [])
		]
	}
});
