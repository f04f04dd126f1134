import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisation } from '../orgs/orgs.schema';
import { participant, workshop } from '../workshops/workshops.schema';
import { board } from '../boards/boards.schema';

/**
 * An organisation's safeguarding settings: how long personal data of a closed workshop
 * is kept (`retention_days`), and the referral guidance shown with private notes
 * (null: the default text naming SAPA 129 and the UPTD PPA).
 */
export const orgSafeguarding = pgTable('org_safeguarding', {
	organisationId: text('organisation_id')
		.primaryKey()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	retentionDays: integer('retention_days').notNull().default(90),
	referralGuidance: text('referral_guidance')
});

/**
 * Per workshop: the disclosure watch words (null: the defaults), the count of guardian
 * consent forms collected on paper, and when its personal data was anonymised
 * (retention counts from `workshop.closed_at`).
 */
export const workshopSafeguarding = pgTable('workshop_safeguarding', {
	workshopId: text('workshop_id')
		.primaryKey()
		.references(() => workshop.id, { onDelete: 'cascade' }),
	watchwords: jsonb('watchwords').$type<string[]>(),
	guardianConsents: integer('guardian_consents'),
	anonymisedAt: timestamp('anonymised_at', { withTimezone: true })
});

/**
 * The original text of a note whose personal details were masked before it reached
 * the board document. Only the facilitator's moderation view reads it; retention
 * deletes it.
 */
export const noteOriginal = pgTable(
	'note_original',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		noteId: text('note_id').notNull(),
		text: text('text').notNull(),
		kinds: jsonb('kinds').$type<string[]>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.noteId] })]
);

/**
 * A note only the facilitators see: sent privately ("hanya untuk fasilitator") or moved
 * off the wall. Not a case record: the note and nothing more; a facilitator deletes it.
 */
export const privateNote = pgTable(
	'private_note',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		boardId: text('board_id').references(() => board.id, { onDelete: 'set null' }),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		origin: text('origin', { enum: ['private', 'moved'] }).notNull(),
		text: text('text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('private_note_workshop_idx').on(t.workshopId)]
);

/** A child's "I need help": who (the pseudonym, through the participant) and when; no content. */
export const helpRequest = pgTable(
	'help_request',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		seenAt: timestamp('seen_at', { withTimezone: true })
	},
	(t) => [index('help_request_workshop_idx').on(t.workshopId)]
);
