import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisation, user } from '../orgs/orgs.schema';
import { FUNCTIONS, KINDS, STATUSES } from './rules';
import { DEFAULT_TIME_ZONE, LANGUAGES, TIME_ZONES } from './zones';
import type { MinutesRecord } from './record';

export const workshop = pgTable(
	'workshop',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		purpose: text('purpose').notNull().default(''),
		kind: text('kind', { enum: KINDS }).notNull(),
		function: text('function', { enum: FUNCTIONS }).notNull(),
		date: date('date', { mode: 'string' }),
		kelurahan: text('kelurahan').notNull().default(''),
		kecamatan: text('kecamatan').notNull().default(''),
		status: text('status', { enum: STATUSES }).notNull().default('draft'),
		/** When it was last closed (null while not closed): the retention of personal data counts from here. */
		closedAt: timestamp('closed_at', { withTimezone: true }),
		joinCode: text('join_code').notNull().unique(),
		/** The self-declared groups participants choose from (keys of GROUPS). */
		groups: jsonb('groups').$type<string[]>().notNull(),
		/** The language its documents are written in, and the zone its times are told in. */
		language: text('language', { enum: LANGUAGES }).notNull().default('id'),
		timeZone: text('time_zone', { enum: TIME_ZONES }).notNull().default(DEFAULT_TIME_ZONE),
		/** Hours, leader, signatories and delegates for the berita acara (record.ts). */
		record: jsonb('record').$type<MinutesRecord>().notNull().default({}),
		/** Live state the facilitator drives ("follow me", the shared timer). */
		currentAgendaItemId: text('current_agenda_item_id'),
		currentBoardId: text('current_board_id'),
		timerEndsAt: timestamp('timer_ends_at', { withTimezone: true }),
		/** The conductor (control.ts): board, ballot, results, break or free; null is free. */
		conductor: jsonb('conductor').$type<{ kind: string; id?: string }>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('workshop_org_idx').on(t.organisationId)]
);

export const agendaItem = pgTable(
	'agenda_item',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		minutes: integer('minutes').notNull()
	},
	(t) => [index('agenda_workshop_idx').on(t.workshopId)]
);

/**
 * Someone present at a workshop. No e-mail or phone, ever; children have no name,
 * only a pseudonym. `assisted` marks people the facilitator added (no phone).
 */
export const participant = pgTable(
	'participant',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		displayName: text('display_name'),
		pseudonym: text('pseudonym').notNull(),
		groups: jsonb('groups').$type<string[]>().notNull(),
		assisted: boolean('assisted').notNull().default(false),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('participant_workshop_idx').on(t.workshopId)]
);
