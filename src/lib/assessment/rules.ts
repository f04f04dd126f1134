/**
 * Score-card arithmetic: pure, so the interface meeting page, the loop notes and the tests
 * share it.
 *
 * Who may be seen (the cell rule of `voting/breakdown.ts`). A score card publishes, per
 * indicator, one mean per side: the community's and the service providers'. The two sides
 * are disjoint cells, so a side's mean is shown only when that side holds at least
 * MIN_CELL scorers. No mean over both sides together is ever published: with one side
 * hidden, "both minus the shown side" would give the hidden side away. The gap is shown
 * only when both means are. Every published number is then a sum over a whole cell of 5 or
 * more, and so is any subtraction of them.
 */
import { MIN_CELL } from '$lib/voting/breakdown';

export { MIN_CELL };

export const SIDES = ['community', 'provider'] as const;
export type Side = (typeof SIDES)[number];

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export type SideResult = { scorers: number; mean: number | null };

/** The mean of one side's scores, or null while fewer than `min` scored. Rounded to 2 decimals. */
export function sideResult(scores: readonly number[], min = MIN_CELL): SideResult {
	const scorers = scores.length;
	if (scorers < min) return { scorers, mean: null };
	const mean = scores.reduce((s, x) => s + x, 0) / scorers;
	return { scorers, mean: Math.round(mean * 100) / 100 };
}

export type GapRow = {
	indicatorId: string;
	text: string;
	community: SideResult;
	provider: SideResult;
	/** Providers' mean minus the community's; null unless both sides are shown. */
	gap: number | null;
};

/**
 * Per indicator: the two sides side by side and the gap, largest gap first (by size, either
 * way); indicators whose gap cannot be shown come last, in their own order.
 */
export function gapRows(
	indicators: readonly { id: string; text: string }[],
	scores: readonly { indicatorId: string; side: Side; score: number }[],
	min = MIN_CELL
): GapRow[] {
	const rows = indicators.map((indicator): GapRow => {
		const mine = scores.filter((s) => s.indicatorId === indicator.id);
		const community = sideResult(
			mine.filter((s) => s.side === 'community').map((s) => s.score),
			min
		);
		const provider = sideResult(
			mine.filter((s) => s.side === 'provider').map((s) => s.score),
			min
		);
		const gap =
			community.mean !== null && provider.mean !== null
				? Math.round((provider.mean - community.mean) * 100) / 100
				: null;
		return { indicatorId: indicator.id, text: indicator.text, community, provider, gap };
	});
	const order = new Map(indicators.map((i, n) => [i.id, n]));
	return rows.sort((a, b) => {
		if (a.gap === null || b.gap === null) {
			if (a.gap === null && b.gap === null) return order.get(a.indicatorId)! - order.get(b.indicatorId)!;
			return a.gap === null ? 1 : -1;
		}
		return Math.abs(b.gap) - Math.abs(a.gap) || order.get(a.indicatorId)! - order.get(b.indicatorId)!;
	});
}

/** Reasons of one side, only when that side is shown, in a fixed order that says nothing of who wrote first. */
export function shownReasons(reasons: readonly string[], result: SideResult): string[] {
	if (result.mean === null) return [];
	return reasons.filter((r) => r.trim() !== '').sort((a, b) => a.localeCompare(b));
}

/** Links given as evidence: http(s) only, at most `max`, each at most 500 characters. */
export function evidenceLinks(text: string, max = 5): string[] | null {
	const parts = text
		.split(/\s+/)
		.map((s) => s.trim())
		.filter(Boolean);
	if (parts.length > max) return null;
	const links: string[] = [];
	for (const part of parts) {
		if (part.length > 500) return null;
		try {
			const url = new URL(part);
			if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
			links.push(url.href);
		} catch {
			return null;
		}
	}
	return links;
}
