import { orgAccess } from '$lib/orgs/access.server';
import { surveyAccess } from '$lib/satisfaction/access.server';
import { exportResponsesCsv } from '$lib/satisfaction/satisfaction.server';
import type { RequestHandler } from './$types';

/** The responses as CSV (u1..u9, channel, shown groups), readable by `npm run ikm`. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await surveyAccess(await orgAccess(locals, params.orgId, 'org.view'), params.surveyId);
	return new Response(await exportResponsesCsv(access), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ikm-${access.survey.code}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
