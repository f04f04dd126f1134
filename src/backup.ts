/**
 * `npm run backup [-- <file>]`: a consistent copy of the embedded database (PGlite in
 * DATA_DIR/pglite) as one gzipped tar, PGlite's own `dumpDataDir` after a checkpoint.
 * The app must be stopped: PGlite is one process's database, and a copy taken beside a
 * running app would not be consistent. On Postgres (DATABASE_URL set) use pg_dump, see
 * deploy/README.md.
 *
 * Runs directly under Node 24 (type stripping): keep this file to erasable TypeScript.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const args = process.argv.slice(2);
const force = args.includes('--force');
const dataDir = resolve(process.env.DATA_DIR || 'data', 'pglite');
const stamp = new Date().toISOString().replaceAll(':', '-').replace(/\..*/, '');
const file = resolve(args.find((a) => !a.startsWith('--')) ?? join('backups', `ruang-rembuk-${stamp}.tar.gz`));

if (process.env.DATABASE_URL) {
	console.error(
		'DATABASE_URL is set: back up Postgres with pg_dump (see deploy/README.md), e.g.\n  pg_dump --format=custom --file=rembuk.dump "$DATABASE_URL"'
	);
	process.exit(2);
}
if (!existsSync(join(dataDir, 'PG_VERSION'))) {
	console.error(`No embedded database at ${dataDir} (DATA_DIR).`);
	process.exit(2);
}
// PGlite keeps postmaster.pid while a process has the database open, and removes it on a clean stop.
if (existsSync(join(dataDir, 'postmaster.pid')) && !force) {
	console.error(
		`The app seems to be running on ${dataDir}: stop it first (Ctrl+C), then run the backup again.\nIf it crashed and is not running, pass --force.`
	);
	process.exit(3);
}

const db = new PGlite(dataDir);
await db.exec('CHECKPOINT');
const dump = await db.dumpDataDir('gzip');
await db.close();
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
console.log(
	`Backup written: ${file} (${(dump.size / 1024 / 1024).toFixed(1)} MB). Restore with: npm run restore -- ${file}`
);
