/**
 * Account security: no owner reaches what a person holds in another organisation, every
 * reset is noticed, one reset ends all other links, and the account flows are throttled
 * without letting an attacker lock the owner out.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { passwordReset } from '../../src/lib/orgs/orgs.schema';
import * as auth from '$lib/sessions/sessions.server';
import {
	changePassword,
	checkCredentials,
	findPasswordReset,
	issuePasswordReset,
	resetPassword
} from '$lib/accounts/accounts.server';
import { changePasswordLimited, logIn, signUpLimited } from '$lib/accounts/limits.server';
import {
	acknowledgeResetNotice,
	createRecoveryCode,
	pendingResetNotice,
	recoverAccount
} from '$lib/accounts/recovery.server';
import { acceptInvitation, changeRole, createInvitation } from '$lib/orgs/orgs.server';
import { SIGN_UPS_PER_HOUR } from '$lib/server/auth/rate-limit';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, asOrgOwner } from './factories';
import { orgAccessFor } from '$lib/orgs/access.server';

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `198.51.100.${ipCounter++}`;

/** A facilitator of organisation A who also accepted an invitation from organisation B. */
async function aPersonInTwoOrganisations() {
	const a = await anOrganisationWithOwner('Organisasi A');
	const b = await anOrganisationWithOwner('Organisasi B');
	const person = await aMember(a.organisationId, a.owner.id, 'facilitator');
	const accepted = await acceptInvitation(
		await createInvitation(await orgAccessFor(b.owner.id, b.organisationId, 'org.manageMembers'), 'member'),
		person.id
	);
	if (!accepted.ok) throw new Error(accepted.error);
	return { a, b, person };
}

describe('owner reset links (item 1)', () => {
	it('the owner of B cannot issue a reset link for someone who is also in A', async () => {
		const { a, b, person } = await aPersonInTwoOrganisations();
		const issued = await issuePasswordReset(
			await orgAccessFor(b.owner.id, b.organisationId, 'org.manageMembers'),
			person.id
		);
		expect(issued).toEqual({ ok: false, error: 'sec_error_reset_other_orgs' });
		expect(await db.select().from(passwordReset).where(eq(passwordReset.userId, person.id))).toHaveLength(0);
		// Nor can A's owner: the person holds things in B too.
		expect(
			(await issuePasswordReset(await orgAccessFor(a.owner.id, a.organisationId, 'org.manageMembers'), person.id)).ok
		).toBe(false);
	});

	it('a link issued while the person had one organisation dies when they join another', async () => {
		const b = await anOrganisationWithOwner('Organisasi B');
		const person = await aMember(b.organisationId, b.owner.id, 'member');
		const issued = await issuePasswordReset(
			await orgAccessFor(b.owner.id, b.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!issued.ok) throw new Error(issued.error);
		const a = await anOrganisationWithOwner('Organisasi A');
		await acceptInvitation(
			await createInvitation(await orgAccessFor(a.owner.id, a.organisationId, 'org.manageMembers'), 'facilitator'),
			person.id
		);
		expect(await resetPassword(issued.token, 'taken-over-123')).toEqual({ ok: false, error: 'error_link_invalid' });
		expect(await checkCredentials(person.email, 'taken-over-123')).toBeNull();
		expect(await checkCredentials(person.email, 'password-123')).not.toBeNull();
	});

	it('a link dies when its issuer is no longer an owner of that organisation', async () => {
		const org = await anOrganisationWithOwner();
		const secondOwner = await aMember(org.organisationId, org.owner.id, 'owner');
		const person = await aMember(org.organisationId, org.owner.id, 'member');
		const issued = await issuePasswordReset(
			await orgAccessFor(secondOwner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!issued.ok) throw new Error(issued.error);
		expect(
			(await changeRole(await asOrgOwner(org.organisationId, 'org.manageMembers'), secondOwner.id, 'observer')).ok
		).toBe(true);
		expect(await resetPassword(issued.token, 'new-password-77')).toEqual({ ok: false, error: 'error_link_invalid' });
	});

	it('a link without an organisation (made before the rule) is refused', async () => {
		const org = await anOrganisationWithOwner();
		const person = await aMember(org.organisationId, org.owner.id, 'member');
		const issued = await issuePasswordReset(
			await orgAccessFor(org.owner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!issued.ok) throw new Error(issued.error);
		await db.update(passwordReset).set({ organisationId: null }).where(eq(passwordReset.userId, person.id));
		expect(await findPasswordReset(issued.token)).toBeNull();
		expect((await resetPassword(issued.token, 'new-password-77')).ok).toBe(false);
	});

	it('someone in one organisation is still helped by its owner, and is told on the next login', async () => {
		const org = await anOrganisationWithOwner();
		const person = await aMember(org.organisationId, org.owner.id, 'facilitator');
		expect(await pendingResetNotice(person.id)).toBeNull();
		const issued = await issuePasswordReset(
			await orgAccessFor(org.owner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!issued.ok) throw new Error(issued.error);
		expect((await resetPassword(issued.token, 'fresh-password-9')).ok).toBe(true);
		const login = await logIn(person.email, 'fresh-password-9', freshIp());
		expect(login.ok && login.user.passwordResetNoticePending).toBe(true);
		expect(await pendingResetNotice(person.id)).toBeInstanceOf(Date);
		await acknowledgeResetNotice(person.id);
		expect(await pendingResetNotice(person.id)).toBeNull();
	});
});

describe('recovery code (item 1: the person in several organisations resets it themselves)', () => {
	it('needs the current password to make, works once, and replaces itself', async () => {
		const { person } = await aPersonInTwoOrganisations();
		expect(await createRecoveryCode(person.id, 'wrong-password')).toEqual({ ok: false, error: 'error_wrong_password' });
		const made = await createRecoveryCode(person.id, 'password-123');
		if (!made.ok) throw new Error(made.error);
		expect(made.code).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
		const session = auth.generateSessionToken();
		await auth.createSession(session, { userId: person.id });
		const ip = freshIp();

		expect(
			await recoverAccount({ email: person.email, code: 'AAAAA-AAAAA-AAAAA-AAAAA', password: 'mine-again-1' }, ip)
		).toEqual({ ok: false, error: 'sec_error_recovery_wrong' });
		expect(await recoverAccount({ email: 'nobody@test.id', code: made.code, password: 'mine-again-1' }, ip)).toEqual({
			ok: false,
			error: 'sec_error_recovery_wrong'
		});
		const typed = made.code.toLowerCase().replaceAll('-', ' ');
		const recovered = await recoverAccount(
			{ email: person.email.toUpperCase(), code: typed, password: 'mine-again-1' },
			ip
		);
		if (!recovered.ok) throw new Error(recovered.error);
		expect(recovered.code).not.toBe(made.code);
		expect(await checkCredentials(person.email, 'mine-again-1')).not.toBeNull();
		expect(await auth.validateMemberSession(session)).toBeNull();
		expect(await pendingResetNotice(person.id)).toBeInstanceOf(Date);
		expect((await recoverAccount({ email: person.email, code: made.code, password: 'again-2-again' }, ip)).ok).toBe(
			false
		);
		expect(
			(await recoverAccount({ email: person.email, code: recovered.code, password: 'again-2-again' }, ip)).ok
		).toBe(true);
	});

	it('wrong codes are throttled per address', async () => {
		const { person } = await aPersonInTwoOrganisations();
		const made = await createRecoveryCode(person.id, 'password-123');
		if (!made.ok) throw new Error(made.error);
		const ip = freshIp();
		for (let i = 0; i < 5; i++)
			await recoverAccount({ email: person.email, code: `WRONG${i}`, password: 'x-password-1' }, ip);
		expect(await recoverAccount({ email: person.email, code: made.code, password: 'x-password-1' }, ip)).toMatchObject({
			ok: false,
			error: 'sec_error_too_many'
		});
		expect(
			(await recoverAccount({ email: person.email, code: made.code, password: 'x-password-1' }, freshIp())).ok
		).toBe(true);
	});
});

describe('one reset ends all other links (item 12)', () => {
	it('using one reset link kills every other outstanding link', async () => {
		const org = await anOrganisationWithOwner();
		const person = await aMember(org.organisationId, org.owner.id, 'member');
		const first = await issuePasswordReset(
			await orgAccessFor(org.owner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		const second = await issuePasswordReset(
			await orgAccessFor(org.owner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!first.ok || !second.ok) throw new Error('setup');
		expect((await resetPassword(first.token, 'fresh-password-9')).ok).toBe(true);
		expect(await findPasswordReset(second.token)).toBeNull();
		expect(await resetPassword(second.token, 'attacker-pass-1')).toEqual({ ok: false, error: 'error_link_invalid' });
	});

	it('changing the password kills every outstanding link', async () => {
		const org = await anOrganisationWithOwner();
		const person = await aMember(org.organisationId, org.owner.id, 'member');
		const link = await issuePasswordReset(
			await orgAccessFor(org.owner.id, org.organisationId, 'org.manageMembers'),
			person.id
		);
		if (!link.ok) throw new Error('setup');
		expect(await changePassword(person.id, 'password-123', 'changed-pass-1')).toEqual({ ok: true });
		expect(await resetPassword(link.token, 'attacker-pass-1')).toEqual({ ok: false, error: 'error_link_invalid' });
	});
});

describe('throttled account flows (items 10 and 12)', () => {
	it('six wrong passwords from one address do not lock the owner out from theirs', async () => {
		const { email, password, owner } = await anOrganisationWithOwner();
		const attacker = freshIp();
		for (let i = 0; i < 6; i++) await logIn(email, `guess-${i}-wrong`, attacker);
		const fromHome = await logIn(email, password, freshIp());
		expect(fromHome.ok && fromHome.user.id).toBe(owner.id);
	});

	it('the attacker is slowed down progressively and then stopped', async () => {
		const { email, password } = await anOrganisationWithOwner();
		const attacker = freshIp();
		for (let i = 0; i < 3; i++)
			expect(await logIn(email, `guess-${i}-wrong`, attacker)).toEqual({ ok: false, error: 'error_login' });
		// From the third failure on, the next try waits, even with the right password.
		expect(await logIn(email, password, attacker)).toMatchObject({ ok: false, error: 'error_too_many_attempts' });
	});

	it('changing a password is throttled per person', async () => {
		const { owner } = await anOrganisationWithOwner();
		for (let i = 0; i < 5; i++)
			expect((await changePasswordLimited(owner.id, `wrong-${i}-pass`, 'new-password-1')).ok).toBe(false);
		expect(await changePasswordLimited(owner.id, 'password-123', 'new-password-1')).toMatchObject({
			ok: false,
			error: 'sec_error_too_many'
		});
	});

	it('sign-up does not say that an e-mail is registered, and is throttled per address', async () => {
		const { email } = await anOrganisationWithOwner();
		const ip = freshIp();
		const taken = await signUpLimited({ name: 'X', email, password: 'password-123', organisationName: 'Lain' }, ip);
		expect(taken).toEqual({ ok: false, error: 'sec_error_signup_failed' });
		expect(JSON.stringify(taken)).not.toMatch(/taken|registered|exists/);
		for (let i = 0; i < SIGN_UPS_PER_HOUR - 1; i++)
			await signUpLimited(
				{ name: 'X', email: `probe-${i}-${ip}@test.id`, password: 'password-123', organisationName: 'P' },
				ip
			);
		const blocked = await signUpLimited(
			{ name: 'X', email: `late-${ip}@test.id`, password: 'password-123', organisationName: 'P' },
			ip
		);
		expect(blocked).toMatchObject({ ok: false, error: 'sec_error_signup_too_many' });
	});
});
