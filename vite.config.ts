import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

const integrationDb = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'lang'
		}),
		sveltekit()
	],
	server: { host: true },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node' }
			},
			...integrationDb.map((backend) => ({
				extends: true as const,
				test: {
					name: `integration-${backend}`,
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					env: { TEST_DB: backend },
					globalSetup: backend === "postgres" ? ["tests/integration/postgres-template.ts"] : [],
					fileParallelism: backend === "pglite",
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}))
		]
	}
});
