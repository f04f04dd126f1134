/**
 * `npm run bench:tally`: times every counting rule on deterministic synthetic approval
 * elections (1,000 / 5,000 / 20,000 voters x 50 projects, 100,000 x 200) and prints the
 * figures with a fingerprint of the winners, so two runs (before and after a change)
 * can be compared for speed and for the same outcome. Asserts nothing.
 *
 * Each (instance, rule) runs in its own process with a time limit (BENCH_TIMEOUT
 * seconds, default 120), so one slow case cannot hold the machine.
 *   BENCH_SIZES=1000x50,20000x50   pick instances
 *   BENCH_RULES=greedy,phragmen    pick rules
 *   BENCH_CODE=<dir>               count with the rules.ts in <dir> (e.g. an old copy)
 *   BENCH_PROFILE=<dir>            write a CPU profile of each case (node --cpu-prof)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const SIZES = (process.env.BENCH_SIZES ?? '1000x50,5000x50,20000x50,100000x200').split(',');
const RULES = (process.env.BENCH_RULES ?? 'greedy,mes,mes-add1,phragmen').split(',');
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 120);
const CODE = resolve(process.env.BENCH_CODE ?? join(root, 'src', 'lib', 'voting'));

/** A synthetic approval election; the same numbers on every machine (mulberry32, 32-bit integer steps). */
export function syntheticElection(voters: number, projects: number) {
	let seed = voters * 7919 + projects;
	const random = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const costs = Array.from({ length: projects }, (_, i) => BigInt(5 + ((i * 37) % 95)) * 1_000_000n);
	const ids = costs.map((_, i) => `p${i + 1}`);
	const budget = costs.reduce((a, b) => a + b, 0n) / 4n;
	const ballots = Array.from({ length: voters }, () => {
		const k = 1 + Math.floor(random() * 8);
		const picked = new Set<string>();
		// Popular projects get more votes, as in a real city.
		while (picked.size < k) picked.add(ids[Math.floor(random() ** 2 * projects)]);
		return [...picked];
	});
	return { ids, costs, budget, ballots };
}

async function runCase(size: string, rule: string) {
	const [voters, projects] = size.split('x').map(Number);
	const { Q } = await import(pathToFileURL(join(CODE, 'rational.ts')).href);
	const rules = await import(pathToFileURL(join(CODE, 'rules.ts')).href);
	const data = syntheticElection(voters, projects);
	const election = {
		projects: data.ids.map((id, i) => ({ id, cost: data.costs[i] })),
		budget: data.budget,
		votes: data.ballots.map((b) => rules.approvalVote(b)),
		utility: 'cost'
	};
	const tie = { order: ['cost', 'votes', 'lot'], lot: [...data.ids] };
	// The app's default Add1 step: 1% of B/n, whole Rupiah.
	const step = Q.of(data.budget / BigInt(voters) / 100n);
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	const outcome =
		rule === 'greedy'
			? rules.greedy(election, tie)
			: rule === 'mes'
				? rules.mes(election, tie)
				: rule === 'phragmen'
					? rules.phragmen(election, tie)
					: rules.mesCompleted(election, tie, step);
	const ms = performance.now() - t0;
	const used = process.cpuUsage(cpu0);
	const cpuMs = (used.user + used.system) / 1000;
	const winners = createHash('sha256').update(outcome.selected.join(',')).digest('hex').slice(0, 10);
	process.stdout.write(
		JSON.stringify({ ms, cpuMs, selected: outcome.selected.length, iterations: outcome.iterations ?? null, winners }) +
			'\n'
	);
}

if (process.argv[1] !== import.meta.filename) {
	// Imported for its generator: run nothing.
} else if (process.argv[2] === '--case') {
	await runCase(process.argv[3], process.argv[4]);
} else {
	console.log(`bench:tally  code: ${CODE}  node ${process.version}  limit ${TIMEOUT} s per case`);
	// CPU time is what to compare on a shared machine; wall time is what a user waits.
	console.log('instance       rule        wall        cpu         selected  Add1 reruns  winners');
	const times: Record<string, Record<string, number>> = {};
	for (const size of SIZES) {
		for (const rule of RULES) {
			const profile = process.env.BENCH_PROFILE
				? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE, '--cpu-prof-name', `${size}-${rule}.cpuprofile`]
				: [];
			const child = spawnSync(process.execPath, [...profile, import.meta.filename, '--case', size, rule], {
				cwd: root,
				env: process.env,
				encoding: 'utf8',
				timeout: TIMEOUT * 1000,
				maxBuffer: 1 << 20
			});
			let line: string;
			if (child.error || child.status !== 0) {
				line =
					child.signal === 'SIGTERM'
						? `> ${TIMEOUT} s (stopped)`
						: `failed: ${(child.stderr || String(child.error)).split('\n')[0]}`;
			} else {
				const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
				(times[size] ??= {})[rule] = r.cpuMs;
				const time = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`);
				line = `${time(r.ms).padEnd(11)} ${time(r.cpuMs).padEnd(11)} ${String(r.selected).padEnd(9)} ${String(r.iterations ?? '-').padEnd(12)} ${r.winners}`;
			}
			console.log(`${size.padEnd(14)} ${rule.padEnd(11)} ${line}`);
		}
	}
	for (const [size, t] of Object.entries(times)) {
		if (t.greedy && t.phragmen)
			console.log(`${size}: Phragmén / greedy = ${(t.phragmen / t.greedy).toFixed(1)}x (CPU time)`);
	}
}
