/** Plan vocabulary and pure helpers: shared by pages, exports and use cases. */

/** How deep participation went (docs/domain.md), lowest first; the last three are substantial. */
export const PARTICIPATION_LEVELS = [
	'information',
	'consultation',
	'deciding-together',
	'acting-together',
	'supporting-independent'
] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

export const FUNDING_SOURCES = [
	'apbd',
	'kelurahan',
	'csr',
	'swadaya-money',
	'swadaya-labour',
	'swadaya-materials',
	'ngo-donor'
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const PARTNER_KINDS = ['government', 'community', 'ngo', 'private', 'academia'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const TASK_STATUSES = ['planned', 'in-progress', 'blocked', 'done'] as const;
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
	return task.status !== 'done' && task.dueDate !== null && task.dueDate < today;
}

/** Progress of a plan item from its tasks: the mean of task progress (done counts 100). */
export function itemProgress(tasks: readonly { status: TaskStatus; progress: number }[]): number {
	if (tasks.length === 0) return 0;
	const sum = tasks.reduce((s, t) => s + (t.status === 'done' ? 100 : Math.min(100, Math.max(0, t.progress))), 0);
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
