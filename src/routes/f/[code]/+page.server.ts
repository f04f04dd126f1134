import { error } from '@sveltejs/kit';
import { sharedFollowUp } from '$lib/plans/follow-up.server';
import { lookUpCode } from '$lib/workshops/codes.server';
import type { PageServerLoad } from './$types';

/**
 * Public, no account: what became of the plan this workshop made. No personal data; only
 * for workshops whose follow-up is public (closed, or plan final). Unknown codes count
 * against the same per-address limit as /join.
 */
export const load: PageServerLoad = async ({ params, getClientAddress }) => {
	const found = await lookUpCode(params.code, getClientAddress(), sharedFollowUp);
	if (!found.ok) error(found.status === 429 ? 429 : 404, found.status === 429 ? 'Too many wrong codes' : 'Not found');
	return found.found;
};
