import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { idsOf, entryOf } from './vocabulary';
import { FORMAT_REGISTRY } from './voting/formats';
import { RULE_REGISTRY } from './voting/registry';
import { FUNCTION_REGISTRY, GROUP_REGISTRY, KIND_REGISTRY, STATUS_REGISTRY, CHILD_GROUPS } from './workshops/rules';
import {
	FUNDING_REGISTRY,
	LEVEL_REGISTRY,
	PARTNER_KIND_REGISTRY,
	PLAN_STATUS_REGISTRY,
	TASK_STATUS_REGISTRY
} from './plans/rules';
import { FORMAT_LABELS, RULE_LABELS, formatLabel, ruleLabel } from './components/voting-labels';
import { FUNCTION_LABELS, GROUP_LABELS, KIND_LABELS, STATUS_LABELS, groupLabel, kindLabel } from './components/labels';
import {
	FUNDING_LABELS,
	LEVEL_LABELS,
	PARTNER_KIND_LABELS,
	PLAN_STATUS_LABELS,
	TASK_STATUS_LABELS,
	taskStatusLabel
} from './plans/labels';

const messages = (lang: string): Record<string, unknown> =>
	JSON.parse(readFileSync(join(import.meta.dirname, 'i18n', 'messages', `${lang}.json`), 'utf8'));
const id = messages('id');
const en = messages('en');
const message = (key: string) => (m as unknown as Record<string, unknown>)[key];

type Entry = { label: string; help?: string };
/** Each registry, the message keys its entries name, and the words the pages use for them. */
const vocabularies: { name: string; registry: Record<string, Entry>; words: (id: string) => unknown[] }[] = [
	{ name: 'voting rules', registry: RULE_REGISTRY, words: (r) => RULE_LABELS[r as keyof typeof RULE_LABELS] },
	{ name: 'ballot formats', registry: FORMAT_REGISTRY, words: (f) => FORMAT_LABELS[f as keyof typeof FORMAT_LABELS] },
	{ name: 'workshop kinds', registry: KIND_REGISTRY, words: (k) => [KIND_LABELS[k as keyof typeof KIND_LABELS]] },
	{
		name: 'workshop functions',
		registry: FUNCTION_REGISTRY,
		words: (f) => [FUNCTION_LABELS[f as keyof typeof FUNCTION_LABELS]]
	},
	{
		name: 'workshop statuses',
		registry: STATUS_REGISTRY,
		words: (s) => [STATUS_LABELS[s as keyof typeof STATUS_LABELS]]
	},
	{
		name: 'participant groups',
		registry: GROUP_REGISTRY,
		words: (g) => [GROUP_LABELS[g as keyof typeof GROUP_LABELS]]
	},
	{
		name: 'plan statuses',
		registry: PLAN_STATUS_REGISTRY,
		words: (s) => [PLAN_STATUS_LABELS[s as keyof typeof PLAN_STATUS_LABELS]]
	},
	{
		name: 'participation levels',
		registry: LEVEL_REGISTRY,
		words: (l) => [LEVEL_LABELS[l as keyof typeof LEVEL_LABELS]]
	},
	{
		name: 'funding sources',
		registry: FUNDING_REGISTRY,
		words: (s) => [FUNDING_LABELS[s as keyof typeof FUNDING_LABELS]]
	},
	{
		name: 'partner kinds',
		registry: PARTNER_KIND_REGISTRY,
		words: (k) => [PARTNER_KIND_LABELS[k as keyof typeof PARTNER_KIND_LABELS]]
	},
	{
		name: 'task statuses',
		registry: TASK_STATUS_REGISTRY,
		words: (s) => [TASK_STATUS_LABELS[s as keyof typeof TASK_STATUS_LABELS]]
	}
];

describe('every vocabulary has words', () => {
	for (const { name, registry, words } of vocabularies) {
		it(`${name}: each entry's messages exist in Indonesian and English and are the ones the pages show`, () => {
			expect(idsOf(registry).length).toBeGreaterThan(0);
			for (const [value, entry] of Object.entries(registry)) {
				const keys = [entry.label, ...(entry.help ? [entry.help] : [])];
				for (const key of keys) {
					expect(id[key], `id.json: ${key} (${value})`).toEqual(expect.any(String));
					expect(en[key], `en.json: ${key} (${value})`).toEqual(expect.any(String));
					expect(String(id[key]).trim()).not.toBe('');
					expect(String(en[key]).trim()).not.toBe('');
				}
				// The label table uses exactly the messages the registry names, label then help.
				expect(words(value), value).toEqual(keys.map(message));
			}
		});
	}

	it('renders the registry words in the chosen language, and unknown stored values as they are', () => {
		expect(ruleLabel('mes', 'en')).toBe(en[RULE_REGISTRY.mes.label]);
		expect(ruleLabel('mes', 'id')).toBe(id[RULE_REGISTRY.mes.label]);
		expect(formatLabel('ranked', 'en')).toBe(en[FORMAT_REGISTRY.ranked.label]);
		expect(groupLabel.in('elder', 'en')).toBe(en[GROUP_REGISTRY.elder.label]);
		expect(kindLabel.in('co-design', 'id')).toBe(id[KIND_REGISTRY['co-design'].label]);
		expect(taskStatusLabel.in('in-progress', 'en')).toBe(en[TASK_STATUS_REGISTRY['in-progress'].label]);
		expect(ruleLabel('retired-rule', 'en')).toBe('retired-rule');
		expect(groupLabel.in('constructor-x', 'en')).toBe('constructor-x');
	});
});

describe('vocabulary helpers', () => {
	it('derive the values in written order and look up only own entries', () => {
		expect(idsOf({ b: 1, a: 2 })).toEqual(['b', 'a']);
		expect(entryOf({ a: 1 }, 'a')).toBe(1);
		expect(entryOf({ a: 1 }, 'toString')).toBeUndefined();
		expect(entryOf({ a: 1 }, '__proto__')).toBeUndefined();
	});

	it('derive the child groups from the group registry', () => {
		expect(CHILD_GROUPS).toEqual(['child-7-12', 'child-13-17']);
	});
});
