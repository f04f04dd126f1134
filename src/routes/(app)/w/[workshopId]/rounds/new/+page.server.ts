import { fail, redirect } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { listProposals } from '$lib/voting/proposals.server';
import { createRound } from '$lib/voting/rounds.server';
import { roundForm } from '$lib/voting/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.run');
	const proposals = await listProposals(workshop.id, false);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		proposals: proposals.map((p) => ({ id: p.id, title: p.title, cost: p.cost.toString() }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const access = await workshopAccess(locals, params.workshopId, 'workshop.run');
		const form = parseForm(roundForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const created = await createRound(access, form.data);
		if (!created.ok) return fail(400, { errors: fieldError('proposalIds', created.error), values: form.values });
		redirect(303, `/w/${access.workshop.id}/rounds/${created.id}`);
	}
};
