/**
 * `npm run restore -- <file>`: brings back a backup made by `npm run backup` into
 * DATA_DIR/pglite. The database there now is kept aside (renamed with the time), never
 * deleted. The app must be stopped.
 *
 * Runs directly under Node 24 (type stripping): keep this file to erasable TypeScript.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file || !existsSync(file)) {
	console.error('Usage: npm run restore -- <backup file made by npm run backup>');
	process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR || 'data', 'pglite');
if (existsSync(join(dataDir, 'postmaster.pid')) && !process.argv.includes('--force')) {
	console.error(`The app seems to be running on ${dataDir}: stop it first (Ctrl+C). If it crashed, pass --force.`);
	process.exit(3);
}
let keptAside: string | null = null;
if (existsSync(dataDir)) {
	keptAside = `${dataDir}.before-restore-${new Date().toISOString().replaceAll(':', '-').replace(/\..*/, '')}`;
	renameSync(dataDir, keptAside);
}
mkdirSync(dataDir, { recursive: true });
const db = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
await db.close();
console.log(`Restored ${file} into ${dataDir} (${n} migrations applied in it).`);
if (keptAside) console.log(`The database that was there is kept in ${keptAside}.`);
