import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from './roles';

/**
 * An organisation member's account. Participants never have one. Owned here, with the
 * organisations people belong to; the account use cases (sign-up, passwords) live in
 * `accounts`, above.
 */
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

export const organisation = pgTable('organisation', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** SHA-256 of the secret in the organisation's calendar (iCal) feed address. */
	icalTokenHash: text('ical_token_hash'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const membership = pgTable(
	'membership',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.userId] })]
);

/** A one-time invitation link; `id` is the SHA-256 of the token in the link. */
export const invitation = pgTable('invitation', {
	id: text('id').primaryKey(),
	organisationId: text('organisation_id')
		.notNull()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	role: text('role', { enum: ROLES }).notNull(),
	createdBy: text('created_by')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	used: boolean('used').notNull().default(false)
});

/**
 * A one-time password reset link. `owner`: an owner issued it for a member (no e-mail
 * server assumed), valid only while that organisation is the member's only one (checked
 * when issued and again when used; one without an organisation, made before this rule,
 * is refused). `email`: the person asked for it and it went to their own mailbox.
 */
export const passwordReset = pgTable('password_reset', {
	id: text('id').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'cascade' }),
	kind: text('kind', { enum: ['owner', 'email'] })
		.notNull()
		.default('owner'),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	used: boolean('used').notNull().default(false)
});
