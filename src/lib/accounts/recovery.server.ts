/**
 * A person's own way back in, without an e-mail server: a recovery code only they hold.
 * They make it on their account page (it is shown once; only its SHA-256 is stored) and
 * use it at /recover with their e-mail address to set a new password. Using it replaces
 * it with a new one, shown once. This is the way for anyone who belongs to several
 * organisations: no single owner may reset their password (see issuePasswordReset).
 *
 * Every reset, by an owner's link or by a recovery code, leaves a notice the person sees
 * on their next visit, so a reset they did not ask for does not go unnoticed.
 */
import { and, eq } from 'drizzle-orm';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { db } from '$lib/server/db';
import { user } from '$lib/orgs/orgs.schema';
import { verifyPassword } from '$lib/server/auth/password';
import { hashToken, randomBytes } from '$lib/server/auth/tokens';
import {
	accountAndIp,
	longestWait,
	passwordChangeByUser,
	recoveryByAccountAndIp,
	recoveryByIp
} from '$lib/server/auth/rate-limit';
import { setPassword } from './accounts.server';

/** 20 characters of base32 (100 bits), in groups of five: ABCDE-FGHIJ-KLMNO-PQRST. */
export function generateRecoveryCode(): string {
	const raw = encodeBase32UpperCaseNoPadding(randomBytes(13)).slice(0, 20);
	return raw.match(/.{5}/g)!.join('-');
}

/** What the person typed, the way it was generated: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const hashCode = (code: string) => hashToken(normaliseRecoveryCode(code));

/**
 * Makes (or replaces) the person's recovery code; needs their current password, so a
 * stolen session alone cannot make one. Wrong passwords count against the same limit as
 * changing the password. Outcome: the code to show once, or an error key.
 */
export async function createRecoveryCode(userId: string, currentPassword: string) {
	const wait = await passwordChangeByUser.retryAfter(userId);
	if (wait > 0) return { ok: false as const, error: 'sec_error_too_many', retryMs: wait };
	const [found] = await db.select().from(user).where(eq(user.id, userId));
	if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) {
		await passwordChangeByUser.hit(userId);
		return { ok: false as const, error: 'error_wrong_password' };
	}
	const code = generateRecoveryCode();
	await db
		.update(user)
		.set({ recoveryCodeHash: hashCode(code), recoveryCodeCreatedAt: new Date() })
		.where(eq(user.id, userId));
	return { ok: true as const, code };
}

/** When the person's current recovery code was made, or null when they have none. */
export async function recoveryCodeCreatedAt(userId: string): Promise<Date | null> {
	const [row] = await db.select({ at: user.recoveryCodeCreatedAt }).from(user).where(eq(user.id, userId));
	return row?.at ?? null;
}

/**
 * Sets a new password with e-mail address and recovery code. Throttled per address and
 * per account and address; an unknown address and a wrong code answer the same.
 * Outcome: ok with the next recovery code (shown once), or an error key.
 */
export async function recoverAccount(input: { email: string; code: string; password: string }, ip: string) {
	const email = input.email.toLowerCase();
	const key = accountAndIp(email, ip);
	const wait = await longestWait([
		[recoveryByIp, ip],
		[recoveryByAccountAndIp, key]
	]);
	if (wait > 0) return { ok: false as const, error: 'sec_error_too_many', retryMs: wait };
	const oldHash = hashCode(input.code);
	const next = generateRecoveryCode();
	// Claim the code and replace it in one statement: it works once, even if sent twice at once.
	const [claimed] = await db
		.update(user)
		.set({ recoveryCodeHash: hashCode(next), recoveryCodeCreatedAt: new Date() })
		.where(and(eq(user.email, email), eq(user.recoveryCodeHash, oldHash)))
		.returning({ id: user.id });
	if (!claimed) {
		await Promise.all([recoveryByIp.hit(ip), recoveryByAccountAndIp.hit(key)]);
		return { ok: false as const, error: 'sec_error_recovery_wrong' };
	}
	await recoveryByAccountAndIp.reset(key);
	await setPassword(claimed.id, input.password, true);
	return { ok: true as const, code: next };
}

/** When the password was last reset, if the person has not yet acknowledged it. */
export async function pendingResetNotice(userId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: user.passwordResetAt, pending: user.passwordResetNoticePending })
		.from(user)
		.where(eq(user.id, userId));
	return row?.pending ? (row.at ?? null) : null;
}

export async function acknowledgeResetNotice(userId: string): Promise<void> {
	await db.update(user).set({ passwordResetNoticePending: false }).where(eq(user.id, userId));
}
