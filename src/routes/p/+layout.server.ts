import { getOrgSettings, helpAvailable } from '$lib/safeguarding/safeguarding.server';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { eq } from 'drizzle-orm';
import { isChild } from '$lib/workshops/rules';
import type { LayoutServerLoad } from './$types';

/** Safeguarding on every participant page: "I need help" (child groups) and the referral guidance. */
export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.participant) return { helpAvailable: false, referral: null, child: false };
	const [w] = await db
		.select({ organisationId: workshop.organisationId })
		.from(workshop)
		.where(eq(workshop.id, locals.participant.workshopId));
	return {
		helpAvailable: await helpAvailable(locals.participant.workshopId),
		referral: w ? (await getOrgSettings(w.organisationId)).referralGuidance : null,
		// Child mode: a child's session gets pictures first, read-aloud and simpler words.
		child: isChild(locals.participant.groups)
	};
};
