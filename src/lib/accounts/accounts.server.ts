/** Use cases for member accounts: sign up, log in, change and reset a password. */
import { and, eq, gt, isNotNull, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership, organisation, passwordReset, user } from '$lib/orgs/orgs.schema';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { generateId, generateToken, hashToken } from '$lib/server/auth/tokens';
import { invalidateSession, invalidateUserSessions } from '$lib/sessions/sessions.server';
import { revokeConnections } from '$lib/server/realtime';
import { mailResetNotice } from './mails.server';
import type { OrgAccess } from '$lib/orgs/access.server';

export type User = typeof user.$inferSelect;

const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Creates an account. Outcome: the user, or 'email_taken'. */
export async function createUser(input: { name: string; email: string; password: string }) {
	const passwordHash = await hashPassword(input.password);
	const id = generateId();
	const rows = await db
		.insert(user)
		.values({ id, name: input.name, email: input.email.toLowerCase(), passwordHash })
		.onConflictDoNothing({ target: user.email })
		.returning();
	return rows[0] ? { ok: true as const, user: rows[0] } : { ok: false as const, error: 'error_email_taken' };
}

/** Sign-up: a person and the organisation they start, with them as its owner, all or nothing. */
export async function signUp(input: { name: string; email: string; password: string; organisationName: string }) {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(user)
			.values({ id: generateId(), name: input.name, email: input.email.toLowerCase(), passwordHash })
			.onConflictDoNothing({ target: user.email })
			.returning();
		if (!created) return { ok: false as const, error: 'error_email_taken' };
		const orgId = generateId();
		await tx.insert(organisation).values({ id: orgId, name: input.organisationName });
		await tx.insert(membership).values({ organisationId: orgId, userId: created.id, role: 'owner' });
		return { ok: true as const, user: created, organisationId: orgId };
	});
}

/** Outcome: the user when e-mail and password match, otherwise null (never says which was wrong). */
export async function checkCredentials(email: string, password: string): Promise<User | null> {
	const [found] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
	if (!found) {
		// Spend the same time as a real check so response time does not reveal accounts.
		await verifyPassword(await dummyHash(), password);
		return null;
	}
	return (await verifyPassword(found.passwordHash, password)) ? found : null;
}
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'));

/** Changes a password and signs the person out everywhere. Outcome: ok, or 'error_wrong_password'. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
	const [found] = await db.select().from(user).where(eq(user.id, userId));
	if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) {
		return { ok: false as const, error: 'error_wrong_password' };
	}
	await setPassword(userId, newPassword);
	return { ok: true as const };
}

/**
 * Sets a password, signs the person out everywhere and kills every outstanding reset link
 * (one used link or a changed password leaves no other way in). `viaReset`: set by a
 * link or a recovery code, so the person is told on their next visit.
 */
export async function setPassword(userId: string, password: string, viaReset = false) {
	const notice = viaReset ? { passwordResetAt: new Date(), passwordResetNoticePending: true } : {};
	await db
		.update(user)
		.set({ passwordHash: await hashPassword(password), ...notice })
		.where(eq(user.id, userId));
	await db
		.update(passwordReset)
		.set({ used: true })
		.where(and(eq(passwordReset.userId, userId), eq(passwordReset.used, false)));
	await invalidateUserSessions(userId);
	revokeConnections({ userId }, 'signed-out'); // open board sockets too
	if (viaReset) await mailResetNotice(userId);
}

/** Logs out one browser: its session, and any board socket it holds open. */
export async function signOut(sessionId: string): Promise<void> {
	await invalidateSession(sessionId);
	revokeConnections({ sessionId }, 'signed-out');
}

/**
 * The organisation an owner-issued link may act for: the person's only one. Someone in
 * several organisations holds things no single owner may reach, so only they can reset
 * their password (with their recovery code).
 */
async function soleOrganisationOf(userId: string): Promise<string | null> {
	const rows = await db
		.select({ organisationId: membership.organisationId })
		.from(membership)
		.where(eq(membership.userId, userId));
	return rows.length === 1 ? rows[0].organisationId : null;
}

async function isOwnerOf(userId: string, organisationId: string): Promise<boolean> {
	const [row] = await db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.organisationId, organisationId)));
	return row?.role === 'owner';
}

/**
 * An owner issues a one-time reset link for a member of their organisation (no e-mail
 * server is assumed; the owner passes the link on). Refused ('sec_error_reset_other_orgs')
 * when that organisation is not the member's only one.
 */
export async function issuePasswordReset(access: OrgAccess<'org.manageMembers'>, userId: string) {
	const organisationId = access.organisation.id;
	const createdBy = access.userId;
	if ((await soleOrganisationOf(userId)) !== organisationId)
		return { ok: false as const, error: 'sec_error_reset_other_orgs' };
	const token = generateToken();
	await db.insert(passwordReset).values({
		id: hashToken(token),
		userId,
		createdBy,
		organisationId,
		expiresAt: new Date(Date.now() + RESET_LIFETIME_MS)
	});
	return { ok: true as const, token };
}

export async function findPasswordReset(token: string) {
	const [row] = await db
		.select({ id: passwordReset.id, userId: passwordReset.userId, email: user.email })
		.from(passwordReset)
		.innerJoin(user, eq(user.id, passwordReset.userId))
		.where(
			and(
				eq(passwordReset.id, hashToken(token)),
				eq(passwordReset.used, false),
				gt(passwordReset.expiresAt, new Date()),
				or(isNotNull(passwordReset.organisationId), eq(passwordReset.kind, 'email'))
			)
		);
	return row ?? null;
}

/**
 * Uses a reset link once. Outcome: ok (all sessions and other links ended), or
 * 'error_link_invalid' — also when, since an owner made the link, the person joined
 * another organisation or its issuer is no longer that organisation's owner.
 */
export async function resetPassword(token: string, password: string) {
	const claimed = await db
		.update(passwordReset)
		.set({ used: true })
		.where(
			and(
				eq(passwordReset.id, hashToken(token)),
				eq(passwordReset.used, false),
				gt(passwordReset.expiresAt, new Date())
			)
		)
		.returning({
			userId: passwordReset.userId,
			createdBy: passwordReset.createdBy,
			organisationId: passwordReset.organisationId,
			kind: passwordReset.kind
		});
	const link = claimed[0];
	if (!link) return { ok: false as const, error: 'error_link_invalid' };
	// A link the person had mailed to themselves is their own confirmation; an owner's
	// link holds only while that owner's organisation is the person's only one.
	if (link.kind !== 'email') {
		if (!link.organisationId) return { ok: false as const, error: 'error_link_invalid' };
		const stillSole = (await soleOrganisationOf(link.userId)) === link.organisationId;
		if (!stillSole || !(await isOwnerOf(link.createdBy, link.organisationId)))
			return { ok: false as const, error: 'error_link_invalid' };
	}
	await setPassword(link.userId, password, true);
	return { ok: true as const, userId: link.userId };
}
