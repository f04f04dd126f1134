/** Use cases for organisations: memberships, roles, one-time invitations. */
import { and, asc, eq, gt } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { invitation, membership, organisation, user } from './orgs.schema';
import { generateId, generateToken, hashToken } from '$lib/server/auth/tokens';
import { revokeConnections } from '$lib/server/realtime';
import type { Role } from './roles';
import type { OrgAccess } from './access.server';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function listMemberships(userId: string) {
	return db
		.select({ id: organisation.id, name: organisation.name, role: membership.role })
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(eq(membership.userId, userId))
		.orderBy(asc(organisation.name));
}

export { findRole } from './access.server';

export async function createOrganisation(ownerId: string, name: string) {
	const id = generateId();
	await db.transaction(async (tx) => {
		await tx.insert(organisation).values({ id, name });
		await tx.insert(membership).values({ organisationId: id, userId: ownerId, role: 'owner' });
	});
	return id;
}

export async function listMembers(organisationId: string) {
	return db
		.select({ userId: user.id, name: user.name, email: user.email, role: membership.role })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.organisationId, organisationId))
		.orderBy(asc(user.name));
}

/** Creates a one-time invitation link token for a role (valid 7 days). */
export async function createInvitation(access: OrgAccess<'org.manageMembers'>, role: Role): Promise<string> {
	const token = generateToken();
	await db.insert(invitation).values({
		id: hashToken(token),
		organisationId: access.organisation.id,
		role,
		createdBy: access.userId,
		expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS)
	});
	return token;
}

export async function findInvitation(token: string) {
	const [row] = await db
		.select({ organisationId: invitation.organisationId, role: invitation.role, organisationName: organisation.name })
		.from(invitation)
		.innerJoin(organisation, eq(organisation.id, invitation.organisationId))
		.where(and(eq(invitation.id, hashToken(token)), eq(invitation.used, false), gt(invitation.expiresAt, new Date())));
	return row ?? null;
}

/**
 * Uses an invitation once. Outcomes: ok with the organisation, 'error_link_invalid'
 * (used, expired, unknown), 'error_already_member' (the link stays unused).
 */
export async function acceptInvitation(token: string, userId: string) {
	const valid = and(
		eq(invitation.id, hashToken(token)),
		eq(invitation.used, false),
		gt(invitation.expiresAt, new Date())
	);
	return db.transaction(async (tx) => {
		const [open] = await tx.select().from(invitation).where(valid);
		if (!open) return { ok: false as const, error: 'error_link_invalid' };
		const [existing] = await tx
			.select()
			.from(membership)
			.where(and(eq(membership.organisationId, open.organisationId), eq(membership.userId, userId)));
		if (existing) return { ok: false as const, error: 'error_already_member' };
		// Claim with the same condition so two people racing for one link cannot both win.
		const [claimed] = await tx.update(invitation).set({ used: true }).where(valid).returning();
		if (!claimed) return { ok: false as const, error: 'error_link_invalid' };
		await tx.insert(membership).values({ organisationId: claimed.organisationId, userId, role: claimed.role });
		return { ok: true as const, organisationId: claimed.organisationId, role: claimed.role };
	});
}

/** Owners change roles; the last owner cannot step down (someone must be able to manage). */
export async function changeRole(access: OrgAccess<'org.manageMembers'>, userId: string, role: Role) {
	const organisationId = access.organisation.id;
	const result = await db.transaction(async (tx) => {
		if (role !== 'owner') {
			const owners = await tx
				.select({ userId: membership.userId })
				.from(membership)
				.where(and(eq(membership.organisationId, organisationId), eq(membership.role, 'owner')));
			if (owners.length === 1 && owners[0].userId === userId) return { ok: false as const, error: 'error_last_owner' };
		}
		const updated = await tx
			.update(membership)
			.set({ role })
			.where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
			.returning();
		return updated[0] ? { ok: true as const } : { ok: false as const, error: 'error_not_member' };
	});
	// Open board sockets reconnect and get the new role's rights (e.g. read-only).
	if (result.ok) revokeConnections({ userId, organisationId });
	return result;
}
