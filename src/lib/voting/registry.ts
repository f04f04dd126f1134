/**
 * The voting rules, one entry each: the parameters a rule takes and their check, the ballot
 * formats it accepts, whether paper totals may be entered, its names in Pabulib files and in
 * the `tally` CLI, and the message keys of its name and explanation (the words are in
 * components/voting-labels.ts, typed by this registry); beside the entries, in this file,
 * `RULE_COUNT` says how each rule counts. Counting (count.ts), the CLI (tally.ts), the round
 * form (forms.ts), the Pabulib export, documents and pages all read it; an unknown rule is an
 * error, never some default. How to add a rule: docs/architecture.md, "Adding to a vocabulary".
 *
 * Pure, erasable TypeScript with explicit `.ts` imports: the tally CLI and the count worker
 * run it with Node's type stripping.
 */
import { Q } from './rational.ts';
import {
	greedy,
	mes,
	mesCompleted,
	phragmen,
	topK,
	type Election,
	type MesProgress,
	type Outcome,
	type TieBreak
} from './rules.ts';
import { BALLOT_FORMATS, type BallotFormat } from './formats.ts';
import { entryOf, idsOf } from '../vocabulary.ts';

/** A round's rule parameters as stored (null: not given). */
export type RuleParams = { topK: number | null; add1Step: bigint | null };
export type RuleParam = keyof RuleParams;

/** What a count is given: the election, the tie-break, the round's parameters and the Add1 step fixed for it. */
export type CountArgs = {
	election: Election;
	tie: TieBreak;
	topK: number | null;
	step: Q;
	onProgress?: (p: MesProgress) => void;
};
/** MES with Add1 and completion: its shares, reruns and what completion added, for the explanation. */
export type EqualSharesOutcome = ReturnType<typeof mesCompleted>;
export type CountFunction = (args: CountArgs) => Outcome | EqualSharesOutcome;

export type VotingRuleEntry = {
	/** The parameters the rule uses (the round form shows their fields only for this rule). */
	params: readonly RuleParam[];
	/** The round form's check of those parameters: the field and message key of what is wrong, or null. */
	check: (params: RuleParams) => { path: RuleParam; error: string } | null;
	formats: readonly BallotFormat[];
	/** Paper ballots may be entered as totals per proposal (score rules); false when the rule needs each ballot. */
	paperTotals: boolean;
	/** The winners must fit the pagu (false: top-k ignores it, so no proposal loses for being over budget). */
	budgeted: boolean;
	/** Voters hold equal shares of the budget: a supported loser that fitted lost because the shares ran out. */
	equalShares: boolean;
	/** META `rule` written to a Pabulib export of the round. */
	pabulib: string;
	/** The `tally --rule` name that recounts such an export the same way, or null when the CLI has none. */
	cli: string | null;
	/** Message keys: the rule's name and its one-line explanation. */
	label: string;
	help: string;
};

const noCheck = () => null;

export const RULE_REGISTRY = {
	greedy: {
		params: [],
		check: noCheck,
		formats: BALLOT_FORMATS,
		paperTotals: true,
		budgeted: true,
		equalShares: false,
		pabulib: 'greedy',
		cli: 'greedy',
		label: 'rule_greedy',
		help: 'rule_greedy_help'
	},
	/** The Method of Equal Shares with Add1 and utilitarian completion: the CLI's `mes-add1`. */
	mes: {
		params: ['add1Step'],
		check: noCheck,
		formats: BALLOT_FORMATS,
		paperTotals: false,
		budgeted: true,
		equalShares: true,
		pabulib: 'equalshares/add1',
		cli: 'mes-add1',
		label: 'rule_mes',
		help: 'rule_mes_help'
	},
	topk: {
		params: ['topK'],
		check: (p) => ((p.topK ?? 0) > 0 ? null : { path: 'topK', error: 'error_topk_needed' }),
		formats: BALLOT_FORMATS,
		paperTotals: true,
		budgeted: false,
		equalShares: false,
		pabulib: 'topk',
		cli: null,
		label: 'rule_topk',
		help: 'rule_topk_help'
	}
} as const satisfies Record<string, VotingRuleEntry>;

/** The rules a round may use (the `voting_round.rule` enum). */
export const ROUND_RULES = /* @__PURE__ */ idsOf(RULE_REGISTRY);
export type RoundRule = (typeof ROUND_RULES)[number];

/**
 * How each rule counts, kept beside the entries rather than in them so that pages, which read
 * only the entries, do not ship the counting code (the bundler drops this table there). Typed
 * by the registry: a rule without its count does not compile.
 */
export const RULE_COUNT = {
	greedy: ({ election, tie }) => greedy(election, tie),
	mes: ({ election, tie, step, onProgress }) => mesCompleted(election, tie, step, onProgress),
	topk: ({ election, tie, topK: k }) => topK(election, tie, k ?? 1)
} satisfies Record<RoundRule, CountFunction>;

/** The entry of a rule; throws on a rule that is not in the registry (never counts it as another). */
export function ruleOf(rule: string): VotingRuleEntry {
	const entry = entryOf(RULE_REGISTRY, rule);
	if (!entry) throw new RangeError(`Unknown voting rule "${rule}" (known: ${ROUND_RULES.join(', ')})`);
	return entry;
}

/** How a rule counts; throws on a rule that is not in the registry. */
export function countOf(rule: string): CountFunction {
	ruleOf(rule);
	return RULE_COUNT[rule as RoundRule];
}

/**
 * Rules only the tally CLI runs, to recount Pabulib files from elsewhere; no round uses them.
 * `mes` here is plain MES without completion (the app's `mes` is the CLI's `mes-add1`).
 */
export const RECOUNT_RULES = {
	mes: { count: ({ election, tie }) => mes(election, tie), pabulib: 'equalshares' },
	phragmen: { count: ({ election, tie }) => phragmen(election, tie), pabulib: 'phragmen' }
} as const satisfies Record<string, { count: CountFunction; pabulib: string }>;

/** Every `tally --rule` name and what it counts: the round rules' CLI names and the recount-only rules. */
export function cliRules(): Readonly<Record<string, CountFunction>> {
	return Object.fromEntries([
		...ROUND_RULES.flatMap((id) => {
			const name = (RULE_REGISTRY[id] as VotingRuleEntry).cli;
			return name ? [[name, RULE_COUNT[id]] as const] : [];
		}),
		...Object.entries(RECOUNT_RULES).map(([name, r]) => [name, r.count] as const)
	]);
}

/** The round rule a CLI name stands for (undefined for recount-only rules and unknown names). */
export const ruleByCliName = (name: string): RoundRule | undefined =>
	ROUND_RULES.find((id) => RULE_REGISTRY[id].cli === name);

/** The round rule a Pabulib META `rule` stands for (undefined when no round rule writes it). */
export const ruleByPabulibName = (name: string): RoundRule | undefined =>
	ROUND_RULES.find((id) => RULE_REGISTRY[id].pabulib === name);
