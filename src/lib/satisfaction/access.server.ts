/**
 * Access to one IKM survey, derived from the organisation guard: the survey must belong to
 * the organisation the access was checked for (404 otherwise, as for anything of another
 * organisation). Use cases that change a survey take a `SurveyAccess<'workshop.run'>`.
 */
import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import type { OrgAccess, Organisation } from '$lib/orgs/access.server';
import type { Permission, Role } from '$lib/orgs/roles';
import { ikmSurvey } from './satisfaction.schema';

declare const checked: unique symbol;

export type Survey = typeof ikmSurvey.$inferSelect;

/** Proof that `userId` holds `P` in the organisation that runs `survey`. */
export type SurveyAccess<P extends Permission = Permission> = {
	readonly userId: string;
	readonly organisation: Organisation;
	readonly role: Role;
	readonly survey: Survey;
	readonly [checked]: P;
};

export async function surveyAccess<P extends Permission>(
	access: OrgAccess<P>,
	surveyId: string
): Promise<SurveyAccess<P>> {
	const [survey] = await db
		.select()
		.from(ikmSurvey)
		.where(and(eq(ikmSurvey.id, surveyId), eq(ikmSurvey.organisationId, access.organisation.id)));
	if (!survey) error(404, 'Not found');
	return { userId: access.userId, organisation: access.organisation, role: access.role, survey } as SurveyAccess<P>;
}
