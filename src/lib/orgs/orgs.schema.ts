import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../accounts/accounts.schema';
import { ROLES } from './roles';

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
