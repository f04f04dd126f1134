import { error, json } from '@sveltejs/kit';
import { orgAccess } from '$lib/orgs/access.server';
import { importForum } from '$lib/transfer/forum.server';
import type { RequestHandler } from './$types';

/**
 * Imports a forum file (GET /w/<id>/forum on the venue laptop) into this organisation;
 * answers with the report. Those who may create workshops may import one.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await orgAccess(locals, params.orgId, 'workshop.create');
	let file: unknown;
	try {
		file = await request.json();
	} catch {
		error(400, 'Not a Ruang Rembuk forum file');
	}
	try {
		return json(await importForum(access, file));
	} catch (e) {
		// Our own validation messages are safe to show; a database error is not.
		const message =
			e instanceof Error && /^(Not a Ruang Rembuk|Forum file:)/.test(e.message) ? e.message : 'Import failed';
		if (message === 'Import failed') console.error('Forum import failed:', e);
		error(400, message);
	}
};
