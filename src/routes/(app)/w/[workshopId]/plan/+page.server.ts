import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { listMembers } from '$lib/orgs/orgs.server';
import { listWorkshops, requireWorkshop } from '$lib/workshops/workshops.server';
import { findPlanItem, iterationHistory } from '$lib/plans/plans.server';
import {
	addFunding,
	createItem,
	createTask,
	finalisePlan,
	getPlan,
	listPartners,
	removeFunding,
	setItemPartners,
	updateItem,
	updateTask,
	findTask
} from '$lib/plans/delivery.server';
import { fundingForm, itemForm, taskForm, taskUpdateForm } from '$lib/plans/forms';
import { continuePrototype } from '$lib/codesign/codesign.server';
import { listBoards } from '$lib/boards/boards.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import { pledgesForItems } from '$lib/social/assets.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { workshop, organisation, role } = await requireWorkshop(user.id, params.workshopId, 'workshop.view');
	const plan = await getPlan(workshop.id);
	const boards = new Map((await listBoards(workshop.id)).map((b) => [b.id, b.title]));
	// Co-financing lines that came from a community asset pledge, with the pledge's delivery status.
	const pledgeByLine = new Map(
		(await pledgesForItems(plan.items.map((i) => i.id))).map((p) => [p.fundingLineId, p.status])
	);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			joinCode: workshop.joinCode,
			organisationId: organisation.id,
			timeZone: workshop.timeZone
		},
		canRun: can(role, 'workshop.run'),
		canEdit: can(role, 'workshop.edit'),
		status: plan.status,
		partners: (await listPartners(organisation.id)).map((p) => ({ id: p.id, name: p.name })),
		members: (await listMembers(organisation.id)).map((m) => ({ id: m.userId, name: m.name })),
		otherWorkshops: (await listWorkshops(organisation.id))
			.filter((w) => w.id !== workshop.id)
			.map((w) => ({ id: w.id, title: w.title })),
		today: new Date().toISOString().slice(0, 10),
		items: await Promise.all(
			plan.items.map(async (i) => ({
				...i,
				cost: i.cost?.toString() ?? null,
				funding: i.funding.map((f) => ({
					...f,
					amount: f.amount?.toString() ?? null,
					pledgeStatus: pledgeByLine.get(f.id) ?? null
				})),
				fundingTotal: i.fundingTotals.total.toString(),
				fundingTotals: undefined,
				history: i.history.map((h) => ({ kind: h.kind, at: h.at.toISOString(), detail: h.detail })),
				originBoardTitle: i.originBoardId ? (boards.get(i.originBoardId) ?? null) : null,
				iterations: i.previousItemId ? await iterationHistory(i.id) : []
			}))
		)
	};
};

/** Every item action checks that the item belongs to this workshop and the role allows it. */
async function requireItem(
	locals: App.Locals,
	workshopId: string,
	itemId: unknown,
	permission: 'workshop.edit' | 'workshop.run'
) {
	const user = requireUser(locals);
	await requireWorkshop(user.id, workshopId, permission);
	const found = typeof itemId === 'string' ? await findPlanItem(itemId) : null;
	if (!found || found.workshopId !== workshopId) return null;
	return { user, item: found.item };
}

const idOnly = z.object({ itemId: z.string().min(1).max(64) });
const lineForm = z.object({ lineId: z.string().min(1).max(64) });
const taskIdForm = z.object({ taskId: z.string().min(1).max(64) });

export const actions: Actions = {
	finalise: async ({ locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
		await finalisePlan(params.workshopId);
		return { done: 'finalised' };
	},
	item: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const form = parseForm(itemForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await createItem(params.workshopId, form.data, user.id);
		return { done: 'item' };
	},
	edit: async ({ request, locals, params }) => {
		const data = await request.formData();
		const access = await requireItem(locals, params.workshopId, data.get('itemId'), 'workshop.edit');
		if (!access) return fail(404, { errors: fieldError('form', 'error_not_found') });
		const form = parseForm(itemForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: access.item.id });
		await updateItem(access.item.id, form.data, access.user.id);
		return { done: 'edited' };
	},
	funding: async ({ request, locals, params }) => {
		const data = await request.formData();
		const access = await requireItem(locals, params.workshopId, data.get('itemId'), 'workshop.edit');
		if (!access) return fail(404, { errors: fieldError('form', 'error_not_found') });
		const form = parseForm(fundingForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: access.item.id });
		await addFunding(access.item.id, form.data, access.user.id);
		return { done: 'funding' };
	},
	unfund: async ({ request, locals, params }) => {
		const data = await request.formData();
		const access = await requireItem(locals, params.workshopId, data.get('itemId'), 'workshop.edit');
		if (!access) return fail(404, { errors: fieldError('form', 'error_not_found') });
		const form = parseForm(lineForm, data);
		if (!form.ok || !(await removeFunding(access.item.id, form.data.lineId, access.user.id)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { done: 'unfunded' };
	},
	partners: async ({ request, locals, params }) => {
		const data = await request.formData();
		const access = await requireItem(locals, params.workshopId, data.get('itemId'), 'workshop.edit');
		if (!access) return fail(404, { errors: fieldError('form', 'error_not_found') });
		const ids = data.getAll('partnerId').filter((v): v is string => typeof v === 'string');
		const result = await setItemPartners(access.item.id, ids, access.user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'partners' };
	},
	task: async ({ request, locals, params }) => {
		const data = await request.formData();
		const access = await requireItem(locals, params.workshopId, data.get('itemId'), 'workshop.edit');
		if (!access) return fail(404, { errors: fieldError('form', 'error_not_found') });
		const form = parseForm(taskForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: access.item.id });
		const [kind, id] = form.data.owner.split(':');
		const owner =
			kind === 'user' ? { kind: 'user' as const, id } : kind === 'partner' ? { kind: 'partner' as const, id } : null;
		const result = await createTask(
			access.item.id,
			{ title: form.data.title, owner, dueDate: form.data.dueDate || null },
			access.user.id
		);
		if (!result.ok) return fail(400, { errors: fieldError('owner', result.error), itemId: access.item.id });
		return { done: 'task' };
	},
	status: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const data = await request.formData();
		const which = parseForm(taskIdForm, data);
		const found = which.ok ? await findTask(which.data.taskId) : null;
		if (!found || found.workshopId !== params.workshopId)
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		const form = parseForm(taskUpdateForm, data);
		if (!form.ok) return fail(400, { errors: form.errors });
		await updateTask(found.task.id, form.data, user.id);
		return { done: 'status' };
	},
	continue: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.run');
		const data = await request.formData();
		const form = parseForm(idOnly.extend({ workshopId: z.string().min(1).max(64) }), data);
		if (!form.ok) return fail(400, { errors: form.errors });
		await requireWorkshop(user.id, form.data.workshopId, 'workshop.run');
		const result = await continuePrototype(form.data.itemId, form.data.workshopId);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		redirect(303, `/w/${form.data.workshopId}/boards/${result.boardId}`);
	}
};
