/** Factories return the rows they insert; names say which domain state they make. */
import { signUp, createUser } from '$lib/accounts/accounts.server';
import { acceptInvitation, createInvitation } from '$lib/orgs/orgs.server';
import { addParticipant, createWorkshop, setStatus } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { GROUPS } from '$lib/workshops/rules';
import type { Role } from '$lib/orgs/roles';

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
	const token = await createInvitation(organisationId, inviterId, role);
	const accepted = await acceptInvitation(token, created.user.id);
	if (!accepted.ok) throw new Error(accepted.error);
	return created.user;
}

export async function aWorkshop(organisationId: string, overrides: { open?: boolean; groups?: string[] } = {}) {
	const workshop = await createWorkshop(organisationId, {
		title: 'Musrenbang Anak Test',
		purpose: '',
		kind: 'co-commissioning',
		function: 'pencegahan',
		date: '2027-01-15',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: (overrides.groups ?? [...GROUPS]) as (typeof GROUPS)[number][]
	});
	if (overrides.open ?? true) await setStatus(workshop.id, 'open');
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
