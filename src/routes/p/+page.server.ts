import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { listAgenda } from '$lib/workshops/workshops.server';
import { getControlState, listBoards } from '$lib/boards/boards.server';
import { listRounds } from '$lib/voting/rounds.server';
import { participantAccess } from '$lib/workshops/access.server';
import { agreementsForParticipant } from '$lib/social/agreements.server';
import { openPulseFor } from '$lib/social/pulse.server';
import type { PageServerLoad } from './$types';

/** The participant's home: only the one workshop their session opens. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.participant) redirect(303, '/join');
	const who = participantAccess(locals);
	const pulse = await openPulseFor(who);
	const [found] = await db
		.select({ title: workshop.title, status: workshop.status, purpose: workshop.purpose, joinCode: workshop.joinCode })
		.from(workshop)
		.where(eq(workshop.id, locals.participant.workshopId));
	return {
		workshop: found,
		me: { name: locals.participant.displayName ?? locals.participant.pseudonym, groups: locals.participant.groups },
		workshopId: locals.participant.workshopId,
		joinCode: found.joinCode,
		agenda: (await listAgenda(locals.participant.workshopId)).map(({ title, minutes }) => ({ title, minutes })),
		boards: (await listBoards(locals.participant.workshopId)).map(({ id, title }) => ({ id, title })),
		control: await getControlState(locals.participant.workshopId),
		rounds: (await listRounds(locals.participant.workshopId))
			.filter((r) => r.status === 'open')
			.map((r) => ({ id: r.id, title: r.title })),
		// Social capital: the agreements in force (shown at the start), and the trust pulse when open.
		agreements: (await agreementsForParticipant(who)).map((a) => ({ id: a.versionId, title: a.title, body: a.body })),
		pulse: pulse ? { answered: pulse.answered !== null } : null
	};
};
