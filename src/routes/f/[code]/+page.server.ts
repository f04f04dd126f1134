import { error } from '@sveltejs/kit';
import { normalizeJoinCode } from '$lib/workshops/rules';
import { publicFollowUp } from '$lib/plans/follow-up.server';
import type { PageServerLoad } from './$types';

/** Public, no account: what became of the plan this workshop made. No personal data. */
export const load: PageServerLoad = async ({ params }) => {
	const code = normalizeJoinCode(params.code);
	const found = code ? await publicFollowUp(code) : null;
	if (!found) error(404, 'Not found');
	return found;
};
