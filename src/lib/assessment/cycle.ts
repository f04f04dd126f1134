/**
 * The co-production cycle, from evidence: for each of the four Co's, whether it happened,
 * when, with what, and how deep participation went. Pure; the evidence comes from the
 * sources in `sources.server.ts`.
 */
import { PARTICIPATION_LEVELS, type ParticipationLevel } from '$lib/plans/rules';
import { FUNCTIONS, type WorkshopFunction } from '$lib/workshops/rules';

export const COS = ['co-commissioning', 'co-design', 'co-delivery', 'co-assessment'] as const;
export type Co = (typeof COS)[number];

/** One piece of evidence: a vote held, a board, a plan finalised, a task done, a score card, a review … */
export type Evidence = {
	/** The source's kind (`sources.server.ts`), e.g. 'votes', 'score-cards', 'ikm'. */
	kind: string;
	/** Which Co it is evidence of; null for context only (a workshop held). */
	co: Co | null;
	/** The function it served; null when it served all of them (an organisation-wide score card). */
	function: WorkshopFunction | null;
	title: string;
	at: Date;
	workshopId: string | null;
	/** How deep participation went, when known (a plan item's level, or what the kind implies). */
	level: ParticipationLevel | null;
	href?: string;
};

/** Whether evidence counts for a function: its own, or all functions when it has none. */
export function servesFunction(e: Pick<Evidence, 'function'>, fn: WorkshopFunction | null): boolean {
	return fn === null || e.function === null || e.function === fn;
}

export function levelRank(level: ParticipationLevel | null): number {
	return level ? PARTICIPATION_LEVELS.indexOf(level) + 1 : 0;
}

/** The deepest level among the evidence, or null. */
export function levelReached(evidence: readonly Pick<Evidence, 'level'>[]): ParticipationLevel | null {
	let best: ParticipationLevel | null = null;
	for (const e of evidence) if (levelRank(e.level) > levelRank(best)) best = e.level;
	return best;
}

/** "2027-Q1": the quarter a date falls in (UTC). */
export function quarterOf(at: Date): string {
	return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from the first to the last given, none skipped (an empty quarter is a fact too). */
export function quarterRange(quarters: readonly string[]): string[] {
	if (quarters.length === 0) return [];
	const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
	const sorted = [...quarters].map(index).sort((a, b) => a - b);
	const out: string[] = [];
	for (let i = sorted[0]; i <= sorted[sorted.length - 1]; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
	return out;
}

export type CoSummary = {
	co: Co;
	happened: boolean;
	first: Date | null;
	last: Date | null;
	/** How many pieces of evidence of each kind. */
	kinds: { kind: string; count: number }[];
	level: ParticipationLevel | null;
	evidence: Evidence[];
};

export type Cycle = {
	function: WorkshopFunction | null;
	cos: CoSummary[];
	/** Which Co's are missing: the gaps in the cycle. */
	missing: Co[];
	quarters: { quarter: string; counts: Record<Co, number>; level: ParticipationLevel | null }[];
	/** Per function, which Co's happened (the matrix on the dashboard). */
	byFunction: { function: WorkshopFunction; happened: Record<Co, boolean> }[];
};

function summarise(evidence: readonly Evidence[], co: Co): CoSummary {
	const mine = evidence.filter((e) => e.co === co).sort((a, b) => a.at.getTime() - b.at.getTime());
	const kinds = new Map<string, number>();
	for (const e of mine) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
	return {
		co,
		happened: mine.length > 0,
		first: mine[0]?.at ?? null,
		last: mine.at(-1)?.at ?? null,
		kinds: [...kinds].map(([kind, count]) => ({ kind, count })),
		level: levelReached(mine),
		evidence: mine
	};
}

/** The cycle for one function (or all, with null). */
export function cycleOf(all: readonly Evidence[], fn: WorkshopFunction | null = null): Cycle {
	const evidence = all.filter((e) => servesFunction(e, fn));
	const cos = COS.map((co) => summarise(evidence, co));
	const quarters = quarterRange(evidence.map((e) => quarterOf(e.at))).map((quarter) => {
		const inQuarter = evidence.filter((e) => quarterOf(e.at) === quarter);
		const counts = Object.fromEntries(COS.map((co) => [co, inQuarter.filter((e) => e.co === co).length])) as Record<
			Co,
			number
		>;
		return { quarter, counts, level: levelReached(inQuarter) };
	});
	const byFunction = FUNCTIONS.map((f) => {
		const forF = all.filter((e) => servesFunction(e, f));
		return {
			function: f,
			happened: Object.fromEntries(COS.map((co) => [co, forF.some((e) => e.co === co)])) as Record<Co, boolean>
		};
	});
	return { function: fn, cos, missing: cos.filter((c) => !c.happened).map((c) => c.co), quarters, byFunction };
}
