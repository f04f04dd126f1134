import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/orgs/roles';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { findProposal, proposalHistory, updateProposal } from '$lib/voting/proposals.server';
import { proposalForm } from '$lib/voting/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop, role } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.view');
	const proposal = await findProposal(workshop.id, params.proposalId);
	if (!proposal) error(404, 'Not found');
	const history = await proposalHistory(proposal.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, timeZone: workshop.timeZone },
		proposal: { ...proposal, cost: proposal.cost.toString() },
		history: history.map((h) => ({ kind: h.kind, at: h.at.toISOString(), own: h.proposalId === proposal.id })),
		canEdit: can(role, 'workshop.edit') && proposal.status === 'active'
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const form = parseForm(proposalForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await updateProposal(params.workshopId, params.proposalId, form.data, user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error), values: form.values });
		redirect(303, `/w/${params.workshopId}/proposals`);
	}
};
