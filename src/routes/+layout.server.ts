import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name } : null,
	participant: locals.participant ? { workshopId: locals.participant.workshopId } : null
});
