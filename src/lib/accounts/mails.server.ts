/**
 * Optional password mails (only when mail is enabled, see $lib/server/mail): a reset
 * link the person asks for, which reaches only their own mailbox (so it is their own
 * confirmation, whatever organisations they belong to), and a notice after every reset.
 * Mails are in Indonesian and English: the app does not know the recipient's language.
 */
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { passwordReset, user } from '$lib/orgs/orgs.schema';
import { mailEnabled, mailOrigin, sendMail } from '$lib/server/mail';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { accountAndIp, resetMailByAccount, recoveryByIp } from '$lib/server/auth/rate-limit';

const MAIL_LINK_LIFETIME_MS = 60 * 60 * 1000;

const bilingual = (say: (locale: 'id' | 'en') => string) => `${say('id')}\n\n---\n\n${say('en')}`;

/**
 * Sends a one-hour reset link to the address, if it has an account. The answer is the
 * same whether it has one or not; per address every request counts, and an account gets
 * at most 3 mails an hour (no mail bombing). Outcome: ok, or 'sec_error_too_many'.
 */
export async function requestResetByEmail(email: string, ip: string) {
	if (!mailEnabled()) return { ok: false as const, error: 'error_invalid' };
	if ((await recoveryByIp.retryAfter(ip)) > 0) return { ok: false as const, error: 'sec_error_too_many' };
	await recoveryByIp.hit(ip);
	const address = email.toLowerCase();
	const [found] = await db.select({ id: user.id, email: user.email }).from(user).where(eq(user.email, address));
	const mailKey = accountAndIp(address, '*');
	if (!found || (await resetMailByAccount.retryAfter(mailKey)) > 0) return { ok: true as const };
	await resetMailByAccount.hit(mailKey);
	const token = generateToken();
	await db.insert(passwordReset).values({
		id: hashToken(token),
		userId: found.id,
		createdBy: found.id,
		kind: 'email',
		expiresAt: new Date(Date.now() + MAIL_LINK_LIFETIME_MS)
	});
	const link = `${mailOrigin()}/reset/${token}`;
	// Not awaited: how long the mail server takes must not tell who has an account.
	void sendMail({
		to: found.email,
		subject: `${m.sec_mail_reset_subject({}, { locale: 'id' })} / ${m.sec_mail_reset_subject({}, { locale: 'en' })}`,
		text: bilingual((locale) => m.sec_mail_reset_body({ link }, { locale }))
	});
	return { ok: true as const };
}

/** Tells the person their password was reset (by a link or their recovery code). */
export async function mailResetNotice(userId: string): Promise<void> {
	if (!mailEnabled()) return;
	const [found] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
	if (!found) return;
	const when = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
	await sendMail({
		to: found.email,
		subject: `${m.sec_mail_notice_subject({}, { locale: 'id' })} / ${m.sec_mail_notice_subject({}, { locale: 'en' })}`,
		text: bilingual((locale) => m.sec_mail_notice_body({ when }, { locale }))
	});
}
