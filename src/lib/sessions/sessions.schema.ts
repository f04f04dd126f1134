import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../orgs/orgs.schema';
import { participant } from '../workshops/workshops.schema';

/**
 * One row per signed-in browser. `id` is the SHA-256 of the cookie's token, so a
 * leaked table cannot be replayed. A session belongs to a member (`user_id`) or to a
 * participant of one workshop (`participant_id`), never both.
 */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: ['member', 'participant'] }).notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').references(() => participant.id, {
			onDelete: 'cascade'
		}),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
