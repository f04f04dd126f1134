/**
 * Plan vocabulary and pure helpers: shared by pages, exports and use cases. Each vocabulary
 * is a registry (one entry per stored value, with the message key of its name: the words are
 * in labels.ts beside this file, typed by it); the tuples schemas and forms use are derived
 * from them. How to add a value: docs/architecture.md, "Adding to a vocabulary".
 */
import { idsOf } from '../vocabulary';

/** A plan is drafted, then finalised (a final plan's items no longer change). */
export const PLAN_STATUS_REGISTRY = {
	draft: { label: 'plan_draft' },
	final: { label: 'plan_final' }
} as const satisfies Record<string, { label: string }>;
export const PLAN_STATUSES = idsOf(PLAN_STATUS_REGISTRY);
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How deep participation went (docs/domain.md), lowest first; the last three are substantial. */
export const LEVEL_REGISTRY = {
	information: { label: 'level_information' },
	consultation: { label: 'level_consultation' },
	'deciding-together': { label: 'level_deciding_together' },
	'acting-together': { label: 'level_acting_together' },
	'supporting-independent': { label: 'level_supporting_independent' }
} as const satisfies Record<string, { label: string }>;
export const PARTICIPATION_LEVELS = idsOf(LEVEL_REGISTRY);
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

export const FUNDING_REGISTRY = {
	apbd: { label: 'funding_apbd' },
	kelurahan: { label: 'funding_kelurahan' },
	csr: { label: 'funding_csr' },
	'swadaya-money': { label: 'funding_swadaya_money' },
	'swadaya-labour': { label: 'funding_swadaya_labour' },
	'swadaya-materials': { label: 'funding_swadaya_materials' },
	'ngo-donor': { label: 'funding_ngo_donor' }
} as const satisfies Record<string, { label: string }>;
export const FUNDING_SOURCES = idsOf(FUNDING_REGISTRY);
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const PARTNER_KIND_REGISTRY = {
	government: { label: 'partner_government' },
	community: { label: 'partner_community' },
	ngo: { label: 'partner_ngo' },
	private: { label: 'partner_private' },
	academia: { label: 'partner_academia' }
} as const satisfies Record<string, { label: string }>;
export const PARTNER_KINDS = idsOf(PARTNER_KIND_REGISTRY);
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** `finished`: the task is over (never overdue, counts 100% towards its item's progress). */
export const TASK_STATUS_REGISTRY = {
	planned: { finished: false, label: 'task_planned' },
	'in-progress': { finished: false, label: 'task_in_progress' },
	blocked: { finished: false, label: 'task_blocked' },
	done: { finished: true, label: 'task_done' }
} as const satisfies Record<string, { finished: boolean; label: string }>;
export const TASK_STATUSES = idsOf(TASK_STATUS_REGISTRY);
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type FundingLine = { source: FundingSource; amount: bigint | null; inKind: string };

/** Money pledged per source and in total; in-kind lines are counted, not priced. */
export function fundingTotals(lines: readonly FundingLine[]) {
	const bySource = new Map<FundingSource, bigint>();
	let total = 0n;
	let inKind = 0;
	for (const line of lines) {
		if (line.amount !== null) {
			bySource.set(line.source, (bySource.get(line.source) ?? 0n) + line.amount);
			total += line.amount;
		}
		if (line.inKind) inKind++;
	}
	return { bySource, total, inKind };
}

/** What a cost still lacks after the money pledged: never below 0; null when there is no cost. */
export function unfundedOf(cost: bigint | null, funded: bigint): bigint | null {
	if (cost === null) return null;
	return cost > funded ? cost - funded : 0n;
}

/** Where a proposal is, as one line: kelurahan, RW, lorong (those given). */
export function proposalLocation(p: { kelurahan: string | null; rw: string | null; lorong: string | null }): string {
	return [p.kelurahan, p.rw && `RW ${p.rw}`, p.lorong].filter(Boolean).join(', ');
}

/** A task is overdue when its due date has passed and it is not done. `today` is YYYY-MM-DD. */
export function isOverdue(task: { dueDate: string | null; status: TaskStatus }, today: string): boolean {
	return !TASK_STATUS_REGISTRY[task.status].finished && task.dueDate !== null && task.dueDate < today;
}

/** Progress of a plan item from its tasks: the mean of task progress (done counts 100). */
export function itemProgress(tasks: readonly { status: TaskStatus; progress: number }[]): number {
	if (tasks.length === 0) return 0;
	const sum = tasks.reduce(
		(s, t) => s + (TASK_STATUS_REGISTRY[t.status].finished ? 100 : Math.min(100, Math.max(0, t.progress))),
		0
	);
	return Math.round(sum / tasks.length);
}

/**
 * A CSV field: quoted when needed, and never starting a formula in a spreadsheet.
 * Spreadsheets treat a bare CR like LF, so a field with either is quoted (else the
 * rest becomes a new row), and every line inside a field that would start a formula
 * (= + - @, or a tab or CR before one) gets a leading apostrophe, not only the first.
 */
export function csvField(value: unknown): string {
	const text = (value === null || value === undefined ? '' : String(value)).replace(
		/(^|\r\n|\r|\n)(?=[=+\-@\t])/g,
		"$1'"
	);
	return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: unknown[][]): string {
	return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
