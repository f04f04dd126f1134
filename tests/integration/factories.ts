/** Factories return the rows they insert; names say which domain state they make. */
import { signUp, createUser } from '$lib/accounts/accounts.server';
import { acceptInvitation, createInvitation } from '$lib/orgs/orgs.server';
import { addParticipant, createWorkshop, setStatus } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { GROUPS } from '$lib/workshops/rules';
import type { Permission, Role } from '$lib/orgs/roles';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership } from '$lib/orgs/orgs.schema';
import { votingRound } from '$lib/voting/voting.schema';
import { workshop as workshopTable } from '$lib/workshops/workshops.schema';
import { orgAccessFor } from '$lib/orgs/access.server';
import { participantAccess, workshopAccessFor } from '$lib/workshops/access.server';
import { roundAccess } from '$lib/voting/access.server';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function anOrganisationWithOwner(name = 'Shelter Warga Test') {
	const email = `owner-${unique()}@test.id`;
	const result = await signUp({ name: 'Owner', email, password: 'password-123', organisationName: name });
	if (!result.ok) throw new Error(result.error);
	return { owner: result.user, organisationId: result.organisationId, email, password: 'password-123' };
}

export async function aMember(organisationId: string, inviterId: string, role: Role) {
	const created = await createUser({
		name: `A ${role}`,
		email: `${role}-${unique()}@test.id`,
		password: 'password-123'
	});
	if (!created.ok) throw new Error(created.error);
	const token = await createInvitation(await orgAccessFor(inviterId, organisationId, 'org.manageMembers'), role);
	const accepted = await acceptInvitation(token, created.user.id);
	if (!accepted.ok) throw new Error(accepted.error);
	return created.user;
}

export async function aWorkshop(organisationId: string, overrides: { open?: boolean; groups?: string[] } = {}) {
	const workshop = await createWorkshop(await asOrgOwner(organisationId, 'workshop.create'), {
		title: 'Musrenbang Anak Test',
		purpose: '',
		kind: 'co-commissioning',
		function: 'pencegahan',
		date: '2027-01-15',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: (overrides.groups ?? [...GROUPS]) as (typeof GROUPS)[number][]
	});
	if (overrides.open ?? true) await setStatus(await asOwner(workshop.id, 'workshop.run'), 'open');
	return { ...workshop, status: (overrides.open ?? true) ? ('open' as const) : ('draft' as const) };
}

/** A participant joined to `workshop` (by phone), as their session holds them. */
export async function aParticipant(
	workshop: { id: string; groups: string[] },
	name = 'Sari',
	groups: string[] = []
): Promise<SessionParticipant> {
	const joined = await addParticipant(workshop, { displayName: name, groups });
	if (!joined.ok) throw new Error('setup');
	const { id, workshopId, displayName, pseudonym } = joined.participant;
	return { id, workshopId, displayName, pseudonym, groups: joined.participant.groups };
}

/*
 * Access values for tests, built through the real access functions (never by casting):
 * tests act as the organisation's first owner, who holds every permission.
 */

export async function firstOwner(organisationId: string): Promise<string> {
	const [row] = await db
		.select({ userId: membership.userId })
		.from(membership)
		.where(and(eq(membership.organisationId, organisationId), eq(membership.role, 'owner')))
		.limit(1);
	if (!row) throw new Error('setup: no owner');
	return row.userId;
}

/** The owner's checked access to an organisation. */
export async function asOrgOwner<P extends Permission>(organisationId: string, permission: P) {
	return orgAccessFor(await firstOwner(organisationId), organisationId, permission);
}

/** The owner's checked access to a workshop (`workshop.run` unless asked). */
export async function asOwner<P extends Permission = 'workshop.run'>(workshopId: string, permission?: P) {
	const [found] = await db
		.select({ organisationId: workshopTable.organisationId })
		.from(workshopTable)
		.where(eq(workshopTable.id, workshopId));
	if (!found) throw new Error('setup: no workshop');
	const organisationId = found.organisationId;
	return workshopAccessFor(await firstOwner(organisationId), workshopId, permission ?? ('workshop.run' as P));
}

/** The owner's checked access to a round, as those who run its workshop (`openRound`, `closeRoundIntoPlan` ...). */
export async function asRunner(roundId: string) {
	const [round] = await db
		.select({ workshopId: votingRound.workshopId })
		.from(votingRound)
		.where(eq(votingRound.id, roundId));
	if (!round) throw new Error('setup: no round');
	return roundAccess(await asOwner(round.workshopId, 'workshop.run'), roundId);
}

/** A joined participant's access, as the session puts them in `locals`. */
export function asPhone(who: SessionParticipant) {
	return participantAccess({ user: null, session: null, participant: who, participantSession: null });
}
