/**
 * `npm run backup` and `npm run restore` round trip on the embedded database: every
 * table's rows come back identical; a running app's database is refused; the database
 * a restore replaces is kept aside.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { createBoard } from '$lib/boards/boards.server';
import { addParticipant } from '$lib/workshops/workshops.server';
import { anOrganisationWithOwner, aWorkshop } from './factories';

const root = mkdtempSync(join(tmpdir(), 'rr-backup-'));
const run = (script: string, dataDir: string, ...args: string[]) =>
	spawnSync(process.execPath, [script, ...args], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8'
	});

/** Every public table: its row count and a hash of its rows in a fixed order. */
async function fingerprint(dataDir: string): Promise<Record<string, string>> {
	const db = new PGlite(join(dataDir, 'pglite'));
	const tables = (
		await db.query<{ t: string }>(
			"select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1"
		)
	).rows;
	const out: Record<string, string> = {};
	for (const { t } of tables) {
		const [row] = (
			await db.query<{ n: number; h: string | null }>(
				`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${t} x`
			)
		).rows;
		out[t] = `${row.n}:${row.h}`;
	}
	await db.close();
	return out;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(process.env.TEST_DB !== 'postgres')('backup and restore of the embedded database', () => {
	it('round-trips every table, refuses while the app runs, and keeps the replaced database', async () => {
		const source = join(root, 'source');
		await openDatabase({ dataDir: source });
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		await createBoard(w.id, 'Menggali masalah');
		const joined = await addParticipant(w, { displayName: 'Sari', groups: ['woman'] });
		expect(joined.ok).toBe(true);

		// The app still has the database open: refused.
		const refused = run('src/backup.ts', source, join(root, 'early.tar.gz'));
		expect(refused.status).toBe(3);
		expect(existsSync(join(root, 'early.tar.gz'))).toBe(false);
		await closeDatabase();

		const file = join(root, 'b.tar.gz');
		const backup = run('src/backup.ts', source, file);
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);

		const target = join(root, 'target');
		await openDatabase({ dataDir: target }); // an unrelated database already there
		await closeDatabase();
		const restore = run('src/restore.ts', target, file);
		expect(restore.status, restore.stderr).toBe(0);
		expect(readdirSync(target).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);

		const before = await fingerprint(source);
		expect(Object.keys(before).length).toBeGreaterThan(10);
		expect(before['public.workshop']).toMatch(/^1:/);
		expect(await fingerprint(target)).toEqual(before);
	}, 120_000); // three processes and two database copies: 20-25 s here, more under a loaded CI
});
