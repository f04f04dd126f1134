/**
 * Who is asking, and what may they do in this organisation? Decided here, once.
 *
 * `orgAccess` returns an `OrgAccess<P>`: proof that the signed-in person holds permission P
 * in the organisation. Use cases that change an organisation take this value instead of a
 * bare id, so a call that skipped the check does not type-check. The permission table is
 * `roles.ts`; only this module and `workshops/access.server.ts` build access values.
 */
import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership, organisation } from './orgs.schema';
import { can, type Permission, type Role } from './roles';

declare const checked: unique symbol;

/** What a page may know of its organisation: never the calendar feed's secret hash. */
export type Organisation = Pick<typeof organisation.$inferSelect, 'id' | 'name' | 'createdAt'>;

/** Proof that `userId` holds `P` in `organisation` (its role may grant more). */
export type OrgAccess<P extends Permission = Permission> = {
	readonly userId: string;
	readonly organisation: Organisation;
	readonly role: Role;
	readonly [checked]: P;
};

export async function findRole(userId: string, organisationId: string): Promise<Role | null> {
	const [row] = await db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.organisationId, organisationId)));
	return row?.role ?? null;
}

/** Signed in, or 401. */
export function signedIn(locals: App.Locals) {
	if (!locals.user) error(401, 'Sign in first');
	return locals.user;
}

/**
 * The organisation guard. Not a member: 404, so another organisation's pages do not even
 * admit they exist. A member whose role lacks the permission: 403.
 */
export async function orgAccess<P extends Permission>(
	locals: App.Locals,
	organisationId: string,
	permission: P
): Promise<OrgAccess<P>> {
	const user = signedIn(locals);
	return orgAccessFor(user.id, organisationId, permission);
}

/** The same check for a known user id (the workshop guard and scripts use it). */
export async function orgAccessFor<P extends Permission>(
	userId: string,
	organisationId: string,
	permission: P
): Promise<OrgAccess<P>> {
	const role = await findRole(userId, organisationId);
	if (!role) error(404, 'Not found');
	if (!can(role, permission)) error(403, 'Forbidden');
	const [org] = await db
		.select({ id: organisation.id, name: organisation.name, createdAt: organisation.createdAt })
		.from(organisation)
		.where(eq(organisation.id, organisationId));
	if (!org) error(404, 'Not found');
	return { userId, organisation: org, role } as OrgAccess<P>;
}

/** Whether the checked role also grants another permission (to show or hide a button). */
export function allows(access: { role: Role }, permission: Permission): boolean {
	return can(access.role, permission);
}
