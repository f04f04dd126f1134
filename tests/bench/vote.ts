/**
 * `npm run bench:vote`: 1,000 participant sessions each cast one ballot within 10 s
 * against the running app (production build, PGlite); prints cast latency p50/p95/p99,
 * lost and double-counted ballots. Then the tally of 1,000 ballots over 50 proposals
 * with MES + Add1 + completion, in-process and through the app's close action.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Q } from '../../src/lib/voting/rational.ts';
import { approvalVote, mesCompleted, type Election } from '../../src/lib/voting/rules.ts';

const root = join(import.meta.dirname, '..', '..');
const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
const PROPOSALS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children: import('node:child_process').ChildProcess[] = [];
// Servers started here never outlive the benchmark, even when it fails.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function randomBallot(ids: string[]): string[] {
	const k = 1 + Math.floor(random() * 5);
	const picked = new Set<string>();
	// Popular proposals get more votes, as in a real forum.
	while (picked.size < k) picked.add(ids[Math.floor(random() ** 2 * ids.length)]);
	return [...picked];
}

// 1. The tally alone.
const costs = Array.from({ length: PROPOSALS }, (_, i) => BigInt(5 + ((i * 7) % 40)) * 1_000_000n);
const election: Election = {
	projects: costs.map((cost, i) => ({ id: `p${i}`, cost })),
	budget: 500_000_000n,
	votes: Array.from({ length: 1000 }, () => approvalVote(randomBallot(costs.map((_, i) => `p${i}`)))),
	utility: 'cost'
};
const tie = { order: ['cost', 'votes', 'lot'] as const, lot: election.projects.map((p) => p.id) };
const step = Q.of(election.budget / 1000n / 100n);
const times: number[] = [];
let outcome;
for (let i = 0; i < 5; i++) {
	const t0 = performance.now();
	outcome = mesCompleted(election, tie, step);
	times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
	`Tally, 1,000 ballots x 50 proposals, MES + Add1 (step 1% of B/n) + completion: median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms; ${outcome!.iterations} Add1 reruns, ${outcome!.selected.length} selected`
);

// 2. Casting against the running app.
const port = 5600 + Math.floor(Math.random() * 300);
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['src/serve.ts'], {
	cwd: root,
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
		DATA_DIR: mkdtempSync(join(tmpdir(), 'rr-vote-'))
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
children.push(server);
try {
	for (let i = 0; i < 200; i++) {
		try {
			await fetch(origin);
			break;
		} catch {
			await sleep(100);
		}
	}
	const post = async (path: string, fields: [string, string][], cookie = '', json = false) => {
		const res = await fetch(origin + path, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: {
				origin,
				cookie,
				accept: json ? 'application/json' : 'text/html',
				...(json ? { 'x-sveltekit-action': 'true' } : {})
			},
			redirect: 'manual'
		});
		return {
			res,
			location: res.headers.get('location') ?? '',
			cookie: res.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ')
		};
	};
	const signup = await post('/signup', [
		['name', 'Bench'],
		['email', `vote-${Date.now()}@bench.test`],
		['password', 'bench-password'],
		['organisationName', 'Bench']
	]);
	const cookie = signup.cookie;
	const workshop = await post(
		`${signup.location}/workshops/new`,
		[
			['title', 'Bench'],
			['kind', 'co-commissioning'],
			['function', 'pencegahan'],
			['groups', 'woman']
		],
		cookie
	);
	await post(`${workshop.location}?/status`, [['status', 'open']], cookie);
	for (let i = 0; i < PROPOSALS; i++) {
		await post(
			`${workshop.location}/proposals?/create`,
			[
				['title', `Usulan ${i}`],
				['function', 'pencegahan'],
				['cost', costs[i].toString()]
			],
			cookie
		);
	}
	const list = await (await fetch(`${origin}${workshop.location}/proposals`, { headers: { cookie } })).text();
	const ids = [...new Set([...list.matchAll(/\/proposals\/([a-z0-9]+)"/g)].map((m) => m[1]))];
	const round = await post(
		`${workshop.location}/rounds/new`,
		[
			['title', 'Bench'],
			['format', 'approval'],
			['rule', 'mes'],
			['budget', '500000000'],
			['minSelections', '1'],
			...ids.map((id) => ['proposalIds', id] as [string, string])
		],
		cookie
	);
	const roundPath = round.location;
	await post(`${roundPath}?/open`, [], cookie);
	const html = await (await fetch(`${origin}${workshop.location}`, { headers: { cookie } })).text();
	const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(html)![1];

	// 1,000 participant sessions.
	const sessions: string[] = [];
	for (let i = 0; i < VOTERS; i += 50) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(50, VOTERS - i) }, () =>
				post(`/j/${code}`, [
					['consent', 'yes'],
					['groups', 'woman']
				])
			)
		);
		sessions.push(...batch.map((b) => b.cookie));
	}
	const roundId = roundPath.split('/').pop()!;
	// Cast at an even rate so that all 1,000 are sent within 10 s.
	const latencies: number[] = [];
	let ok = 0;
	let failed = 0;
	const started = performance.now();
	const gap = 9000 / VOTERS;
	await Promise.all(
		sessions.map(async (session, i) => {
			await sleep(i * gap);
			const t0 = performance.now();
			const { res } = await post(
				`/p/v/${roundId}`,
				randomBallot(ids).map((id) => ['choice', id] as [string, string]),
				session,
				true
			);
			const body = await res.text();
			latencies.push(performance.now() - t0);
			if (res.status === 200 && body.includes('"type":"success"')) ok++;
			else failed++;
		})
	);
	const castSeconds = (performance.now() - started) / 1000;
	// Every session tries again: each must be refused (already voted).
	let doubles = 0;
	for (let i = 0; i < VOTERS; i += 100) {
		const again = await Promise.all(
			sessions
				.slice(i, i + 100)
				.map((s) => post(`/p/v/${roundId}`, [['choice', ids[0]]], s, true).then((r) => r.res.text()))
		);
		doubles += again.filter((b) => b.includes('"type":"success"')).length;
	}
	const page = await (await fetch(`${origin}${roundPath}`, { headers: { cookie } })).text();
	const counted = Number(/data-testid="voters"[^>]*>(\d+)</.exec(page)?.[1] ?? -1);
	const t0 = performance.now();
	await post(`${roundPath}?/close`, [], cookie);
	const closeMs = performance.now() - t0;
	latencies.sort((a, b) => a - b);
	console.table([
		{
			ballots: VOTERS,
			seconds: +castSeconds.toFixed(1),
			p50: +pct(latencies, 50).toFixed(0),
			p95: +pct(latencies, 95).toFixed(0),
			p99: +pct(latencies, 99).toFixed(0),
			accepted: ok,
			failed,
			counted,
			lost: VOTERS - counted,
			doubleCounted: doubles,
			closeAndCountMs: +closeMs.toFixed(0)
		}
	]);
} finally {
	server.kill('SIGKILL');
}
process.exit(0);
