import { fail, redirect } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { proposalAccess } from '$lib/voting/access.server';
import { proposalHistory, updateProposal } from '$lib/voting/proposals.server';
import { proposalForm } from '$lib/voting/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await proposalAccess(
		await workshopAccess(locals, params.workshopId, 'workshop.view'),
		params.proposalId
	);
	const { workshop, proposal } = access;
	const history = await proposalHistory(proposal.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, timeZone: workshop.timeZone },
		proposal: { ...proposal, cost: proposal.cost.toString() },
		history: history.map((h) => ({ kind: h.kind, at: h.at.toISOString(), own: h.proposalId === proposal.id })),
		canEdit: allows(access, 'workshop.edit') && proposal.status === 'active'
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const access = await workshopAccess(locals, params.workshopId, 'workshop.edit');
		const form = parseForm(proposalForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		// A proposal that is not (or no longer) active here is refused in the form, not with a 404.
		const result = await updateProposal(access, params.proposalId, form.data);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error), values: form.values });
		redirect(303, `/w/${access.workshop.id}/proposals`);
	}
};
