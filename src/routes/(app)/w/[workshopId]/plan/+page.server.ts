import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { listMembers } from '$lib/orgs/orgs.server';
import { listWorkshops } from '$lib/workshops/workshops.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { iterationHistory } from '$lib/plans/plans.server';
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
	updateTask
} from '$lib/plans/delivery.server';
import { planItemAccess, taskAccess } from '$lib/plans/access.server';
import {
	continueForm,
	fundingForm,
	fundingLineForm,
	itemForm,
	taskForm,
	taskIdForm,
	taskUpdateForm
} from '$lib/plans/forms';
import { continuePrototype } from '$lib/codesign/codesign.server';
import { listBoards } from '$lib/boards/boards.server';
import { fieldError, formAction, parseForm } from '$lib/forms/forms';
import type { Permission } from '$lib/orgs/roles';
import { pledgesForItems } from '$lib/social/assets.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const { workshop, organisation } = access;
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
		canRun: allows(access, 'workshop.run'),
		canEdit: allows(access, 'workshop.edit'),
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

type Event = RequestEvent<{ workshopId: string }>;

const workshopFor =
	<P extends Permission>(permission: P) =>
	({ locals, params }: Event) =>
		workshopAccess(locals, params.workshopId, permission);

const notFound = () => fail(404, { errors: fieldError('form', 'error_not_found') });

/**
 * Every item action checks the role, then that the item belongs to this workshop (a form
 * failure, 404, when it does not). Returns the form's data too: it has been read.
 */
async function itemFor<P extends Permission>({ locals, params, request }: Event, permission: P) {
	const access = await workshopAccess(locals, params.workshopId, permission);
	const data = await request.formData();
	const itemId = data.get('itemId');
	return { item: typeof itemId === 'string' ? await planItemAccess(access, itemId) : null, data };
}

export const actions: Actions = {
	finalise: async (event) => {
		await finalisePlan(await workshopFor('workshop.run')(event));
		return { done: 'finalised' };
	},
	item: formAction(workshopFor('workshop.edit'), itemForm, async (access, input) => {
		await createItem(access, input);
		return { done: 'item' };
	}),
	edit: async (event) => {
		const { item, data } = await itemFor(event, 'workshop.edit');
		if (!item) return notFound();
		const form = parseForm(itemForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: item.item.id });
		await updateItem(item, form.data);
		return { done: 'edited' };
	},
	funding: async (event) => {
		const { item, data } = await itemFor(event, 'workshop.edit');
		if (!item) return notFound();
		const form = parseForm(fundingForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: item.item.id });
		await addFunding(item, form.data);
		return { done: 'funding' };
	},
	unfund: async (event) => {
		const { item, data } = await itemFor(event, 'workshop.edit');
		if (!item) return notFound();
		const form = parseForm(fundingLineForm, data);
		if (!form.ok || !(await removeFunding(item, form.data.lineId))) return notFound();
		return { done: 'unfunded' };
	},
	partners: async (event) => {
		const { item, data } = await itemFor(event, 'workshop.edit');
		if (!item) return notFound();
		const ids = data.getAll('partnerId').filter((v): v is string => typeof v === 'string');
		const result = await setItemPartners(item, ids);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'partners' };
	},
	task: async (event) => {
		const { item, data } = await itemFor(event, 'workshop.edit');
		if (!item) return notFound();
		const form = parseForm(taskForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, itemId: item.item.id });
		const [kind, id] = form.data.owner.split(':');
		const owner =
			kind === 'user' ? { kind: 'user' as const, id } : kind === 'partner' ? { kind: 'partner' as const, id } : null;
		const result = await createTask(item, { title: form.data.title, owner, dueDate: form.data.dueDate || null });
		if (!result.ok) return fail(400, { errors: fieldError('owner', result.error), itemId: item.item.id });
		return { done: 'task' };
	},
	status: async (event) => {
		const access = await workshopFor('workshop.edit')(event);
		const data = await event.request.formData();
		const which = parseForm(taskIdForm, data);
		const task = which.ok ? await taskAccess(access, which.data.taskId) : null;
		if (!task) return notFound();
		const form = parseForm(taskUpdateForm, data);
		if (!form.ok) return fail(400, { errors: form.errors });
		await updateTask(task, form.data);
		return { done: 'status' };
	},
	/** A prototype continues in another workshop: run rights on both, the item in this one. */
	continue: async (event) => {
		const access = await workshopFor('workshop.run')(event);
		const form = parseForm(continueForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const target = await workshopAccess(event.locals, form.data.workshopId, 'workshop.run');
		const item = await planItemAccess(access, form.data.itemId);
		const result = item ? await continuePrototype(item, target) : { ok: false as const, error: 'error_not_found' };
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		redirect(303, `/w/${form.data.workshopId}/boards/${result.boardId}`);
	}
};
