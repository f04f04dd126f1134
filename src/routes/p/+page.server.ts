import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { listAgenda } from '$lib/workshops/workshops.server';
import { getControlState, listBoards } from '$lib/boards/boards.server';
import { listRounds } from '$lib/voting/rounds.server';
import { participantAccess } from '$lib/workshops/access.server';
import { cardsForParticipant } from '$lib/assessment/assessment.server';
import { reviewableItems } from '$lib/assessment/impact.server';
import { sessionMapOf } from '$lib/network/network.server';
import { agreementsForParticipant } from '$lib/social/agreements.server';
import { openPulseFor } from '$lib/social/pulse.server';
import type { PageServerLoad } from './$types';

/** The participant's home: only the one workshop their session opens. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.participant) redirect(303, '/join');
	const { workshopId, participant: me } = participantAccess(locals);
	const who = participantAccess(locals);
	const pulse = await openPulseFor(who);
	const [found] = await db
		.select({ title: workshop.title, status: workshop.status, purpose: workshop.purpose, joinCode: workshop.joinCode })
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	return {
		workshop: found,
		me: { name: me.displayName ?? me.pseudonym, groups: me.groups },
		workshopId,
		joinCode: found.joinCode,
		agenda: (await listAgenda(workshopId)).map(({ title, minutes }) => ({ title, minutes })),
		boards: (await listBoards(workshopId)).map(({ id, title }) => ({ id, title })),
		control: await getControlState(workshopId),
		rounds: (await listRounds(workshopId))
			.filter((r) => r.status === 'open')
			.map((r) => ({ id: r.id, title: r.title })),
		// Co-assessment: this workshop's score cards, and its delivered plan items to review.
		scoreCards: await cardsForParticipant(participantAccess(locals)),
		reviewItems: await reviewableItems(participantAccess(locals)),
		networkMapId: await sessionMapOf(participantAccess(locals)),
		// Social capital: the agreements in force (shown at the start), and the trust pulse when open.
		agreements: (await agreementsForParticipant(who)).map((a) => ({ id: a.versionId, title: a.title, body: a.body })),
		pulse: pulse ? { answered: pulse.answered !== null } : null
	};
};
