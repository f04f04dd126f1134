/**
 * Results by self-declared group, without letting anyone subtract their way to a
 * person's ballot. The one function every breakdown goes through: `groupBreakdown`
 * when a round is counted, `publicResult` whenever a frozen result is shown or exported.
 *
 * The rule (cells of at least 5). Besides the total, a breakdown publishes one sum per
 * shown group. Sort the voters into cells by which shown groups they belong to (with
 * groups "woman" and "elder" shown: woman-and-elder, woman only, elder only, neither).
 * A group is shown only if, with it, every non-empty cell still holds at least
 * MIN_CELL voters; groups are tried largest first.
 *
 * Why it is sound. Every published number (the total, each group's sum and count) is a
 * sum over whole cells, so any subtraction or other combination of them is a sum over
 * whole cells too: never a part of a cell. And swapping the ballots of two voters in the
 * same cell changes no published number, so even someone who also holds every
 * individual ballot (the open-data export) cannot tell which of the >= 5 ballots in a
 * cell is whose. The usual two checks are special cases: a group of fewer than 5 makes a
 * small cell, and so does "total minus the group" under 5 (the 5 women and one elder of
 * the issue: the "neither" cell holds only him). Pairs are covered by their four cells
 * (both, one, the other, neither), and so are triples and beyond.
 *
 * What it cannot hide: if everyone in a cell (or everyone at all) voted the same way,
 * the sums say so; that is a property of any count, the total included.
 */
export const MIN_CELL = 5;

export type GroupTally = { group: string; ballots: number; scores: Record<string, number> };
export type Breakdown = { groups: GroupTally[]; hiddenGroups: number };

/** The groups that may be shown for these voters (each voter's self-declared groups). */
export function showableGroups(voters: readonly (readonly string[])[]): string[] {
	const size = new Map<string, number>();
	for (const groups of voters) for (const g of new Set(groups)) size.set(g, (size.get(g) ?? 0) + 1);
	const candidates = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
	const shown: string[] = [];
	for (const candidate of candidates) {
		if (everyCellLargeEnough(voters, [...shown, candidate])) shown.push(candidate);
	}
	return shown;
}

function everyCellLargeEnough(voters: readonly (readonly string[])[], shown: string[]): boolean {
	const cells = new Map<string, number>();
	for (const groups of voters) {
		const cell = shown.map((g) => (groups.includes(g) ? '1' : '0')).join('');
		cells.set(cell, (cells.get(cell) ?? 0) + 1);
	}
	return [...cells.values()].every((n) => n >= MIN_CELL);
}

/**
 * The breakdown of counted ballots: each ballot's scores (proposal id to points) and the
 * groups of whoever cast it (none for paper). Groups that fail the rule are only counted
 * in `hiddenGroups`.
 */
export function groupBreakdown(
	ballots: readonly { groups: readonly string[]; scores: ReadonlyMap<string, bigint> }[]
): Breakdown {
	const all = new Set(ballots.flatMap((b) => b.groups));
	const shown = showableGroups(ballots.map((b) => b.groups));
	const groups = shown.map((group) => {
		const members = ballots.filter((b) => b.groups.includes(group));
		const sums = new Map<string, bigint>();
		for (const b of members) for (const [id, points] of b.scores) sums.set(id, (sums.get(id) ?? 0n) + points);
		return { group, ballots: members.length, scores: Object.fromEntries([...sums].map(([id, s]) => [id, Number(s)])) };
	});
	return { groups, hiddenGroups: all.size - shown.length };
}

/** Marks results whose breakdown was made with the cell rule above. */
export const BREAKDOWN_RULE = 'cells-5';

type WithBreakdown = { ballots: number; groups: GroupTally[]; hiddenGroups: number; breakdownRule?: string };

/**
 * A frozen result as it may leave the server (page, projector, exports). Results counted
 * before the cell rule kept every group of 5 or more, and the cells can no longer be
 * known: show at most the largest group whose rest is also 5 or more (its two cells are
 * then the group and the rest), hide the others.
 */
export function publicResult<T extends WithBreakdown>(result: T): T {
	if (result.breakdownRule === BREAKDOWN_RULE) return result;
	const groups = result.groups ?? [];
	const safe = groups.filter(
		(g) => g.ballots >= MIN_CELL && (result.ballots - g.ballots >= MIN_CELL || result.ballots === g.ballots)
	);
	const kept = safe.sort((a, b) => b.ballots - a.ballots).slice(0, 1);
	return { ...result, groups: kept, hiddenGroups: (result.hiddenGroups ?? 0) + groups.length - kept.length };
}
