/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (TEST_DB=postgres)
 * a clone of the migrated template database. Call `useTestDatabase()` at the top of a file.
 */
import { afterAll, beforeAll } from 'vitest';
import postgres from 'postgres';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { closeAll, configureRealtime } from '$lib/server/realtime';
import { boardsRealtime } from '$lib/boards/realtime-policy.server';
import { RUN_PREFIX, TEMPLATE, urlFor } from './postgres-template';

export const backend = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export function useTestDatabase(): void {
	let name = '';
	beforeAll(async () => {
		// As hooks.server.ts does at start: use cases that change board documents open rooms.
		configureRealtime(boardsRealtime);
		if (backend === 'pglite') {
			await openDatabase({});
			return;
		}
		name = `${RUN_PREFIX}${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name}" template "${TEMPLATE}"`);
		await admin.end();
		await openDatabase({ databaseUrl: urlFor(name), migrate: false });
	});
	afterAll(async () => {
		await closeAll(); // boards still loaded are written before the database goes
		await closeDatabase();
		if (name) {
			const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});
}
