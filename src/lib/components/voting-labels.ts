/** Plain-language names and explanations of ballot formats and rules (id/en). */
import { m } from '$lib/paraglide/messages.js';

const FORMAT: Record<string, [() => string, () => string]> = {
	approval: [m.format_approval, m.format_approval_help],
	knapsack: [m.format_knapsack, m.format_knapsack_help],
	cumulative: [m.format_cumulative, m.format_cumulative_help],
	ranked: [m.format_ranked, m.format_ranked_help]
};
const RULE: Record<string, [() => string, () => string]> = {
	greedy: [m.rule_greedy, m.rule_greedy_help],
	mes: [m.rule_mes, m.rule_mes_help],
	topk: [m.rule_topk, m.rule_topk_help]
};
export const formatLabel = (f: string) => FORMAT[f]?.[0]() ?? f;
export const formatHelp = (f: string) => FORMAT[f]?.[1]() ?? '';
export const ruleLabel = (r: string) => RULE[r]?.[0]() ?? r;
export const ruleHelp = (r: string) => RULE[r]?.[1]() ?? '';
