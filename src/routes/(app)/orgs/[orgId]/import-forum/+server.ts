import { error, json } from '@sveltejs/kit';
import { orgAccess } from '$lib/orgs/access.server';
import { importForumUpload } from '$lib/transfer/forum.server';
import { ERROR_MESSAGES } from '$lib/components/error-messages';
import type { RequestHandler } from './$types';

/**
 * Imports a forum file (GET /w/<id>/forum on the venue laptop), sent as the request body,
 * into this organisation; answers with the report. Those who may create workshops may
 * import one. The page for people is /orgs/<id>/workshops/import.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await orgAccess(locals, params.orgId, 'workshop.create');
	const outcome = await importForumUpload(access, await request.blob());
	if (!outcome.ok) error(400, { message: ERROR_MESSAGES[outcome.error]?.({} as never) ?? outcome.error });
	return json(outcome.report);
};
