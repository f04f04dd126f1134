/**
 * The ballot formats (docs/counting.md), one entry each: what a voter gives, what a supporter
 * gains when counting, how the format is written to Pabulib, and the message keys of its name
 * and explanation (the words themselves are in components/voting-labels.ts, typed by this
 * registry). Pure data: the phone page, the server, the count worker and the CLI share it.
 * How to add a format: docs/architecture.md, "Adding to a vocabulary".
 */
import type { Utility } from './election.ts';
import { idsOf } from '../vocabulary.ts';

/**
 * What a voter gives: a set of proposals (form field `choice`, repeated), points per proposal
 * (`points_<id>`) or an ordered list (`rank_<id>` = position, 1 first, counted with Borda).
 */
export type BallotShape = 'set' | 'points' | 'ranking';

export type BallotFormatEntry = {
	shape: BallotShape;
	/** The total cost of a set must stay within the pagu (the ballot is refused otherwise). */
	withinBudget: boolean;
	/** What a supporter gains in MES: the project's cost, or the points (Borda points for a ranking). */
	utility: Utility;
	/** Pabulib `vote_type` written on export (knapsack adds META `max_sum_cost`). */
	pabulib: 'approval' | 'cumulative' | 'ordinal';
	/** Message keys: the format's name and its one-line explanation. */
	label: string;
	help: string;
};

export const FORMAT_REGISTRY = {
	approval: {
		shape: 'set',
		withinBudget: false,
		utility: 'cost',
		pabulib: 'approval',
		label: 'format_approval',
		help: 'format_approval_help'
	},
	knapsack: {
		shape: 'set',
		withinBudget: true,
		utility: 'cost',
		pabulib: 'approval',
		label: 'format_knapsack',
		help: 'format_knapsack_help'
	},
	cumulative: {
		shape: 'points',
		withinBudget: false,
		utility: 'points',
		pabulib: 'cumulative',
		label: 'format_cumulative',
		help: 'format_cumulative_help'
	},
	ranked: {
		shape: 'ranking',
		withinBudget: false,
		utility: 'points',
		pabulib: 'ordinal',
		label: 'format_ranked',
		help: 'format_ranked_help'
	}
} as const satisfies Record<string, BallotFormatEntry>;

export const BALLOT_FORMATS = idsOf(FORMAT_REGISTRY);
export type BallotFormat = (typeof BALLOT_FORMATS)[number];

/** The entry of a format (a stored round's format is one of BALLOT_FORMATS). */
export const formatOf = (format: BallotFormat): BallotFormatEntry => FORMAT_REGISTRY[format];
