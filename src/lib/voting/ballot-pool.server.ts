/**
 * How secret ballots reach the database so that nobody reading it can tell whose is whose.
 *
 * Threat model (who learns what):
 * - An observer in the room (and the projector): how many have voted while voting is
 *   open; after the reveal the count, and results by group only where breakdown.ts allows
 *   it. Never a ballot.
 * - A facilitator: in addition, who has voted and how (phone, assisted), the attendance
 *   with everyone's self-declared groups, and the ballots they key in themselves (paper,
 *   assisted: a person who needs help shares their choice with the helper; that is the
 *   assisted channel, as at a polling station). Not the ballot of anyone who voted by phone.
 * - A database reader (SQL access, at any moment) or a backup reader (pg_dump, a copy of
 *   DATA_DIR): the guards (who voted, how, and whether the ballot is written yet), the
 *   participants and their groups, and the ballots without any person. Ballot rows hold
 *   only a random id, the round, the choices and a receipt hash (SHA-256 of a random
 *   secret only the voter's phone holds). They are not written when the guard is: they
 *   wait in this process's memory and go to the table in batches of at least
 *   BALLOT_BATCH, and every write rewrites all the round's ballots in one statement, in
 *   an order drawn at random for that write. So at any moment all ballot rows of a round
 *   share one xmin, their ctid order is random, and ids are random: no column,
 *   transaction id, physical order, id order or time pairs a ballot with a guard. (The
 *   last batch's guards share that xmin too, which tells who voted recently, not what.)
 *   No group tally is stored either: a
 *   tally of a small group is that group's ballots, and a tally updated per vote gives
 *   each vote away by difference. The groups each ballot was cast with stay in memory and
 *   only the breakdown that passes breakdown.ts is frozen with the result.
 * - Someone who reads the database repeatedly while voting is open (or several backups
 *   taken during voting, or the server log with log_statement=all) sees which batch of
 *   guards arrived with which batch of ballots: each ballot hides among the at least
 *   BALLOT_BATCH of its batch, not among all; and which written ballot a change replaced
 *   (not whose: a change touches no guard). Closing rewrites everything once more. The
 *   app itself never logs a ballot (a failed batch logs only the error code).
 * - Below SQL (a copy of DATA_DIR, a physical backup, pageinspect, WAL archives): dead
 *   row versions and WAL records keep the history of writes, which is the batch history
 *   above and nothing finer, since a ballot is only ever written in a batch. Ballots from
 *   before this design were written with their guard; `compactBallotTables()` at start
 *   rewrites both tables into new files (VACUUM FULL), so no old version stays in them
 *   (PGlite runs no autovacuum). Do not keep WAL archives of voting days longer than needed.
 * - The running app (and whoever controls its host) is trusted: it sees each ballot and
 *   who casts it, as any ballot box sees the hand that drops the paper. Nothing links
 *   them once it has let go.
 *
 * What it costs: ballots still waiting (at most BALLOT_BATCH, or a tenth of a large
 * round) die with a crashed process; a graceful stop writes them first. Their guards are `pending`; `recoverLostBallots()` at start frees them, so
 * those voters can vote again and nobody votes twice (a guard turns `cast` in the same
 * transaction as its ballot is written). A change waiting in memory is lost the same way
 * and the earlier ballot stands. After a restart during voting the groups of earlier
 * ballots are unknown, so that round's breakdown is withheld. With several app nodes
 * (cluster mode) each node holds its own pool: closing a round first asks the other nodes
 * to write theirs (`beforeClosingRound`); the group breakdown is then withheld, since each
 * node knows only its own ballots' groups. A crashed node's waiting ballots are lost and
 * their guards stay pending (start-up recovery runs only with one process: a pending
 * guard may be another live node's).
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, ballotGuard, votingRound } from './voting.schema';
import { generateId, generateToken } from '$lib/server/auth/tokens';
import type { Choices } from './ballots';

/** Ballots (casts, changes and paper) that are written together, at least. */
export const BALLOT_BATCH = 10;

type Waiting = { choices: Choices; receiptHash: string; replaces: string | null };

type RoundPool = {
	waiting: Waiting[];
	/** Participants whose guard is pending: their ballot is somewhere in `waiting`. */
	voters: Set<string>;
	/** Groups of whoever cast each ballot, by receipt hash ([] for paper): memory only. */
	groupsByReceipt: Map<string, string[]>;
	/** Ballots in the table after the last rewrite by this process. */
	written: number;
	/** Operations on one round run one after another. */
	queue: Promise<unknown>;
};

const pools = new Map<string, RoundPool>();

export function poolOf(roundId: string): RoundPool {
	let pool = pools.get(roundId);
	if (!pool)
		pools.set(
			roundId,
			(pool = { waiting: [], voters: new Set(), groupsByReceipt: new Map(), written: 0, queue: Promise.resolve() })
		);
	return pool;
}

/** Runs `task` after every earlier task of this round (casting, writing, closing). */
export function inRoundOrder<T>(roundId: string, task: (pool: RoundPool) => Promise<T>): Promise<T> {
	const pool = poolOf(roundId);
	const run = pool.queue.then(() => task(pool));
	pool.queue = run.catch(() => undefined);
	return run;
}

/** The round's pool if this process has one (never creates one). */
export function peekPool(roundId: string): RoundPool | undefined {
	return pools.get(roundId);
}

/** A database error's SQLSTATE, without its text or parameters. */
export function errorCode(e: unknown): string {
	const cause = (e as { cause?: { code?: string } })?.cause;
	return cause?.code ?? (e as { code?: string })?.code ?? 'unknown';
}

/** Rounds this process has closed: a cast that waited behind the closing is refused. */
const closedRounds = new Set<string>();

/** Forgets a closed round's pool (its ballots are written). */
export function dropPool(roundId: string): void {
	closedRounds.add(roundId);
	pools.delete(roundId);
}

export function isClosedHere(roundId: string): boolean {
	return closedRounds.has(roundId);
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Writes the waiting ballots: inside `tx`, all the round's ballots are deleted and written
 * again, with the waiting ones, in one statement and in a random order (sorted by a keyed
 * hash whose key is drawn here and forgotten); a change replaces the ballot of its old
 * receipt. The waiting voters' guards turn `cast`. With `everyGuard` (closing), every
 * guard of the round is rewritten too, so no guard keeps the transaction id of its batch.
 * Returns the round's ballots as written when `read` is set. The pool is emptied by
 * `forgetWritten` after commit.
 */
export async function rewriteBallots(
	tx: Tx,
	roundId: string,
	pool: RoundPool,
	options: { everyGuard?: boolean; read?: boolean } = {}
) {
	const fresh = pool.waiting.map((w) => ({
		id: generateId(),
		round_id: roundId,
		choices: w.choices,
		receipt_hash: w.receiptHash
	}));
	const replaced = pool.waiting.flatMap((w) => (w.replaces ? [w.replaces] : []));
	const key = generateToken();
	// Server-side, so the round's ballots never travel to the app and back on each batch.
	const result =
		await tx.execute(sql`with gone as (delete from ${ballot} where ${ballot.roundId} = ${roundId} returning id, round_id, choices, receipt_hash),
		kept as (select * from gone where receipt_hash is null or receipt_hash not in (select jsonb_array_elements_text(${JSON.stringify(replaced)}::jsonb))),
		fresh as (select * from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as x(id text, round_id text, choices jsonb, receipt_hash text)),
		written as (insert into ${ballot} (id, round_id, choices, receipt_hash)
			select id, round_id, choices, receipt_hash from (select * from kept union all select * from fresh) as b order by md5(b.id || ${key})
			returning id, choices, receipt_hash)
		${options.read ? sql`select id, choices, receipt_hash from written` : sql`select count(*)::int as n from written`}`);
	const voters = [...pool.voters];
	if (options.everyGuard) await tx.update(ballotGuard).set({ state: 'cast' }).where(eq(ballotGuard.roundId, roundId));
	else if (voters.length)
		await tx
			.update(ballotGuard)
			.set({ state: 'cast' })
			.where(and(eq(ballotGuard.roundId, roundId), inArray(ballotGuard.participantId, voters)));
	const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
		id: string;
		choices: Choices;
		receipt_hash: string | null;
		n?: number;
	}[];
	if (!options.read) {
		pool.written = Number(rows[0]?.n ?? 0);
		return [];
	}
	pool.written = rows.length;
	return rows.map((r) => ({ id: r.id, choices: r.choices, receiptHash: r.receipt_hash }));
}

/** After the rewrite committed: those ballots and guards are no longer waiting. */
export function forgetWritten(pool: RoundPool, written: { waiting: number; voters: string[] }): void {
	pool.waiting.splice(0, written.waiting);
	for (const v of written.voters) pool.voters.delete(v);
}

/**
 * Writes the round's waiting ballots once there are enough of them to hide among: at
 * least BALLOT_BATCH, and a tenth of those already written, so that rewriting the round
 * stays linear in its ballots (about 11 row writes per ballot) rather than quadratic.
 */
export async function writeWhenFull(roundId: string, pool: RoundPool): Promise<void> {
	if (pool.waiting.length < Math.max(BALLOT_BATCH, Math.floor(pool.written / 10))) return;
	const written = { waiting: pool.waiting.length, voters: [...pool.voters] };
	try {
		await db.transaction((tx) => rewriteBallots(tx, roundId, pool));
		forgetWritten(pool, written);
	} catch (e) {
		// The ballots stay waiting and go with the next batch or at closing. The error's
		// text would carry the ballots (query parameters): log only its code.
		console.error('ballot batch not written:', errorCode(e));
	}
}

/**
 * On a graceful stop: writes every round's waiting ballots, even a batch smaller than
 * BALLOT_BATCH (until the next rewrite, a reader could see that small batch as one
 * transaction; losing the ballots would be worse). A crash still loses them.
 */
export async function writeAllWaiting(): Promise<void> {
	await Promise.all(
		[...pools.keys()].map((roundId) =>
			inRoundOrder(roundId, async (pool) => {
				if (pool.waiting.length === 0 || isClosedHere(roundId)) return;
				const written = { waiting: pool.waiting.length, voters: [...pool.voters] };
				await db.transaction((tx) => rewriteBallots(tx, roundId, pool));
				forgetWritten(pool, written);
			}).catch((e) => console.error('waiting ballots not written:', errorCode(e)))
		)
	);
}

/**
 * Several app nodes (cluster mode): before a round closes on one node, every other node
 * writes the round's ballots waiting in its memory (as on a graceful stop), so closing
 * counts them. A no-op when this node holds none.
 */
export async function writeRoundWaiting(roundId: string): Promise<void> {
	if (!pools.has(roundId)) return;
	await inRoundOrder(roundId, async (pool) => {
		if (pool.waiting.length === 0 || isClosedHere(roundId)) return;
		const written = { waiting: pool.waiting.length, voters: [...pool.voters] };
		await db.transaction((tx) => rewriteBallots(tx, roundId, pool));
		forgetWritten(pool, written);
	}).catch((e) => console.error('waiting ballots not written:', errorCode(e)));
}

/** Set in cluster mode: asks the other nodes to write a round's waiting ballots, and waits. */
let othersWriteRound: ((roundId: string) => Promise<void>) | null = null;
export function setOthersWriteRound(next: ((roundId: string) => Promise<void>) | null): void {
	othersWriteRound = next;
}
export function beforeClosingRound(roundId: string): Promise<void> {
	return othersWriteRound ? othersWriteRound(roundId) : Promise.resolve();
}

/**
 * At start: guards still `pending` in an open round lost their ballot with the previous
 * process (only guards waiting in this process's own pool are spared). Frees them so those
 * people can vote again. Returns how many were freed.
 */
export async function recoverLostBallots(): Promise<number> {
	const open = db.select({ id: votingRound.id }).from(votingRound).where(eq(votingRound.status, 'open'));
	const alive = [...pools.values()].flatMap((p) => [...p.voters]);
	const conditions = [eq(ballotGuard.state, 'pending'), inArray(ballotGuard.roundId, open)];
	if (alive.length) conditions.push(notInArray(ballotGuard.participantId, alive));
	const freed = await db
		.delete(ballotGuard)
		.where(and(...conditions))
		.returning({ id: ballotGuard.participantId });
	return freed.length;
}

/** What a crash does to the ballots still in memory (tests only). */
export function discardPendingBallots(): void {
	pools.clear();
}

/**
 * At start: rewrites the ballot tables into new files so that no dead row version (an
 * older write, with its transaction id) survives in them. Best effort: a database user
 * without the right to VACUUM only gets a warning.
 */
export async function compactBallotTables(): Promise<void> {
	try {
		await db.execute(sql`vacuum full ${ballot}, ${ballotGuard}`);
	} catch (e) {
		console.warn('ballot tables not compacted:', errorCode(e));
	}
}
