/**
 * Vitest global setup for the Postgres run (immich's pattern): migrate once into a
 * template database; every test file then gets its own fresh clone (see db.ts).
 */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';

/**
 * One template per test run (several checkouts may run their tests on the same server at
 * once); the workers learn its name through the environment they inherit.
 */
export const TEMPLATE = (process.env.RR_TEST_TEMPLATE ??= `rr_test_template_${process.pid}`);

export function urlFor(database: string): string {
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${database}`;
	return url.toString();
}

/** The run's own prefix for the databases it creates (see db.ts). */
export const RUN_PREFIX = `rr_test_${TEMPLATE.slice('rr_test_template_'.length)}_`;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export default async function setup() {
	const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
	try {
		// Leftovers of an interrupted run are dropped first. Every database of a run carries
		// the run's process id; one whose process is gone is a leftover, the others belong
		// to runs still going on in other checkouts.
		const stale = await admin`select datname from pg_database where datname like 'rr_test_%'`;
		for (const { datname } of stale) {
			const pid = Number(/^rr_test_(?:template_)?(\d+)_?/.exec(datname)?.[1]);
			if (pid && isAlive(pid)) continue;
			await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
		}
		await admin.unsafe(`create database "${TEMPLATE}"`);
	} finally {
		await admin.end();
	}
	const client = postgres(urlFor(TEMPLATE), { max: 1, onnotice: () => {} });
	try {
		await migrate(drizzle(client), { migrationsFolder: 'drizzle' });
	} finally {
		await client.end();
	}
	return async () => {
		const cleanup = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await cleanup.unsafe(`drop database if exists "${TEMPLATE}" with (force)`);
		await cleanup.end();
	};
}
