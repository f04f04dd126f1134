import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../orgs/orgs.schema';
import { participant } from '../workshops/workshops.schema';
import { board } from './boards.schema';

/**
 * Who wrote a board note. Recorded by the server, never read from the board document:
 * the document every device downloads carries no author, so "hide authors" and
 * children's pseudonyms cannot leak from it. The name is joined from `user` or
 * `participant` when a member's page asks, so a removed person's name goes with them.
 * `child` is kept at write time: children's pseudonyms are never shown to the room.
 */
export const noteAuthor = pgTable(
	'note_author',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		noteId: text('note_id').notNull(),
		kind: text('kind', { enum: ['member', 'participant'] }).notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		child: boolean('child').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.noteId] })]
);

/**
 * Open dot voting, per person: the document holds only each note's total, so no
 * device learns whose dots they are. `voter` is `member` or `participant` plus its id.
 */
export const boardDot = pgTable(
	'board_dot',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		noteId: text('note_id').notNull(),
		voterKind: text('voter_kind', { enum: ['member', 'participant'] }).notNull(),
		voterId: text('voter_id').notNull(),
		count: integer('count').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.boardId, t.noteId, t.voterKind, t.voterId] }),
		index('board_dot_voter_idx').on(t.boardId, t.voterKind, t.voterId)
	]
);

/** Reactions, per person (a toggle); the document holds only the counts per note and emoji. */
export const boardReaction = pgTable(
	'board_reaction',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		noteId: text('note_id').notNull(),
		emoji: text('emoji').notNull(),
		reactorKind: text('reactor_kind', { enum: ['member', 'participant'] }).notNull(),
		reactorId: text('reactor_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.noteId, t.emoji, t.reactorKind, t.reactorId] })]
);
