import {
	bigint,
	bigserial,
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { workshop } from '../workshops/workshops.schema';

/** Raw bytes (Yjs updates). Postgres and PGlite both hand back a Uint8Array-like value. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

/**
 * A board is one Y.Doc. Its content is `snapshot` plus the `board_update` rows after
 * it. `locked`, `hide_authors` and `moderation` are authoritative, so they live here and
 * reach clients only through the server-written control document.
 */
export const board = pgTable(
	'board',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		position: integer('position').notNull().default(0),
		locked: boolean('locked').notNull().default(false),
		hideAuthors: boolean('hide_authors').notNull().default(false),
		moderation: boolean('moderation').notNull().default(false),
		/** Open dot voting: dots each person may place (0: off). */
		dotsPerPerson: integer('dots_per_person').notNull().default(0),
		/** The co-design stage this board runs, if any (discovery, prototyping, evaluation). */
		stage: text('stage'),
		/** A prototype continued from an earlier plan item (its next iteration). */
		continuesPlanItemId: text('continues_plan_item_id'),
		snapshot: bytea('snapshot'),
		/** The snapshot before the last compaction: a fallback when `snapshot` cannot load. */
		previousSnapshot: bytea('previous_snapshot'),
		/** Set when loading had to set stored bytes aside (see `board_quarantine`). */
		recoveredAt: timestamp('recovered_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('board_workshop_idx').on(t.workshopId)]
);

/** An organisation's saved board layouts (frames and prompts); the defaults ship in code. */
export const boardTemplate = pgTable('board_template', {
	id: text('id').primaryKey(),
	organisationId: text('organisation_id').notNull(),
	title: text('title').notNull(),
	stage: text('stage'),
	frames: jsonb('frames').$type<unknown[]>().notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** The server document's updates since the snapshot, appended with write-behind. */
export const boardUpdate = pgTable(
	'board_update',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		data: bytea('data').notNull()
	},
	(t) => [index('board_update_board_idx').on(t.boardId, t.seq)]
);

/**
 * A participant's note waiting for the facilitator's approval (moderation on). The
 * note reaches the board document only when approved, written by the server.
 */
export const boardSubmission = pgTable(
	'board_submission',
	{
		// The note's own id, made by the phone: unique on its board (the key is both).
		id: text('id').notNull(),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').notNull(),
		authorName: text('author_name').notNull(),
		text: text('text').notNull(),
		colour: text('colour').notNull(),
		pictogram: text('pictogram'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.id] }), index('board_submission_board_idx').on(t.boardId)]
);

/**
 * Stored bytes a board could not load (a snapshot or log row that throws, or data whose
 * dependencies never arrived), kept aside for diagnosis when the board was recovered.
 */
export const boardQuarantine = pgTable(
	'board_quarantine',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		/** 'snapshot', 'update' (a log row) or 'pending' (data waiting for missing dependencies). */
		kind: text('kind').notNull(),
		/** The log row's sequence number, for updates. */
		seq: bigint('seq', { mode: 'number' }),
		reason: text('reason').notNull(),
		data: bytea('data').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('board_quarantine_board_idx').on(t.boardId)]
);
