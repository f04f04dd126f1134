/**
 * Social capital vocabulary and pure rules: working agreements (norms), the trust pulse
 * and its suppressed aggregation, community assets and how a pledge becomes co-financing.
 */
import { MIN_CELL, showableGroups } from '../voting/breakdown';
import type { FundingSource } from '../plans/rules';

/** What a working agreement is about (the template offers one of each). */
export const AGREEMENT_TOPICS = ['decisions', 'referrals', 'response', 'other'] as const;
export type AgreementTopic = (typeof AGREEMENT_TOPICS)[number];
/** The template: the topics every organisation is asked to agree on first. */
export const TEMPLATE_TOPICS = ['decisions', 'referrals', 'response'] as const satisfies readonly AgreementTopic[];

/** The version a new text gets: one more than the highest so far (1 for the first). */
export function nextVersion(versions: readonly { version: number }[]): number {
	return versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}

/** The version in force: the highest. */
export function currentVersion<V extends { version: number }>(versions: readonly V[]): V | null {
	return versions.reduce<V | null>((best, v) => (!best || v.version > best.version ? v : best), null);
}

/** An edit that changes nothing is not a new version. */
export function isChange(current: { title: string; body: string } | null, next: { title: string; body: string }) {
	return !current || current.title.trim() !== next.title.trim() || current.body.trim() !== next.body.trim();
}

// Trust pulse ---------------------------------------------------------------

export const PULSE_PHASES = ['start', 'end'] as const;
export type PulsePhase = (typeof PULSE_PHASES)[number];

/** The statements, plain language; each is answered on a 1-5 scale of faces. */
export const PULSE_STATEMENTS = [
	'trust-government',
	'trust-shelter',
	'trust-ngo',
	'trust-neighbours',
	'acted-on'
] as const;
export type PulseStatement = (typeof PULSE_STATEMENTS)[number];
export const SCALE = [1, 2, 3, 4, 5] as const;
/** Faces for 1..5, from "not at all" to "very much". */
export const FACES = ['😟', '🙁', '😐', '🙂', '😄'] as const;

export type StatementResult = { statement: string; n: number; mean: number; counts: number[] };
export type GroupResult = { group: string; respondents: number; means: Record<string, number> };
export type PulseResult = {
	respondents: number;
	/** Fewer than MIN_CELL respondents: nothing but the count is shown. */
	suppressed: boolean;
	statements: StatementResult[];
	groups: GroupResult[];
	hiddenGroups: number;
	rule: 'cells-5';
};

/** Answers must hold every statement, each a whole number 1..5; anything else is refused. */
export function checkScores(statements: readonly string[], raw: unknown): Record<string, number> | null {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
	const given = raw as Record<string, unknown>;
	if (Object.keys(given).length !== statements.length) return null;
	const scores: Record<string, number> = {};
	for (const s of statements) {
		const v = Number(given[s]);
		if (!Number.isInteger(v) || v < 1 || v > 5) return null;
		scores[s] = v;
	}
	return scores;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The pulse's result. With fewer than 5 respondents only the count is published. Groups
 * follow the ballots' cell rule (`voting/breakdown.ts`): a group is shown only if every
 * cell of respondents made by the shown groups holds at least 5, so no subtraction of
 * published sums (total minus a group, group minus group) narrows down to fewer than 5.
 */
export function aggregatePulse(
	statements: readonly string[],
	answers: readonly { groups: readonly string[]; scores: Record<string, number> }[]
): PulseResult {
	const respondents = answers.length;
	const allGroups = new Set(answers.flatMap((a) => a.groups));
	if (respondents < MIN_CELL)
		return { respondents, suppressed: true, statements: [], groups: [], hiddenGroups: allGroups.size, rule: 'cells-5' };
	const summary = (rows: typeof answers, s: string) => {
		const values = rows.map((a) => a.scores[s]).filter((v) => Number.isInteger(v));
		return { n: values.length, mean: values.length ? round2(values.reduce((x, y) => x + y, 0) / values.length) : 0 };
	};
	const result: StatementResult[] = statements.map((statement) => {
		const counts = [0, 0, 0, 0, 0];
		for (const a of answers)
			if (a.scores[statement] >= 1 && a.scores[statement] <= 5) counts[a.scores[statement] - 1]++;
		return { statement, ...summary(answers, statement), counts };
	});
	const shown = showableGroups(answers.map((a) => a.groups));
	const groups = shown.map((group) => {
		const members = answers.filter((a) => a.groups.includes(group));
		return {
			group,
			respondents: members.length,
			means: Object.fromEntries(statements.map((s) => [s, summary(members, s).mean]))
		};
	});
	return {
		respondents,
		suppressed: false,
		statements: result,
		groups,
		hiddenGroups: allGroups.size - shown.length,
		rule: 'cells-5'
	};
}

export type TrendPoint = {
	workshopId: string;
	title: string;
	date: string | null;
	start: Record<string, number> | null;
	end: Record<string, number> | null;
};

/** The organisation's trend: per workshop (oldest first), each statement's mean at start and end. */
export function pulseTrend(
	pulses: readonly {
		workshopId: string;
		title: string;
		date: string | null;
		phase: PulsePhase;
		result: PulseResult | null;
	}[]
): TrendPoint[] {
	const byWorkshop = new Map<string, TrendPoint>();
	for (const p of pulses) {
		const point = byWorkshop.get(p.workshopId) ?? {
			workshopId: p.workshopId,
			title: p.title,
			date: p.date,
			start: null,
			end: null
		};
		if (p.result && !p.result.suppressed)
			point[p.phase] = Object.fromEntries(p.result.statements.map((s) => [s.statement, s.mean]));
		byWorkshop.set(p.workshopId, point);
	}
	return [...byWorkshop.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

// Community assets -----------------------------------------------------------

export const ASSET_KINDS = ['time', 'skills', 'places', 'materials', 'money'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const PLEDGE_STATUSES = ['pledged', 'delivered', 'not-delivered'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** The swadaya (community self-help) source an asset becomes: money, labour or materials. */
export function swadayaSource(kind: AssetKind): FundingSource {
	if (kind === 'money') return 'swadaya-money';
	if (kind === 'time' || kind === 'skills') return 'swadaya-labour';
	return 'swadaya-materials';
}

/** The co-financing line a pledge makes: money as an amount, the rest in kind (described). */
export function pledgeLine(asset: { kind: AssetKind; description: string; quantity: string; amount: bigint | null }) {
	const inKind = [asset.description, asset.quantity].filter(Boolean).join(' — ').slice(0, 300);
	return asset.kind === 'money'
		? { source: swadayaSource(asset.kind), amount: asset.amount ?? 0n, inKind: '' }
		: { source: swadayaSource(asset.kind), amount: null, inKind };
}
