/**
 * The database: Postgres when DATABASE_URL is set, embedded PGlite otherwise (data in
 * DATA_DIR, default ./data). Both run the same drizzle schema and migrations.
 *
 * `db` is a live binding: `openDatabase()` sets it once at start (hooks.server.ts `init`),
 * tests set their own per file.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** No schema generic: queries name their tables (`db.select().from(table)`), so the client knows no domain. */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Driver = 'postgres' | 'pglite';

export let db: Database;
export let driver: Driver;
let closeFn: () => Promise<void> = async () => {};

export const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

export type OpenOptions = { databaseUrl?: string; dataDir?: string; migrate?: boolean };

/** Connects (Postgres or PGlite), applies pending migrations and makes `db` usable. */
export async function openDatabase(options: OpenOptions = {}): Promise<void> {
	if (options.databaseUrl) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {} });
		const instance = drizzle(client);
		if (options.migrate !== false) await migrate(instance, { migrationsFolder: MIGRATIONS_FOLDER });
		useDatabase(instance as unknown as Database, 'postgres', () => client.end());
	} else {
		const { PGlite } = await import('@electric-sql/pglite');
		const { drizzle } = await import('drizzle-orm/pglite');
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		// No dataDir means in-memory (tests).
		let client;
		if (options.dataDir) {
			mkdirSync(options.dataDir, { recursive: true });
			client = new PGlite(join(options.dataDir, 'pglite'));
		} else {
			client = new PGlite();
		}
		const instance = drizzle(client);
		if (options.migrate !== false) await migrate(instance, { migrationsFolder: MIGRATIONS_FOLDER });
		useDatabase(instance as unknown as Database, 'pglite', () => client.close());
	}
}

export function useDatabase(instance: Database, kind: Driver, close: () => Promise<void>): void {
	db = instance;
	driver = kind;
	closeFn = close;
}

export async function closeDatabase(): Promise<void> {
	await closeFn();
}

/** For /healthz: can we reach the database, and how many migrations are applied. */
export async function checkDatabase(): Promise<{ ok: boolean; driver: Driver; migrations?: number; error?: string }> {
	try {
		const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
		return { ok: true, driver, migrations: Number(list[0]?.n ?? 0) };
	} catch (e) {
		return { ok: false, driver, error: e instanceof Error ? e.message : String(e) };
	}
}
