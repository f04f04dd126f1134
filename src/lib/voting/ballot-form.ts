/**
 * Reads a ballot from a form in the shape `checkBallot` expects. Approval and knapsack:
 * repeated `choice`; cumulative: `points_<id>`; ranked: `rank_<id>` = position (1 first).
 */
import { FORMAT_REGISTRY, type BallotFormat } from './formats';

export function choicesFromForm(format: BallotFormat, data: FormData): unknown {
	const { shape } = FORMAT_REGISTRY[format];
	if (shape === 'points') {
		const points: Record<string, number> = {};
		for (const [key, value] of data) {
			if (!key.startsWith('points_') || typeof value !== 'string' || value === '') continue;
			points[key.slice(7)] = Number(value);
		}
		return points;
	}
	if (shape === 'ranking') {
		const ranks: [string, number][] = [];
		for (const [key, value] of data) {
			if (key.startsWith('rank_') && typeof value === 'string' && value !== '')
				ranks.push([key.slice(5), Number(value)]);
		}
		if (new Set(ranks.map(([, r]) => r)).size !== ranks.length) return ['duplicate-rank', 'duplicate-rank'];
		return ranks.sort((a, b) => a[1] - b[1]).map(([id]) => id);
	}
	return data.getAll('choice').filter((v): v is string => typeof v === 'string');
}
