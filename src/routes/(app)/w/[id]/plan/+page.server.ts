import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { listWorkshops, requireWorkshop } from '$lib/workshops/workshops.server';
import { iterationHistory, listPlanItems } from '$lib/plans/plans.server';
import { continuePrototype } from '$lib/codesign/codesign.server';
import { listBoards } from '$lib/boards/boards.server';
import { fieldError, parseForm } from '$lib/accounts/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { workshop, organisation, role } = await requireWorkshop(user.id, params.id, 'workshop.view');
	const items = await listPlanItems(workshop.id);
	const boards = new Map((await listBoards(workshop.id)).map((b) => [b.id, b.title]));
	return {
		workshop: { id: workshop.id, title: workshop.title },
		canRun: can(role, 'workshop.run'),
		otherWorkshops: (await listWorkshops(organisation.id)).filter((w) => w.id !== workshop.id).map((w) => ({ id: w.id, title: w.title })),
		items: await Promise.all(
			items.map(async (i) => ({
				...i,
				cost: i.cost?.toString() ?? null,
				originBoardTitle: i.originBoardId ? (boards.get(i.originBoardId) ?? null) : null,
				history: i.previousItemId ? await iterationHistory(i.id) : []
			}))
		)
	};
};

const continueForm = z.object({ itemId: z.string().min(1).max(64), workshopId: z.string().min(1).max(64) });

export const actions: Actions = {
	/** Continues a prototype in a later workshop: its next iteration, with the canvas copied. */
	continue: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.id, 'workshop.run');
		const form = parseForm(continueForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await requireWorkshop(user.id, form.data.workshopId, 'workshop.run');
		const result = await continuePrototype(form.data.itemId, form.data.workshopId);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		redirect(303, `/w/${form.data.workshopId}/boards/${result.boardId}`);
	}
};
