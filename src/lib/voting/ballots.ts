/**
 * Ballot formats and their validation: pure, shared by the ballot page and the server.
 * An invalid ballot is refused with a reason, never trimmed.
 */
import { FORMAT_REGISTRY, type BallotFormat } from './formats.ts';

export { BALLOT_FORMATS, type BallotFormat } from './formats.ts';
export const CHANNELS = ['phone', 'assisted', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

export type RoundSettings = {
	format: BallotFormat;
	budget: bigint;
	minSelections: number;
	maxSelections: number | null;
	pointsPerVoter: number | null;
	maxPointsPerProposal: number | null;
};
export type Choices = string[] | Record<string, number>;
export type BallotCheck = { ok: true; choices: Choices } | { ok: false; error: string };

/** Checks a ballot against the round. `costs` maps each proposal in the round to its cost. */
export function checkBallot(round: RoundSettings, costs: ReadonlyMap<string, bigint>, input: unknown): BallotCheck {
	const format = FORMAT_REGISTRY[round.format];
	if (format.shape === 'points') {
		if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'error_ballot_shape' };
		const points: Record<string, number> = {};
		let total = 0;
		for (const [id, value] of Object.entries(input as Record<string, unknown>)) {
			if (!costs.has(id)) return { ok: false, error: 'error_ballot_unknown' };
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
				return { ok: false, error: 'error_ballot_points' };
			if (round.maxPointsPerProposal !== null && value > round.maxPointsPerProposal)
				return { ok: false, error: 'error_ballot_max_points' };
			if (value > 0) points[id] = value;
			total += value;
		}
		if (total === 0) return { ok: false, error: 'error_ballot_empty' };
		if (round.pointsPerVoter !== null && total > round.pointsPerVoter)
			return { ok: false, error: 'error_ballot_too_many_points' };
		return { ok: true, choices: points };
	}
	if (!Array.isArray(input) || input.some((id) => typeof id !== 'string'))
		return { ok: false, error: 'error_ballot_shape' };
	const ids = input as string[];
	if (new Set(ids).size !== ids.length) return { ok: false, error: 'error_ballot_duplicate' };
	if (ids.some((id) => !costs.has(id))) return { ok: false, error: 'error_ballot_unknown' };
	if (ids.length < Math.max(1, round.minSelections)) return { ok: false, error: 'error_ballot_too_few' };
	if (round.maxSelections !== null && ids.length > round.maxSelections)
		return { ok: false, error: 'error_ballot_too_many' };
	if (format.withinBudget) {
		const total = ids.reduce((sum, id) => sum + costs.get(id)!, 0n);
		if (total > round.budget) return { ok: false, error: 'error_ballot_over_budget' };
	}
	return { ok: true, choices: ids };
}
