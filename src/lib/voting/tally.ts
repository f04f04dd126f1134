/**
 * Recount any Pabulib file:
 *   npm run -s tally -- <file.pb> --rule greedy|mes|mes-add1|phragmen [--step <amount>]
 * Prints one JSON object: the selected project ids in selection order and their cost.
 * Utilities are the cost for approval ballots and the points for cumulative ones.
 * Ties: the file's META `tie_break` (e.g. "cost,votes,lot") and `tie_break_lot` (the lot
 * drawn before counting) when present; otherwise lowest cost, most votes, then id order.
 * `mes-add1` is MES with Add1 (step: --step, else META add1_step, else 1% of B/n), then
 * utilitarian completion.
 */
import { readFileSync } from 'node:fs';
import { formatMoney, parseMoney, parsePabulib, toElection } from './pabulib.ts';
import { Q } from './rational.ts';
import { DEFAULT_TIE_ORDER, naturalCompare, type TieBreak, type TieKey } from './rules.ts';
import { cliRules } from './registry.ts';

const CLI_RULES = cliRules();
const CLI_RULE_NAMES = Object.keys(CLI_RULES).sort();

function fail(message: string): never {
	process.stderr.write(`${message}\nUsage: tally <file.pb> --rule ${CLI_RULE_NAMES.join('|')} [--step <amount>]\n`);
	process.exit(2);
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !['--rule', '--step'].includes(args[i - 1] ?? ''));
const option = (name: string) => {
	const i = args.indexOf(name);
	return i === -1 ? undefined : args[i + 1];
};
const rule = option('--rule');
if (!file) fail('Which file?');
if (!rule || !Object.hasOwn(CLI_RULES, rule)) fail('Which rule?');

let parsed;
try {
	parsed = parsePabulib(readFileSync(file, 'utf8'));
} catch (e) {
	fail(`Cannot read ${file}: ${(e as Error).message}`);
}
const election = toElection(parsed);
const order = (parsed.meta.tie_break?.split(',').map((s) => s.trim()) as TieKey[] | undefined) ?? [
	...DEFAULT_TIE_ORDER
];
const lot =
	parsed.meta.tie_break_lot?.split(',').map((s) => s.trim()) ?? parsed.projects.map((p) => p.id).sort(naturalCompare);
const tie: TieBreak = { order, lot };

let step: Q;
try {
	// The app records its Add1 step in META (add1_step) so a recount uses the same one.
	const raw = option('--step') ?? parsed.meta.add1_step;
	step = raw
		? Q.of(parseMoney(raw, parsed.scale))
		: Q.of(election.budget, BigInt(Math.max(1, election.votes.length)) * 100n);
} catch (e) {
	fail((e as Error).message);
}

// The rules and their names are the registry's (registry.ts), the very functions a round is counted with.
const outcome = CLI_RULES[rule]({ election, tie, topK: null, step });

process.stdout.write(
	JSON.stringify({
		rule,
		selected: outcome.selected,
		cost: Number(formatMoney(outcome.cost, parsed.scale)),
		budget: Number(formatMoney(election.budget, parsed.scale))
	}) + '\n'
);
