import { boolean, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisation, user } from '../orgs/orgs.schema';
import { workshop } from '../workshops/workshops.schema';
import { planItem } from '../plans/plans.schema';
import { FUNCTIONS, STATUSES } from '../workshops/rules';

/**
 * An IKM satisfaction survey (PermenPAN-RB 14/2017, docs/ikm.md) about one service of an
 * organisation, optionally tied to a function of shelter work, a plan item and a workshop.
 * Respondents answer at /s/<code> (no account); facilitators enter paper questionnaires.
 */
export const ikmSurvey = pgTable(
	'ikm_survey',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** The service asked about (free text). */
		title: text('title').notNull(),
		function: text('function', { enum: FUNCTIONS }),
		planItemId: text('plan_item_id').references(() => planItem.id, { onDelete: 'set null' }),
		workshopId: text('workshop_id').references(() => workshop.id, { onDelete: 'set null' }),
		/** The public code in the respondents' link and QR code (/s/<code>). */
		code: text('code').notNull().unique(),
		/** Whether respondents are asked which groups they belong to, and which groups are offered. */
		askGroups: boolean('ask_groups').notNull().default(false),
		groups: jsonb('groups').$type<string[]>().notNull().default([]),
		status: text('status', { enum: STATUSES }).notNull().default('draft'),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('ikm_survey_org_idx').on(t.organisationId)]
);

/**
 * One respondent's answers: U1..U9 on the 1-4 scale (null: not answered). No personal data:
 * `respondent` is a SHA-256 of the survey and the browser's random respondent token (or its
 * participant session), so one browser has one response per survey and cannot be linked
 * across surveys; paper questionnaires have none.
 */
export const ikmResponse = pgTable(
	'ikm_response',
	{
		id: text('id').primaryKey(),
		surveyId: text('survey_id')
			.notNull()
			.references(() => ikmSurvey.id, { onDelete: 'cascade' }),
		respondent: text('respondent'),
		channel: text('channel', { enum: ['phone', 'paper'] }).notNull(),
		u1: smallint('u1'),
		u2: smallint('u2'),
		u3: smallint('u3'),
		u4: smallint('u4'),
		u5: smallint('u5'),
		u6: smallint('u6'),
		u7: smallint('u7'),
		u8: smallint('u8'),
		u9: smallint('u9'),
		comment: text('comment').notNull().default(''),
		groups: jsonb('groups').$type<string[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('ikm_response_respondent_idx').on(t.surveyId, t.respondent)]
);
