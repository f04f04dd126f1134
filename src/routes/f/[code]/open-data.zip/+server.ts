import { error } from '@sveltejs/kit';
import { sharedFollowUp } from '$lib/plans/follow-up.server';
import { lookUpCode } from '$lib/workshops/codes.server';
import { openDataZip } from '$lib/documents/open-data.server';
import type { RequestHandler } from './$types';

/**
 * Public like the follow-up page it is linked from (closed workshop or final plan): open
 * data, no personal data. Unknown codes count against the same limit as /join.
 */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const found = await lookUpCode(params.code, getClientAddress(), async (code) =>
		(await sharedFollowUp(code)) ? openDataZip(code) : null
	);
	if (!found.ok) error(found.status === 429 ? 429 : 404, found.status === 429 ? 'Too many wrong codes' : 'Not found');
	return new Response(new Uint8Array(found.found), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="open-data-${found.code}.zip"`
		}
	});
};
