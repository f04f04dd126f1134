import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { workshop } from '../workshops/workshops.schema';
import { user } from '../orgs/orgs.schema';
import { FUNCTIONS } from '../workshops/rules';
import { BALLOT_FORMATS } from './formats';
import { ROUND_RULES } from './registry';
import type { CountState } from './count';

/** A proposal (usulan) put forward in a forum. Cost in whole Rupiah. */
export const proposal = pgTable(
	'proposal',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		problem: text('problem').notNull().default(''),
		targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
		kelurahan: text('kelurahan').notNull().default(''),
		rw: text('rw').notNull().default(''),
		lorong: text('lorong').notNull().default(''),
		function: text('function', { enum: FUNCTIONS }).notNull(),
		activity: text('activity').notNull().default(''),
		volume: integer('volume'),
		unit: text('unit').notNull().default(''),
		cost: bigint('cost', { mode: 'bigint' }).notNull(),
		agency: text('agency').notNull().default(''),
		/** Who proposed it: a name, or only a group when anonymous. */
		proposedBy: text('proposed_by').notNull().default(''),
		proposedByGroup: text('proposed_by_group'),
		status: text('status', { enum: ['active', 'withdrawn', 'merged'] })
			.notNull()
			.default('active'),
		mergedInto: text('merged_into'),
		/** The board note it was promoted from, if any. */
		boardId: text('board_id'),
		noteId: text('note_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('proposal_workshop_idx').on(t.workshopId)]
);

/** Every change to a proposal: who, when, what (merges keep both histories). */
export const proposalEvent = pgTable(
	'proposal_event',
	{
		id: text('id').primaryKey(),
		proposalId: text('proposal_id')
			.notNull()
			.references(() => proposal.id, { onDelete: 'cascade' }),
		kind: text('kind', {
			enum: ['created', 'edited', 'withdrawn', 'merged-into', 'merged-from', 'promoted']
		}).notNull(),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('proposal_event_proposal_idx').on(t.proposalId)]
);

export const votingRound = pgTable(
	'voting_round',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		format: text('format', { enum: BALLOT_FORMATS }).notNull(),
		rule: text('rule', { enum: ROUND_RULES }).notNull(),
		proposalIds: jsonb('proposal_ids').$type<string[]>().notNull(),
		/** The pagu indikatif in whole Rupiah. */
		budget: bigint('budget', { mode: 'bigint' }).notNull(),
		minSelections: integer('min_selections').notNull().default(1),
		maxSelections: integer('max_selections'),
		pointsPerVoter: integer('points_per_voter'),
		maxPointsPerProposal: integer('max_points_per_proposal'),
		topK: integer('top_k'),
		/** Add1 step per voter in Rupiah; null means 1% of B/n, fixed when the round closes. */
		add1Step: bigint('add1_step', { mode: 'bigint' }),
		allowChange: boolean('allow_change').notNull().default(false),
		status: text('status', { enum: ['draft', 'open', 'closed'] })
			.notNull()
			.default('draft'),
		revealed: boolean('revealed').notNull().default(false),
		/** The lot, drawn when voting opens (before any counting): proposal ids in priority order. */
		lot: jsonb('lot').$type<string[]>(),
		/** Frozen at close: rule, parameters, tie-break order, counts and winners. */
		result: jsonb('result').$type<Record<string, unknown>>(),
		/** The count runs in a worker after closing: its progress, then done or failed. */
		countState: jsonb('count_state').$type<CountState>(),
		/** SHA-256 of the count's inputs: a result stored with the same hash is never counted again. */
		resultHash: text('result_hash'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [index('voting_round_workshop_idx').on(t.workshopId)]
);

/**
 * A secret ballot: what was chosen and the hash of the receipt that may change it,
 * nothing else. No participant, group, channel or time: see the threat model in
 * `voting/ballot-pool.server.ts` for how rows are written so that neither their
 * transaction (xmin), their physical order (ctid) nor their id pairs them with a guard.
 */
export const ballot = pgTable(
	'ballot',
	{
		/** Random, never sequential. */
		id: text('id').primaryKey(),
		roundId: text('round_id')
			.notNull()
			.references(() => votingRound.id, { onDelete: 'cascade' }),
		/** Approval/knapsack/ranked: proposal ids (ranked in order); cumulative: {id: points}. */
		choices: jsonb('choices').$type<string[] | Record<string, number>>().notNull(),
		receiptHash: text('receipt_hash')
	},
	(t) => [index('ballot_round_idx').on(t.roundId)]
);

/**
 * Who has voted in a round and how (phone or assisted): the guard against voting twice,
 * never joined to ballots. `pending` while the ballot waits in memory to be written with
 * others, `cast` once it is written; a pending guard whose ballot died with the process
 * is freed at start, so that person can vote again.
 */
export const ballotGuard = pgTable(
	'ballot_guard',
	{
		roundId: text('round_id')
			.notNull()
			.references(() => votingRound.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').notNull(),
		/** The defaults only describe rows from before guards had states; new guards set both. */
		channel: text('channel', { enum: ['phone', 'assisted'] })
			.notNull()
			.default('phone'),
		state: text('state', { enum: ['pending', 'cast'] })
			.notNull()
			.default('cast')
	},
	(t) => [primaryKey({ columns: [t.roundId, t.participantId] })]
);

/** Paper ballots entered as totals per proposal (score-based rules only). */
export const paperTotal = pgTable(
	'paper_total',
	{
		roundId: text('round_id')
			.notNull()
			.references(() => votingRound.id, { onDelete: 'cascade' }),
		proposalId: text('proposal_id').notNull(),
		votes: integer('votes').notNull(),
		ballots: integer('ballots').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.roundId, t.proposalId] })]
);
