/**
 * Plain-language names and explanations of ballot formats and rules (id/en), one pair per
 * registry entry (voting/formats.ts, voting/registry.ts): the tables are typed by the
 * registries, so a format or rule without its words does not compile, and each pair is the
 * registry's `label`/`help` message (registry.spec.ts). Static `m.key` references only, so a
 * page bundles just these messages (the phone page stays small).
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime';
import type { BallotFormat } from '$lib/voting/formats';
import type { RoundRule } from '$lib/voting/registry';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const FORMAT_LABELS = {
	approval: [m.format_approval, m.format_approval_help],
	knapsack: [m.format_knapsack, m.format_knapsack_help],
	cumulative: [m.format_cumulative, m.format_cumulative_help],
	ranked: [m.format_ranked, m.format_ranked_help]
} satisfies Record<BallotFormat, [Message, Message]>;
export const RULE_LABELS = {
	greedy: [m.rule_greedy, m.rule_greedy_help],
	mes: [m.rule_mes, m.rule_mes_help],
	topk: [m.rule_topk, m.rule_topk_help]
} satisfies Record<RoundRule, [Message, Message]>;

// Stored values come from the database: one that is not (or no longer) in a registry is shown as it is.
const FORMAT: Partial<Record<string, [Message, Message]>> = FORMAT_LABELS;
const RULE: Partial<Record<string, [Message, Message]>> = RULE_LABELS;
export const formatLabel = (f: string, locale?: Locale) => FORMAT[f]?.[0]({}, { locale }) ?? f;
export const formatHelp = (f: string) => FORMAT[f]?.[1]() ?? '';
export const ruleLabel = (r: string, locale?: Locale) => RULE[r]?.[0]({}, { locale }) ?? r;
export const ruleHelp = (r: string) => RULE[r]?.[1]() ?? '';
