import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { session } from '../../src/lib/sessions/sessions.schema';
import * as auth from '$lib/sessions/sessions.server';
import { hashToken } from '$lib/server/auth/tokens';
import {
	changePassword,
	checkCredentials,
	findPasswordReset,
	issuePasswordReset,
	resetPassword,
	signUp
} from '$lib/accounts/accounts.server';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner } from './factories';
import { orgAccessFor } from '$lib/orgs/access.server';

useTestDatabase();

describe('sign up', () => {
	it('creates the person, their organisation and makes them owner', async () => {
		const { owner, organisationId, email } = await anOrganisationWithOwner('DP3A Kota Makassar');
		expect(owner.email).toBe(email);
		expect(owner.passwordHash).toMatch(/^\$argon2id\$/);
		const { listMemberships } = await import('$lib/orgs/orgs.server');
		expect(await listMemberships(owner.id)).toEqual([
			{ id: organisationId, name: 'DP3A Kota Makassar', role: 'owner' }
		]);
	});

	it('refuses a taken e-mail (any case) and writes nothing', async () => {
		const { email } = await anOrganisationWithOwner();
		const again = await signUp({
			name: 'X',
			email: email.toUpperCase(),
			password: 'password-123',
			organisationName: 'Other'
		});
		expect(again).toEqual({ ok: false, error: 'error_email_taken' });
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token and validates it', async () => {
		const { owner } = await anOrganisationWithOwner();
		const token = auth.generateSessionToken();
		await auth.createSession(token, { userId: owner.id });
		const rows = await db.select().from(session).where(eq(session.userId, owner.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).not.toContain(token);
		const valid = await auth.validateMemberSession(token);
		expect(valid?.user.id).toBe(owner.id);
		expect(await auth.validateMemberSession(token + 'x')).toBeNull();
	});

	it('slides a half-spent session forward and deletes an expired one', async () => {
		const { owner } = await anOrganisationWithOwner();
		const token = auth.generateSessionToken();
		const created = await auth.createSession(token, { userId: owner.id });
		const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
		await db.update(session).set({ expiresAt: soon }).where(eq(session.id, created.id));
		const renewed = await auth.validateMemberSession(token);
		expect(renewed!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);

		await db
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, created.id));
		expect(await auth.validateMemberSession(token)).toBeNull();
		expect(await db.select().from(session).where(eq(session.id, created.id))).toHaveLength(0);
	});

	it('a member token does not open a participant session, nor the reverse', async () => {
		const { owner } = await anOrganisationWithOwner();
		const token = auth.generateSessionToken();
		await auth.createSession(token, { userId: owner.id });
		expect(await auth.validateParticipantSession(token)).toBeNull();
	});
});

describe('passwords', () => {
	it('checks credentials without saying which part was wrong', async () => {
		const { email, password, owner } = await anOrganisationWithOwner();
		expect((await checkCredentials(email, password))?.id).toBe(owner.id);
		expect(await checkCredentials(email, 'wrong-password')).toBeNull();
		expect(await checkCredentials('nobody@test.id', password)).toBeNull();
	});

	it('changing the password signs the person out everywhere', async () => {
		const { owner, email } = await anOrganisationWithOwner();
		const a = auth.generateSessionToken();
		const b = auth.generateSessionToken();
		await auth.createSession(a, { userId: owner.id });
		await auth.createSession(b, { userId: owner.id });
		expect(await changePassword(owner.id, 'not-it', 'new-password-1')).toEqual({
			ok: false,
			error: 'error_wrong_password'
		});
		expect(await auth.validateMemberSession(a)).not.toBeNull();
		expect(await changePassword(owner.id, 'password-123', 'new-password-1')).toEqual({ ok: true });
		expect(await auth.validateMemberSession(a)).toBeNull();
		expect(await auth.validateMemberSession(b)).toBeNull();
		expect(await checkCredentials(email, 'new-password-1')).not.toBeNull();
	});

	it('a reset link works once, then is refused', async () => {
		const { owner, email, organisationId } = await anOrganisationWithOwner();
		const issued = await issuePasswordReset(
			await orgAccessFor(owner.id, organisationId, 'org.manageMembers'),
			owner.id
		);
		if (!issued.ok) throw new Error(issued.error);
		const token = issued.token;
		expect((await findPasswordReset(token))?.email).toBe(email);
		expect(await resetPassword(token, 'fresh-password-9')).toMatchObject({ ok: true });
		expect(await resetPassword(token, 'another-password')).toEqual({ ok: false, error: 'error_link_invalid' });
		expect(await findPasswordReset(token)).toBeNull();
		expect(await checkCredentials(email, 'fresh-password-9')).not.toBeNull();
	});
});
