/** Plain-language names and explanations of ballot formats and rules (id/en). */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const FORMAT: Record<string, [Message, () => string]> = {
	approval: [m.format_approval, m.format_approval_help],
	knapsack: [m.format_knapsack, m.format_knapsack_help],
	cumulative: [m.format_cumulative, m.format_cumulative_help],
	ranked: [m.format_ranked, m.format_ranked_help]
};
const RULE: Record<string, [Message, () => string]> = {
	greedy: [m.rule_greedy, m.rule_greedy_help],
	mes: [m.rule_mes, m.rule_mes_help],
	topk: [m.rule_topk, m.rule_topk_help]
};
export const formatLabel = (f: string, locale?: Locale) => FORMAT[f]?.[0]({}, { locale }) ?? f;
export const formatHelp = (f: string) => FORMAT[f]?.[1]() ?? '';
export const ruleLabel = (r: string, locale?: Locale) => RULE[r]?.[0]({}, { locale }) ?? r;
export const ruleHelp = (r: string) => RULE[r]?.[1]() ?? '';
