import { fail } from '@sveltejs/kit';
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { requirePermission } from '$lib/orgs/orgs.server';
import { requireUser } from '$lib/server/guards';
import { parseForm } from '$lib/forms/forms';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { workshopSafeguarding } from '$lib/safeguarding/safeguarding.schema';
import { getOrgSettings, setOrgSettings } from '$lib/safeguarding/safeguarding.server';
import { MAX_RETENTION_DAYS } from '$lib/safeguarding/rules';
import type { Actions, PageServerLoad } from './$types';

/** The data register: what is kept, why, how long (the basis for a DPIA under UU 27/2022). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation, role } = await requirePermission(requireUser(locals).id, params.orgId, 'org.view');
	const anonymised = await db
		.select({ id: workshop.id })
		.from(workshop)
		.innerJoin(workshopSafeguarding, eq(workshopSafeguarding.workshopId, workshop.id))
		.where(and(eq(workshop.organisationId, organisation.id), isNotNull(workshopSafeguarding.anonymisedAt)));
	return {
		organisation: { id: organisation.id, name: organisation.name },
		settings: await getOrgSettings(organisation.id),
		anonymised: anonymised.length,
		canEdit: can(role, 'org.manageMembers')
	};
};

const settingsForm = z.object({
	retentionDays: z.coerce.number({ error: 'error_number' }).int({ error: 'error_number' }).min(1, { error: 'error_number' }).max(MAX_RETENTION_DAYS, { error: 'error_number' }),
	referralGuidance: z.string().trim().max(2000, { error: 'error_too_long' }).default('')
});

export const actions: Actions = {
	/** Owners set retention and the referral guidance shown with private notes. */
	settings: async ({ request, locals, params }) => {
		await requirePermission(requireUser(locals).id, params.orgId, 'org.manageMembers');
		const form = parseForm(settingsForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await setOrgSettings(params.orgId, { retentionDays: form.data.retentionDays, referralGuidance: form.data.referralGuidance || null });
		return { saved: true };
	}
};
