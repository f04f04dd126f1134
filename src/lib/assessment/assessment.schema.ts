import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisation, user } from '../orgs/orgs.schema';
import { participant, workshop } from '../workshops/workshops.schema';
import { planItem, task } from '../plans/plans.schema';
import { FUNCTIONS } from '../workshops/rules';

/**
 * A community score card: an organisation's (optionally one workshop's, one function's)
 * indicators, scored 1-5 separately by the community and by service providers, then
 * compared in the interface meeting.
 */
export const scoreCard = pgTable(
	'score_card',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		workshopId: text('workshop_id').references(() => workshop.id, { onDelete: 'set null' }),
		function: text('function', { enum: FUNCTIONS }),
		title: text('title').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('score_card_org_idx').on(t.organisationId), index('score_card_workshop_idx').on(t.workshopId)]
);

/** An indicator, written by a facilitator or proposed from a participant's phone. */
export const scoreIndicator = pgTable(
	'score_indicator',
	{
		id: text('id').primaryKey(),
		cardId: text('card_id')
			.notNull()
			.references(() => scoreCard.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		proposedBy: text('proposed_by', { enum: ['facilitator', 'participant'] }).notNull(),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('score_indicator_card_idx').on(t.cardId)]
);

/**
 * One score of one indicator by one scorer on one side. `scorer` is who, as a key:
 * `p:<participant id>` (a phone; never shown), `u:<user id>` (a member scoring as a
 * provider) or `e:<random>` (a provider's score a facilitator entered, e.g. from paper).
 * One row per indicator and scorer: scoring again replaces it.
 */
export const indicatorScore = pgTable(
	'indicator_score',
	{
		id: text('id').primaryKey(),
		indicatorId: text('indicator_id')
			.notNull()
			.references(() => scoreIndicator.id, { onDelete: 'cascade' }),
		side: text('side', { enum: ['community', 'provider'] }).notNull(),
		scorer: text('scorer').notNull(),
		score: integer('score').notNull(),
		reason: text('reason').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('indicator_score_scorer_idx').on(t.indicatorId, t.scorer)]
);

/** An action agreed in the interface meeting, and the plan item or task it became. */
export const agreedAction = pgTable(
	'agreed_action',
	{
		id: text('id').primaryKey(),
		cardId: text('card_id')
			.notNull()
			.references(() => scoreCard.id, { onDelete: 'cascade' }),
		indicatorId: text('indicator_id').references(() => scoreIndicator.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		planItemId: text('plan_item_id').references(() => planItem.id, { onDelete: 'set null' }),
		taskId: text('task_id').references(() => task.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('agreed_action_card_idx').on(t.cardId)]
);

/** What a delivered plan item changed, told by participants (phones) or members and partners. */
export const impactReview = pgTable(
	'impact_review',
	{
		id: text('id').primaryKey(),
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		taskId: text('task_id').references(() => task.id, { onDelete: 'set null' }),
		changed: text('changed').notNull(),
		forWhom: text('for_whom').notNull().default(''),
		notWorked: text('not_worked').notNull().default(''),
		rating: integer('rating').notNull(),
		evidence: text('evidence').notNull().default(''),
		links: jsonb('links').$type<string[]>().notNull().default([]),
		authorKind: text('author_kind', { enum: ['participant', 'member'] }).notNull(),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('impact_review_item_idx').on(t.itemId)]
);
