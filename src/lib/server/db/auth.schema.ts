import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An organisation member's account. Participants never have one. */
export const user = pgTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** A one-time password reset link an owner issued for a member (no e-mail server assumed). */
export const passwordReset = pgTable('password_reset', {
	id: text('id').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	used: boolean('used').notNull().default(false)
});
