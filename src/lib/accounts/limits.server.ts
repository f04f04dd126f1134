/**
 * The account flows an attacker would repeat, each behind its rate limits (see
 * $lib/server/auth/rate-limit): logging in, changing a password, signing up.
 */
import {
	accountAndIp,
	longestWait,
	loginByAccountAndIp,
	loginByIp,
	passwordChangeByUser,
	signUpByIp
} from '$lib/server/auth/rate-limit';
import { changePassword, checkCredentials, signUp } from './accounts.server';

/**
 * Logs in from address `ip`. Failures count per address and per account *and* address
 * (with a growing delay), never per account alone: guessing from one address cannot lock
 * the owner out from theirs. Outcome: the user, 'error_login', or 'error_too_many_attempts'.
 */
export async function logIn(email: string, password: string, ip: string) {
	const key = accountAndIp(email, ip);
	const wait = await longestWait([
		[loginByIp, ip],
		[loginByAccountAndIp, key]
	]);
	if (wait > 0) return { ok: false as const, error: 'error_too_many_attempts', retryMs: wait };
	const found = await checkCredentials(email, password);
	if (!found) {
		await Promise.all([loginByIp.hit(ip), loginByAccountAndIp.hit(key)]);
		return { ok: false as const, error: 'error_login' };
	}
	await loginByAccountAndIp.reset(key);
	return { ok: true as const, user: found };
}

/** Changing one's password: 5 wrong current passwords per person every 15 minutes. */
export async function changePasswordLimited(userId: string, currentPassword: string, newPassword: string) {
	const wait = await passwordChangeByUser.retryAfter(userId);
	if (wait > 0) return { ok: false as const, error: 'sec_error_too_many', retryMs: wait };
	const result = await changePassword(userId, currentPassword, newPassword);
	if (!result.ok) await passwordChangeByUser.hit(userId);
	return result;
}

/**
 * Sign-up from address `ip`: every attempt counts (30 an hour). A taken address gets the
 * same general answer as any refused sign-up, never "this e-mail is registered".
 * (Without an e-mail server a refused sign-up still differs from a successful one, which
 * signs in at once; the limit is what keeps probing for addresses slow.)
 */
export async function signUpLimited(input: Parameters<typeof signUp>[0], ip: string) {
	const wait = await signUpByIp.retryAfter(ip);
	if (wait > 0) return { ok: false as const, error: 'sec_error_signup_too_many', retryMs: wait };
	await signUpByIp.hit(ip);
	const result = await signUp(input);
	return result.ok ? result : { ok: false as const, error: 'sec_error_signup_failed' };
}
