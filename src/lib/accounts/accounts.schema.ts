import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An organisation member's account. Participants never have one. */
export const user = pgTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	/** SHA-256 of the person's own recovery code (shown to them once); null: none made yet. */
	recoveryCodeHash: text('recovery_code_hash'),
	recoveryCodeCreatedAt: timestamp('recovery_code_created_at', { withTimezone: true }),
	/** When a reset link or the recovery code last set the password; the person is told on their next visit. */
	passwordResetAt: timestamp('password_reset_at', { withTimezone: true }),
	passwordResetNoticePending: boolean('password_reset_notice_pending').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
