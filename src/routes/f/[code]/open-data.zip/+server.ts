import { error } from '@sveltejs/kit';
import { normalizeJoinCode } from '$lib/workshops/rules';
import { openDataZip } from '$lib/documents/open-data.server';
import type { RequestHandler } from './$types';

/** Public like the follow-up page it is linked from: open data, no personal data. */
export const GET: RequestHandler = async ({ params }) => {
	const code = normalizeJoinCode(params.code);
	const zip = code ? await openDataZip(code) : null;
	if (!zip) error(404, 'Not found');
	return new Response(new Uint8Array(zip), {
		headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="open-data-${code}.zip"` }
	});
};
