/**
 * Optional e-mail (nodemailer), for password recovery only. On when both `SMTP_URL`
 * (e.g. smtps://user:pass@mail.example.id) and `ORIGIN` are set: links in a mail must
 * carry the configured public address, never one taken from a request's Host header,
 * which a client can choose. Off (the default, and in venue mode), the app never mails.
 */
import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
type Transport = { sendMail(mail: Mail & { from: string }): Promise<unknown> };

let transport: Transport | null = null;

export function mailEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.SMTP_URL && env.ORIGIN);
}

/** The public origin links in mails point to (only meaningful when mail is enabled). */
export function mailOrigin(): string {
	return new URL(process.env.ORIGIN!).origin;
}

/** Sends one mail; false when mail is off. Failures are logged, never shown to the asker. */
export async function sendMail(mail: Mail): Promise<boolean> {
	if (!mailEnabled()) return false;
	transport ??= nodemailer.createTransport(process.env.SMTP_URL!) as Transport;
	try {
		await transport.sendMail({
			from: process.env.MAIL_FROM || `Ruang Rembuk <no-reply@${new URL(mailOrigin()).hostname}>`,
			...mail
		});
		return true;
	} catch (e) {
		console.error('mail not sent:', e instanceof Error ? e.message : e);
		return false;
	}
}

/** Tests: capture mails instead of sending them. */
export function useMailTransport(t: Transport | null): void {
	transport = t;
}
