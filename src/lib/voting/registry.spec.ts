import { describe, expect, it } from 'vitest';
import { countRound, type CountInput } from './count';
import { BALLOT_FORMATS, FORMAT_REGISTRY } from './formats';
import { parsePabulib, toElection, VOTE_TYPES, writePabulib } from './pabulib';
import {
	cliRules,
	RECOUNT_RULES,
	RULE_COUNT,
	ROUND_RULES,
	RULE_REGISTRY,
	ruleByCliName,
	ruleByPabulibName,
	ruleOf
} from './registry';
import { roundForm } from './forms';

const CLI_RULES = cliRules();
const CLI_RULE_NAMES = Object.keys(CLI_RULES).sort();

const input: CountInput = {
	format: 'approval',
	rule: 'greedy',
	budget: 100n,
	topK: null,
	add1Step: null,
	lot: [],
	proposals: [
		{ id: 'a', title: 'A', cost: 60n },
		{ id: 'b', title: 'B', cost: 50n }
	],
	ballots: [
		{ choices: ['a'], groups: [] },
		{ choices: ['a', 'b'], groups: [] },
		{ choices: ['b'], groups: [] }
	],
	channels: { phone: 3, assisted: 0, paper: 0 },
	groupsKnown: false,
	paperTotals: []
};

describe('the voting rule registry', () => {
	it('keeps the stored values: the rules and formats a round may have', () => {
		expect(ROUND_RULES).toEqual(['greedy', 'mes', 'topk']);
		expect(BALLOT_FORMATS).toEqual(['approval', 'knapsack', 'cumulative', 'ranked']);
	});

	it('refuses to count a rule or format it does not know, instead of counting it as another', () => {
		expect(countRound({ ...input, rule: 'greedy' }).winners.map((w) => w.id)).toEqual(['b']);
		for (const rule of ['phragmen', 'mes-add1', 'constructor', ''])
			expect(() => countRound({ ...input, rule: rule as CountInput['rule'] })).toThrow(/Unknown voting rule/);
		expect(() => countRound({ ...input, format: 'toString' as CountInput['format'] })).toThrow(/Unknown ballot format/);
		expect(() => ruleOf('__proto__')).toThrow(RangeError);
	});

	it('counts each rule with its own function', () => {
		// Top-2 ignores the pagu; greedy and MES keep within it.
		expect(countRound({ ...input, rule: 'topk', topK: 2 }).winners.map((w) => w.id)).toEqual(['b', 'a']);
		const mes = countRound({ ...input, rule: 'mes' });
		expect(mes.mes).not.toBeNull();
		expect(countRound({ ...input, rule: 'greedy' }).mes).toBeNull();
	});

	it('names every round rule for Pabulib and the CLI, and the names lead back to the rule', () => {
		const pabulibNames = ROUND_RULES.map((r) => RULE_REGISTRY[r].pabulib);
		expect(new Set(pabulibNames).size).toBe(ROUND_RULES.length);
		for (const rule of ROUND_RULES) {
			const entry = RULE_REGISTRY[rule];
			expect(ruleByPabulibName(entry.pabulib)).toBe(rule);
			if (entry.cli === null) continue;
			expect(ruleByCliName(entry.cli)).toBe(rule);
			// The CLI recounts an export with the very function the round was counted with.
			expect(CLI_RULES[entry.cli]).toBe(RULE_COUNT[rule]);
		}
		expect(RULE_REGISTRY.mes.pabulib).toBe('equalshares/add1');
		expect(RULE_REGISTRY.mes.cli).toBe('mes-add1');
		// Recount-only names stand for no round rule, and no CLI name is taken twice.
		for (const name of Object.keys(RECOUNT_RULES)) expect(ruleByCliName(name)).toBeUndefined();
		const appNames = ROUND_RULES.flatMap((r) => RULE_REGISTRY[r].cli ?? []);
		expect(CLI_RULE_NAMES).toHaveLength(appNames.length + Object.keys(RECOUNT_RULES).length);
		expect(CLI_RULE_NAMES).toEqual(['greedy', 'mes', 'mes-add1', 'phragmen']);
		expect(ruleByCliName('nonsense')).toBeUndefined();
		expect(ruleByPabulibName('nonsense')).toBeUndefined();
	});

	it('gives each rule its formats, and a parameter check the round form uses', () => {
		for (const rule of ROUND_RULES) {
			const entry = RULE_REGISTRY[rule];
			for (const f of entry.formats) expect(BALLOT_FORMATS).toContain(f);
			for (const param of entry.params) expect(['topK', 'add1Step']).toContain(param);
		}
		const form = (fields: Record<string, string>) =>
			roundForm.safeParse({ title: 'R', proposalIds: ['a', 'b'], budget: '100', format: 'approval', ...fields });
		const topk = form({ rule: 'topk', topK: '' });
		expect(topk.success).toBe(false);
		expect(topk.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['topK', 'error_topk_needed']]);
		expect(form({ rule: 'topk', topK: '2' }).success).toBe(true);
		expect(form({ rule: 'greedy', topK: '' }).success).toBe(true);
		expect(form({ rule: 'nonsense' }).success).toBe(false);
	});
});

describe('the ballot format registry', () => {
	it('writes each format as a Pabulib vote type that reads back with the same utility', () => {
		for (const format of BALLOT_FORMATS) {
			const entry = FORMAT_REGISTRY[format];
			expect(VOTE_TYPES).toContain(entry.pabulib);
			const file = writePabulib({
				meta: { budget: '100' },
				projects: [
					{ id: 'a', cost: 60n, name: 'A' },
					{ id: 'b', cost: 50n, name: 'B' }
				],
				ballots: [entry.shape === 'points' ? { ids: ['a', 'b'], points: [2, 1] } : { ids: ['b', 'a'] }],
				voteType: entry.pabulib
			});
			const read = parsePabulib(file);
			expect(read.voteType).toBe(entry.pabulib);
			expect(toElection(read).utility).toBe(entry.utility);
		}
	});
});
