import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { workshop } from '../workshops/workshops.schema';
import { organisation, user } from '../orgs/orgs.schema';
import { FUNCTIONS } from '../workshops/rules';
import { FUNDING_SOURCES, PARTNER_KINDS, PLAN_STATUSES, TASK_STATUSES } from './rules';

/** The workshop's plan (minimal here; the plans issue extends it). */
export const plan = pgTable('plan', {
	id: text('id').primaryKey(),
	workshopId: text('workshop_id')
		.notNull()
		.unique()
		.references(() => workshop.id, { onDelete: 'cascade' }),
	/** A facilitator finalises the plan; later changes keep a history. */
	status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
	finalisedAt: timestamp('finalised_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const planItem = pgTable(
	'plan_item',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		function: text('function', { enum: FUNCTIONS }).notNull(),
		cost: bigint('cost', { mode: 'bigint' }),
		priorityRank: integer('priority_rank'),
		originKind: text('origin_kind', { enum: ['vote', 'board'] }).notNull(),
		originRoundId: text('origin_round_id'),
		originProposalId: text('origin_proposal_id'),
		votes: integer('votes'),
		targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
		location: text('location').notNull().default(''),
		participationLevel: text('participation_level'),
		/** Board origin: the board and what on it (cluster:<id>, note:<id>, canvas). */
		originBoardId: text('origin_board_id'),
		originRef: text('origin_ref'),
		/** Prototype iterations: 1, 2, 3 … each pointing to the one before. */
		iteration: integer('iteration').notNull().default(1),
		previousItemId: text('previous_item_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('plan_item_plan_idx').on(t.planId)]
);

/** An organisation's directory of partners (agencies, community groups, NGOs, CSR, academia). */
export const partner = pgTable(
	'partner',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
		contactName: text('contact_name').notNull().default(''),
		contact: text('contact').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('partner_org_idx').on(t.organisationId)]
);

export const planItemPartner = pgTable(
	'plan_item_partner',
	{
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		partnerId: text('partner_id')
			.notNull()
			.references(() => partner.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.itemId, t.partnerId] })]
);

/** A co-financing line: money (whole Rupiah) or an in-kind contribution. */
export const fundingLine = pgTable(
	'funding_line',
	{
		id: text('id').primaryKey(),
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		source: text('source', { enum: FUNDING_SOURCES }).notNull(),
		amount: bigint('amount', { mode: 'bigint' }),
		inKind: text('in_kind').notNull().default('')
	},
	(t) => [index('funding_item_idx').on(t.itemId)]
);

/** Changes to a plan item once the plan is final: who, when, what. */
export const planItemEvent = pgTable(
	'plan_item_event',
	{
		id: text('id').primaryKey(),
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('plan_item_event_item_idx').on(t.itemId)]
);

/** A delivery task: owned by a member or a partner, with a due date, status and progress. */
export const task = pgTable(
	'task',
	{
		id: text('id').primaryKey(),
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		ownerPartnerId: text('owner_partner_id').references(() => partner.id, { onDelete: 'set null' }),
		dueDate: date('due_date', { mode: 'string' }),
		status: text('status', { enum: TASK_STATUSES }).notNull().default('planned'),
		progress: integer('progress').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('task_item_idx').on(t.itemId)]
);

/** Comments and evidence on a task (text; a photo stored under DATA_DIR/uploads). */
export const taskNote = pgTable(
	'task_note',
	{
		id: text('id').primaryKey(),
		taskId: text('task_id')
			.notNull()
			.references(() => task.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: ['comment', 'evidence'] }).notNull(),
		text: text('text').notNull().default(''),
		photo: text('photo'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('task_note_task_idx').on(t.taskId)]
);
