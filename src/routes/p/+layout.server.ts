import { getOrgSettings, helpAvailable } from '$lib/safeguarding/safeguarding.server';
import { db } from '$lib/server/db';
import { workshop } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { LayoutServerLoad } from './$types';

/** Safeguarding on every participant page: "I need help" (child groups) and the referral guidance. */
export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.participant) return { helpAvailable: false, referral: null };
	const [w] = await db.select({ organisationId: workshop.organisationId }).from(workshop).where(eq(workshop.id, locals.participant.workshopId));
	return {
		helpAvailable: await helpAvailable(locals.participant.workshopId),
		referral: w ? (await getOrgSettings(w.organisationId)).referralGuidance : null
	};
};
