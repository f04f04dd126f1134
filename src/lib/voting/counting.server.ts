/**
 * Counting a closed round without holding the request: the count runs in a worker thread
 * (count-worker.ts), its progress (rule, Add1 step) is written to the round for the
 * facilitator's page, and the result is stored with the SHA-256 of its inputs, so the same
 * inputs are never counted twice. Closing a round starts it; opening the page of a closed
 * round whose count was lost (a restart) starts it again.
 *
 * What the result leads to is not voting's business: each caller passes an `AfterCount`
 * step that runs in the transaction that freezes the result (the app's puts the winners
 * into the plan: plans/round-winners.server.ts). Voting sits below plans and never imports it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { ballot, ballotGuard, paperTotal, proposal, votingRound } from './voting.schema';
import { announceCount } from '$lib/live/announce.server';
import type { CountInput, CountProgress, CountState, RoundResult } from './count';

/** JSON with money (BigInt) as strings. */
const bigintAsString = (_: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** Counts under way in this process, by round: a second request joins the first. */
const running = new Map<string, Promise<RoundResult>>();
const PROGRESS_EVERY_MS = 500;

/**
 * The worker's file: beside this module when running from source (tests, dev); in the built
 * app (bundled into build/server) the source tree, from the project root `npm start` runs in.
 * The worker runs the TypeScript sources directly (Node strips the types), like the tally CLI.
 */
function workerFile(): string {
	const here = dirname(fileURLToPath(import.meta.url));
	const beside = join(here, 'count-worker.ts');
	return existsSync(beside) && existsSync(join(here, 'count.ts')) ? beside : resolve('src/lib/voting/count-worker.ts');
}

/** The groups each ballot was cast with, by ballot id: only in memory, from closing (never stored). */
export type BallotGroups = Map<string, string[]>;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
export type StoredRound = typeof votingRound.$inferSelect;

/**
 * What follows from a result, run in the same transaction that stores it (all or nothing):
 * only by the count that stored it, never when another process stored it first.
 */
export type AfterCount = (tx: Tx, round: StoredRound, result: RoundResult) => Promise<void>;

async function loadInput(roundId: string, groups: BallotGroups | null): Promise<CountInput | null> {
	const [round] = await db.select().from(votingRound).where(eq(votingRound.id, roundId));
	if (!round || round.status !== 'closed') return null;
	const proposals = await db
		.select({ id: proposal.id, title: proposal.title, cost: proposal.cost })
		.from(proposal)
		.where(inArray(proposal.id, round.proposalIds));
	const rows = await db
		.select({ id: ballot.id, choices: ballot.choices })
		.from(ballot)
		.where(eq(ballot.roundId, roundId))
		.orderBy(asc(ballot.id));
	// Ballots do not say how they came in: the guards do (paper ballots have none).
	const guards = await db
		.select({ channel: ballotGuard.channel, n: count() })
		.from(ballotGuard)
		.where(eq(ballotGuard.roundId, roundId))
		.groupBy(ballotGuard.channel);
	const phone = Number(guards.find((g) => g.channel === 'phone')?.n ?? 0);
	const assisted = Number(guards.find((g) => g.channel === 'assisted')?.n ?? 0);
	const totals = await db.select().from(paperTotal).where(eq(paperTotal.roundId, roundId));
	const groupsKnown = groups !== null && rows.every((b) => groups.has(b.id));
	return {
		format: round.format,
		rule: round.rule,
		budget: round.budget,
		topK: round.topK,
		add1Step: round.add1Step,
		lot: round.lot ?? round.proposalIds,
		proposals: proposals.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		ballots: rows.map((b) => ({ choices: b.choices, groups: (groupsKnown && groups.get(b.id)) || [] })),
		channels: { phone, assisted, paper: rows.length - phone - assisted },
		groupsKnown,
		paperTotals: totals
			.map((t) => ({ proposalId: t.proposalId, votes: t.votes, ballots: t.ballots }))
			.sort((a, b) => (a.proposalId < b.proposalId ? -1 : 1))
	};
}

/**
 * The inputs' fingerprint: canonical JSON (money as strings) under SHA-256. The ballots'
 * groups are left out: with few voters, guessing which groups go with which ballot until
 * the hash matches would tie ballots to people.
 */
export function hashInput(input: CountInput): string {
	const canonical = { ...input, ballots: input.ballots.map((b) => b.choices), groupsKnown: undefined };
	return createHash('sha256').update(JSON.stringify(canonical, bigintAsString)).digest('hex');
}

/** Runs `countRound` in a worker thread; `onProgress` hears each Add1 rerun. */
export function countInWorker(input: CountInput, onProgress: (p: CountProgress) => void): Promise<RoundResult> {
	return new Promise((done, failed) => {
		const worker = new Worker(workerFile(), { workerData: input });
		worker.on(
			'message',
			(message: { kind: 'progress'; progress: CountProgress } | { kind: 'done'; result: RoundResult }) => {
				if (message.kind === 'progress') onProgress(message.progress);
				else done(message.result);
			}
		);
		worker.on('error', failed);
		worker.on('exit', (code) => code !== 0 && failed(new Error(`The count stopped (exit ${code})`)));
	});
}

/**
 * Counts a closed round once: returns the stored result when the inputs' hash matches,
 * joins a count already running, or counts in a worker, then freezes the result and runs
 * `after` in the same transaction. Outcome: the result, or a rejection (recorded in the
 * round as failed). A call that joins a running count joins its `after` too: every caller
 * in the app passes the same one (plans/round-winners.server.ts).
 */
export function countClosedRound(
	roundId: string,
	groups: BallotGroups | null,
	after: AfterCount
): Promise<RoundResult> {
	const current = running.get(roundId);
	if (current) return current;
	const job = runCount(roundId, groups, after).finally(() => running.delete(roundId));
	running.set(roundId, job);
	return job;
}

async function runCount(roundId: string, groups: BallotGroups | null, after: AfterCount): Promise<RoundResult> {
	const input = await loadInput(roundId, groups);
	if (!input) throw new Error('error_round_state');
	const hash = hashInput(input);
	const [round] = await db
		.select({ result: votingRound.result, resultHash: votingRound.resultHash })
		.from(votingRound)
		.where(eq(votingRound.id, roundId));
	if (round?.result && round.resultHash === hash) return round.result as unknown as RoundResult;

	// Progress writes go one after another, and the last one before the result.
	let writes = Promise.resolve();
	const setState = (state: CountState) => {
		writes = writes.then(async () => {
			await db.update(votingRound).set({ countState: state }).where(eq(votingRound.id, roundId));
			announceCount(roundId); // pages following the round show the progress
		});
		return writes;
	};
	const startedAt = new Date().toISOString();
	await setState({ state: 'counting', rule: input.rule, step: null, startedAt });
	let last = 0;
	let result: RoundResult;
	try {
		result = await countInWorker(input, (p) => {
			if (Date.now() - last < PROGRESS_EVERY_MS) return;
			last = Date.now();
			void setState({ state: 'counting', rule: p.rule, step: p.step, startedAt });
		});
	} catch (e) {
		await setState({ state: 'failed', rule: input.rule, error: (e as Error).message });
		throw e;
	}
	await writes;
	await storeResult(roundId, input, hash, result, after);
	announceCount(roundId);
	return result;
}

async function storeResult(roundId: string, input: CountInput, hash: string, result: RoundResult, after: AfterCount) {
	await db.transaction(async (tx) => {
		const [round] = await tx
			.update(votingRound)
			.set({
				result: JSON.parse(JSON.stringify(result, bigintAsString)),
				resultHash: hash,
				countState: { state: 'done', rule: input.rule, steps: result.mes?.iterations ?? null }
			})
			.where(and(eq(votingRound.id, roundId), eq(votingRound.status, 'closed'), isNull(votingRound.result)))
			.returning();
		// Someone stored it first (another process): they ran what follows from it.
		if (!round) return;
		await after(tx, round, result);
	});
}

/** For a page load: a closed round without a result and no count running here gets counted (again). */
export function ensureCounted(
	round: { id: string; status: string; result: unknown },
	after: AfterCount
): Promise<RoundResult> | null {
	if (round.status !== 'closed' || round.result || running.has(round.id)) return null;
	const job = countClosedRound(round.id, null, after);
	job.catch(() => {}); // the failure is recorded in the round
	return job;
}
