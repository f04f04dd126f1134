import { fail } from '@sveltejs/kit';
import { orgAccess } from '$lib/orgs/access.server';
import { importForumUpload } from '$lib/transfer/forum.server';
import type { Actions, PageServerLoad } from './$types';

/** Bringing a venue forum home: the page for the file GET /w/<id>/forum made on the laptop. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { organisation } = await orgAccess(locals, params.orgId, 'workshop.create');
	return { organisation };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const access = await orgAccess(locals, params.orgId, 'workshop.create');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File)) return fail(400, { error: 'error_forum_file' });
		const outcome = await importForumUpload(access, file);
		if (!outcome.ok) return fail(400, { error: outcome.error });
		return { report: outcome.report };
	}
};
