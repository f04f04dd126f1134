/**
 * Optional e-mail recovery (on only with SMTP_URL and ORIGIN): a link the person asks for
 * reaches only their mailbox, so it works whatever organisations they belong to; every
 * reset is followed by a notice mail. Mails are captured instead of sent.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCredentials, resetPassword } from '$lib/accounts/accounts.server';
import { requestResetByEmail } from '$lib/accounts/mails.server';
import { acceptInvitation, createInvitation } from '$lib/orgs/orgs.server';
import { useMailTransport, type Mail } from '$lib/server/mail';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner } from './factories';
import { orgAccessFor } from '$lib/orgs/access.server';

useTestDatabase();

const sent: Mail[] = [];
let ipCounter = 0;
const freshIp = () => `192.0.2.${ipCounter++}`;
const saved = { SMTP_URL: process.env.SMTP_URL, ORIGIN: process.env.ORIGIN };

beforeAll(() => useMailTransport({ sendMail: async (mail) => void sent.push(mail) }));
afterAll(() => {
	useMailTransport(null);
	Object.assign(process.env, saved);
	if (!saved.SMTP_URL) delete process.env.SMTP_URL;
	if (!saved.ORIGIN) delete process.env.ORIGIN;
});

function enableMail(on: boolean) {
	if (on) Object.assign(process.env, { SMTP_URL: 'smtp://mail.test:25', ORIGIN: 'https://rembuk.example.id' });
	else {
		delete process.env.SMTP_URL;
		delete process.env.ORIGIN;
	}
}

describe('reset by e-mail', () => {
	it('is off without SMTP_URL and ORIGIN', async () => {
		enableMail(false);
		const { email } = await anOrganisationWithOwner();
		expect((await requestResetByEmail(email, freshIp())).ok).toBe(false);
		process.env.SMTP_URL = 'smtp://mail.test:25'; // SMTP alone is not enough: links need ORIGIN
		expect((await requestResetByEmail(email, freshIp())).ok).toBe(false);
		expect(sent).toHaveLength(0);
	});

	it('someone in two organisations resets by their own mailbox, and is told afterwards', async () => {
		enableMail(true);
		const a = await anOrganisationWithOwner('A');
		const b = await anOrganisationWithOwner('B');
		const person = await aMember(a.organisationId, a.owner.id, 'facilitator');
		await acceptInvitation(
			await createInvitation(await orgAccessFor(b.owner.id, b.organisationId, 'org.manageMembers'), 'member'),
			person.id
		);

		const ip = freshIp();
		// The same answer for an address without an account, and no mail.
		expect(await requestResetByEmail('nobody@test.id', ip)).toEqual({ ok: true });
		expect(await requestResetByEmail(person.email, ip)).toEqual({ ok: true });
		await vi.waitFor(() => expect(sent.filter((m) => m.to === person.email)).toHaveLength(1));
		expect(sent.some((m) => m.to === 'nobody@test.id')).toBe(false);
		const link = /https:\/\/rembuk\.example\.id\/reset\/([a-z0-9]+)/.exec(sent.at(-1)!.text);
		expect(link).not.toBeNull();
		expect((await resetPassword(link![1], 'from-my-mailbox-1')).ok).toBe(true);
		expect(await checkCredentials(person.email, 'from-my-mailbox-1')).not.toBeNull();
		const notice = sent.filter((m) => m.to === person.email).at(-1)!;
		expect(notice.subject).toMatch(/Your password was reset/);
	});

	it('at most three mails an hour per account, with the same answer', async () => {
		enableMail(true);
		const { email } = await anOrganisationWithOwner();
		for (let i = 0; i < 5; i++) expect(await requestResetByEmail(email, freshIp())).toEqual({ ok: true });
		await new Promise((r) => setTimeout(r, 50));
		expect(sent.filter((m) => m.to === email)).toHaveLength(3);
	});
});
