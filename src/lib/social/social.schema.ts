import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { organisation, user } from '../orgs/orgs.schema';
import { participant, workshop } from '../workshops/workshops.schema';
import { fundingLine, partner, planItem } from '../plans/plans.schema';
import { PARTICIPATION_LEVELS } from '../plans/rules';
import { AGREEMENT_TOPICS, ASSET_KINDS, PLEDGE_STATUSES, PULSE_PHASES, type PulseResult } from './rules';

/** A working agreement (a norm) of an organisation: how we decide, refer, answer. Its text lives in versions. */
export const workingAgreement = pgTable(
	'working_agreement',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		topic: text('topic', { enum: AGREEMENT_TOPICS }).notNull(),
		/** Set when the organisation no longer holds to it (history kept). */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('working_agreement_org_idx').on(t.organisationId)]
);

/** Editing an agreement writes a new version; the highest is the one in force. */
export const agreementVersion = pgTable(
	'agreement_version',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => workingAgreement.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('agreement_version_number').on(t.agreementId, t.version)]
);

/**
 * A participant endorsed one version (from their phone, in a workshop). Only counted, never
 * shown by name: the key makes it once per participant per version.
 */
export const agreementEndorsement = pgTable(
	'agreement_endorsement',
	{
		versionId: text('version_id')
			.notNull()
			.references(() => agreementVersion.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.versionId, t.participantId] }), index('endorsement_workshop_idx').on(t.workshopId)]
);

/** "Reviewed" marks (co-assessment review): which version, when, by whom, with a note. */
export const agreementReview = pgTable(
	'agreement_review',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => workingAgreement.id, { onDelete: 'cascade' }),
		versionId: text('version_id')
			.notNull()
			.references(() => agreementVersion.id, { onDelete: 'cascade' }),
		note: text('note').notNull().default(''),
		reviewerId: text('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('agreement_review_agreement_idx').on(t.agreementId)]
);

/** A trust pulse at the start or end of a workshop; `result` is frozen when it closes. */
export const trustPulse = pgTable(
	'trust_pulse',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		phase: text('phase', { enum: PULSE_PHASES }).notNull(),
		status: text('status', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		statements: jsonb('statements').$type<string[]>().notNull(),
		result: jsonb('result').$type<PulseResult>(),
		openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [unique('trust_pulse_phase').on(t.workshopId, t.phase)]
);

/**
 * One answer set. While the pulse is open `holder` is the participant (so they may replace
 * it); closing freezes the result, then rewrites every row without holder, in a random
 * order with new ids, so no row can be tied back to a participant afterwards.
 */
export const pulseAnswer = pgTable(
	'pulse_answer',
	{
		id: text('id').primaryKey(),
		pulseId: text('pulse_id')
			.notNull()
			.references(() => trustPulse.id, { onDelete: 'cascade' }),
		holder: text('holder'),
		scores: jsonb('scores').$type<Record<string, number>>().notNull()
	},
	(t) => [unique('pulse_answer_holder').on(t.pulseId, t.holder), index('pulse_answer_pulse_idx').on(t.pulseId)]
);

/** What the community can bring: time, skills, places, materials, money (whole Rupiah). */
export const communityAsset = pgTable(
	'community_asset',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** Recorded in this workshop (from a phone or by a member), if any. */
		workshopId: text('workshop_id').references(() => workshop.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: ASSET_KINDS }).notNull(),
		description: text('description').notNull(),
		quantity: text('quantity').notNull().default(''),
		amount: bigint('amount', { mode: 'bigint' }),
		location: text('location').notNull().default(''),
		/** By whom: a group or a partner, never a person's name by default. */
		byGroup: text('by_group').notNull().default(''),
		partnerId: text('partner_id').references(() => partner.id, { onDelete: 'set null' }),
		source: text('source', { enum: ['phone', 'member'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('community_asset_org_idx').on(t.organisationId)]
);

/** An asset pledged to a plan item: it becomes a swadaya co-financing line, followed in delivery. */
export const assetPledge = pgTable(
	'asset_pledge',
	{
		id: text('id').primaryKey(),
		assetId: text('asset_id')
			.notNull()
			.references(() => communityAsset.id, { onDelete: 'cascade' }),
		itemId: text('item_id')
			.notNull()
			.references(() => planItem.id, { onDelete: 'cascade' }),
		fundingLineId: text('funding_line_id').references(() => fundingLine.id, { onDelete: 'set null' }),
		status: text('status', { enum: PLEDGE_STATUSES }).notNull().default('pledged'),
		note: text('note').notNull().default(''),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('asset_pledge_item_idx').on(t.itemId), index('asset_pledge_asset_idx').on(t.assetId)]
);

/** A facilitator confirmed the participation level of a workshop or a plan item, with the evidence. */
export const participationConfirmation = pgTable(
	'participation_confirmation',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		/** Null: the workshop itself. */
		itemId: text('item_id').references(() => planItem.id, { onDelete: 'cascade' }),
		level: text('level', { enum: PARTICIPATION_LEVELS }).notNull(),
		suggested: text('suggested', { enum: PARTICIPATION_LEVELS }).notNull(),
		evidence: jsonb('evidence').$type<{ kind: string; count: number }[]>().notNull(),
		confirmedBy: text('confirmed_by').references(() => user.id, { onDelete: 'set null' }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('participation_workshop_idx').on(t.workshopId)]
);
