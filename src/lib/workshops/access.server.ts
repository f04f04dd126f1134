/**
 * Access to one workshop, decided once: a member of its organisation with a permission
 * (`workshopAccess`), or a participant who joined it (`participantAccess`).
 *
 * Use cases that change a workshop or anything in it take a `WorkshopAccess<P>` (or a value
 * derived from one, such as a board's or a round's access) instead of a bare id.
 */
import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { participant, workshop } from './workshops.schema';
import { orgAccessFor, signedIn, type OrgAccess, type Organisation } from '$lib/orgs/access.server';
import type { Permission, Role } from '$lib/orgs/roles';

declare const checked: unique symbol;
declare const joined: unique symbol;

export type Workshop = typeof workshop.$inferSelect;
export type Participant = typeof participant.$inferSelect;

/** Proof that `userId` holds `P` in the organisation that runs `workshop`. */
export type WorkshopAccess<P extends Permission = Permission> = {
	readonly userId: string;
	readonly workshop: Workshop;
	readonly organisation: Organisation;
	readonly role: Role;
	readonly [checked]: P;
};

/** Loads a workshop for a member with a permission on its organisation (404/403 otherwise). */
export async function workshopAccess<P extends Permission>(
	locals: App.Locals,
	workshopId: string,
	permission: P
): Promise<WorkshopAccess<P>> {
	return workshopAccessFor(signedIn(locals).id, workshopId, permission);
}

export async function workshopAccessFor<P extends Permission>(
	userId: string,
	workshopId: string,
	permission: P
): Promise<WorkshopAccess<P>> {
	const [found] = await db.select().from(workshop).where(eq(workshop.id, workshopId));
	if (!found) error(404, 'Not found');
	const org: OrgAccess<P> = await orgAccessFor(userId, found.organisationId, permission);
	return { userId, workshop: found, organisation: org.organisation, role: org.role } as WorkshopAccess<P>;
}

/** Proof that the person on this phone joined `workshopId` (their participant session). */
export type ParticipantAccess = {
	readonly participantId: string;
	readonly workshopId: string;
	readonly [joined]: true;
};

/** The participant a session belongs to (what a signed-in phone carries on every request). */
export type SessionParticipant = Pick<
	typeof participant.$inferSelect,
	'id' | 'workshopId' | 'displayName' | 'pseudonym' | 'groups'
>;
/** A participant's access with the session's participant (name, groups) as it was checked. */
export type JoinedAccess = ParticipantAccess & { readonly participant: SessionParticipant };

/** Joined a workshop, or 401. */
export function participantAccess(locals: App.Locals): JoinedAccess {
	const who = locals.participant;
	if (!who) error(401, 'Join a workshop first');
	return { participantId: who.id, workshopId: who.workshopId, participant: who } as JoinedAccess;
}
