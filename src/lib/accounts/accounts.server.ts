/** Use cases for member accounts: sign up, log in, change and reset a password. */
import { and, eq, gt } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership, organisation, passwordReset, user } from '$lib/server/db/schema';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { generateId, generateToken, hashToken } from '$lib/server/auth/tokens';
import { invalidateSession, invalidateUserSessions } from '$lib/server/auth/session';
import { revokeConnections } from '$lib/server/realtime';

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

async function setPassword(userId: string, password: string) {
	await db.update(user).set({ passwordHash: await hashPassword(password) }).where(eq(user.id, userId));
	await invalidateUserSessions(userId);
	revokeConnections({ userId }, 'signed-out'); // open board sockets too
}

/** Logs out one browser: its session, and any board socket it holds open. */
export async function signOut(sessionId: string): Promise<void> {
	await invalidateSession(sessionId);
	revokeConnections({ sessionId }, 'signed-out');
}

/**
 * An owner issues a one-time reset link for a member of their organisation (no e-mail
 * server is assumed; the owner passes the link on). The caller checks the owner's role.
 */
export async function issuePasswordReset(createdBy: string, userId: string): Promise<string> {
	const token = generateToken();
	await db.insert(passwordReset).values({
		id: hashToken(token),
		userId,
		createdBy,
		expiresAt: new Date(Date.now() + RESET_LIFETIME_MS)
	});
	return token;
}

export async function findPasswordReset(token: string) {
	const [row] = await db
		.select({ id: passwordReset.id, userId: passwordReset.userId, email: user.email })
		.from(passwordReset)
		.innerJoin(user, eq(user.id, passwordReset.userId))
		.where(and(eq(passwordReset.id, hashToken(token)), eq(passwordReset.used, false), gt(passwordReset.expiresAt, new Date())));
	return row ?? null;
}

/** Uses a reset link once. Outcome: ok (all sessions ended), or 'error_link_invalid'. */
export async function resetPassword(token: string, password: string) {
	const claimed = await db
		.update(passwordReset)
		.set({ used: true })
		.where(and(eq(passwordReset.id, hashToken(token)), eq(passwordReset.used, false), gt(passwordReset.expiresAt, new Date())))
		.returning({ userId: passwordReset.userId });
	if (!claimed[0]) return { ok: false as const, error: 'error_link_invalid' };
	await setPassword(claimed[0].userId, password);
	return { ok: true as const, userId: claimed[0].userId };
}
