import { and, eq, isNotNull } from 'drizzle-orm';
import { allows, orgAccess } from '$lib/orgs/access.server';
import { dataSettingsForm } from '$lib/safeguarding/forms';
import { formAction } from '$lib/forms/forms';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { workshopSafeguarding } from '$lib/safeguarding/safeguarding.schema';
import { getOrgSettings, setOrgSettings } from '$lib/safeguarding/safeguarding.server';
import type { Actions, PageServerLoad } from './$types';

/** The data register: what is kept, why, how long (the basis for a DPIA under UU 27/2022). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const { organisation } = access;
	const anonymised = await db
		.select({ id: workshop.id })
		.from(workshop)
		.innerJoin(workshopSafeguarding, eq(workshopSafeguarding.workshopId, workshop.id))
		.where(and(eq(workshop.organisationId, organisation.id), isNotNull(workshopSafeguarding.anonymisedAt)));
	return {
		organisation: { id: organisation.id, name: organisation.name },
		settings: await getOrgSettings(organisation.id),
		anonymised: anonymised.length,
		canEdit: allows(access, 'org.manageMembers')
	};
};

export const actions: Actions = {
	/** Owners set retention and the referral guidance shown with private notes. */
	settings: formAction(
		({ locals, params }) => orgAccess(locals, params.orgId, 'org.manageMembers'),
		dataSettingsForm,
		async (access, input) => {
			await setOrgSettings(access.organisation.id, {
				retentionDays: input.retentionDays,
				referralGuidance: input.referralGuidance || null
			});
			return { saved: true };
		}
	)
};
