/**
 * Use cases for co-delivery: partners, plan items with co-financing and responsible
 * partners, finalising a plan (later changes keep a history), and delivery tasks.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { fundingLine, partner, plan, planItem, planItemEvent, planItemPartner, task, taskNote } from './plans.schema';
import { user } from '$lib/orgs/orgs.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { generateId } from '$lib/server/auth/tokens';
import { ensurePlan, findPlanItem, listPlanItems } from './plans.server';
import {
	fundingTotals,
	itemProgress,
	type FundingSource,
	type ParticipationLevel,
	type PartnerKind,
	type TaskStatus
} from './rules';
import type { WorkshopFunction } from '$lib/workshops/rules';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { PlanItemAccess, TaskAccess } from './access.server';

export type Task = typeof task.$inferSelect;

// Partners ------------------------------------------------------------------

export async function listPartners(organisationId: string) {
	return db.select().from(partner).where(eq(partner.organisationId, organisationId)).orderBy(asc(partner.name));
}

export async function createPartner(
	access: OrgAccess<'workshop.edit'>,
	input: { name: string; kind: PartnerKind; contactName: string; contact: string }
) {
	const id = generateId();
	await db.insert(partner).values({ id, organisationId: access.organisation.id, ...input });
	return id;
}

export async function deletePartner(access: OrgAccess<'workshop.edit'>, partnerId: string) {
	const organisationId = access.organisation.id;
	const rows = await db
		.delete(partner)
		.where(and(eq(partner.id, partnerId), eq(partner.organisationId, organisationId)))
		.returning({ id: partner.id });
	return rows.length > 0;
}

// Plan items ----------------------------------------------------------------

async function recordIfFinal(itemId: string, actorId: string | null, kind: string, detail: Record<string, unknown>) {
	const found = await findPlanItem(itemId);
	if (found?.planStatus === 'final')
		await db.insert(planItemEvent).values({ id: generateId(), itemId, actorId, kind, detail });
}

/** The full plan of a workshop: items with funding, partners, tasks and progress. */
export async function getPlan(workshopId: string) {
	const [row] = await db.select().from(plan).where(eq(plan.workshopId, workshopId));
	const items = await listPlanItems(workshopId);
	const ids = items.map((i) => i.id);
	const funding = ids.length ? await db.select().from(fundingLine).where(inArray(fundingLine.itemId, ids)) : [];
	const partners = ids.length
		? await db
				.select({ itemId: planItemPartner.itemId, id: partner.id, name: partner.name, kind: partner.kind })
				.from(planItemPartner)
				.innerJoin(partner, eq(partner.id, planItemPartner.partnerId))
				.where(inArray(planItemPartner.itemId, ids))
		: [];
	const tasks = ids.length ? await listTasksFor(ids) : [];
	const history = ids.length
		? await db.select().from(planItemEvent).where(inArray(planItemEvent.itemId, ids)).orderBy(asc(planItemEvent.at))
		: [];
	return {
		status: row?.status ?? 'draft',
		finalisedAt: row?.finalisedAt ?? null,
		items: items.map((item) => {
			const lines = funding.filter((f) => f.itemId === item.id);
			const itemTasks = tasks.filter((t) => t.itemId === item.id);
			return {
				...item,
				funding: lines,
				fundingTotals: fundingTotals(lines),
				partners: partners.filter((p) => p.itemId === item.id),
				tasks: itemTasks,
				progress: itemProgress(itemTasks),
				history: history.filter((h) => h.itemId === item.id)
			};
		})
	};
}

export async function finalisePlan(access: WorkshopAccess<'workshop.run'>) {
	const planId = await ensurePlan(db, access.workshop.id);
	await db.update(plan).set({ status: 'final', finalisedAt: new Date() }).where(eq(plan.id, planId));
}

export type ItemInput = {
	title: string;
	description: string;
	function: WorkshopFunction;
	location: string;
	targetGroups: string[];
	cost: bigint | null;
	priorityRank: number | null;
	participationLevel: ParticipationLevel | null;
};

/** A plan item written by hand (most come from votes and boards). */
export async function createItem(access: WorkshopAccess<'workshop.edit'>, input: ItemInput) {
	const actorId = access.userId;
	const planId = await ensurePlan(db, access.workshop.id);
	const id = generateId();
	await db.insert(planItem).values({ id, planId, ...input, originKind: 'board', originRef: null });
	await recordIfFinal(id, actorId, 'created', { title: input.title });
	return id;
}

export async function updateItem(access: PlanItemAccess<'workshop.edit'>, input: ItemInput) {
	const itemId = access.item.id;
	const actorId = access.userId;
	const found = await findPlanItem(itemId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	const before = found.item as Record<string, unknown>;
	const changed = Object.keys(input).filter(
		(k) => String(before[k] ?? '') !== String((input as Record<string, unknown>)[k] ?? '')
	);
	await db.update(planItem).set(input).where(eq(planItem.id, itemId));
	if (changed.length) await recordIfFinal(itemId, actorId, 'edited', { fields: changed });
	return { ok: true as const };
}

export async function addFunding(
	access: PlanItemAccess<'workshop.edit'>,
	line: { source: FundingSource; amount: bigint | null; inKind: string }
) {
	const itemId = access.item.id;
	const actorId = access.userId;
	const id = generateId();
	await db.insert(fundingLine).values({ id, itemId, ...line });
	await recordIfFinal(itemId, actorId, 'funding-added', {
		source: line.source,
		amount: line.amount?.toString() ?? null,
		inKind: line.inKind
	});
	return id;
}

export async function removeFunding(access: PlanItemAccess<'workshop.edit'>, lineId: string) {
	const itemId = access.item.id;
	const actorId = access.userId;
	const rows = await db
		.delete(fundingLine)
		.where(and(eq(fundingLine.id, lineId), eq(fundingLine.itemId, itemId)))
		.returning();
	if (rows[0]) await recordIfFinal(itemId, actorId, 'funding-removed', { source: rows[0].source });
	return rows.length > 0;
}

/** Responsible partners: only partners of the item's own organisation. */
export async function setItemPartners(access: PlanItemAccess<'workshop.edit'>, partnerIds: string[]) {
	const itemId = access.item.id;
	const actorId = access.userId;
	const found = await findPlanItem(itemId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	const valid = partnerIds.length
		? await db
				.select({ id: partner.id })
				.from(partner)
				.where(and(eq(partner.organisationId, found.organisationId), inArray(partner.id, partnerIds)))
		: [];
	if (valid.length !== new Set(partnerIds).size) return { ok: false as const, error: 'error_not_found' };
	await db.transaction(async (tx) => {
		await tx.delete(planItemPartner).where(eq(planItemPartner.itemId, itemId));
		if (valid.length) await tx.insert(planItemPartner).values(valid.map((p) => ({ itemId, partnerId: p.id })));
	});
	await recordIfFinal(itemId, actorId, 'partners', { partners: valid.map((p) => p.id) });
	return { ok: true as const };
}

// Tasks ---------------------------------------------------------------------

async function listTasksFor(itemIds: string[]) {
	return db
		.select({
			id: task.id,
			itemId: task.itemId,
			title: task.title,
			dueDate: task.dueDate,
			status: task.status,
			progress: task.progress,
			ownerUserId: task.ownerUserId,
			ownerPartnerId: task.ownerPartnerId,
			ownerUserName: user.name,
			ownerPartnerName: partner.name
		})
		.from(task)
		.leftJoin(user, eq(user.id, task.ownerUserId))
		.leftJoin(partner, eq(partner.id, task.ownerPartnerId))
		.where(inArray(task.itemId, itemIds))
		.orderBy(asc(task.dueDate), asc(task.createdAt));
}

export type TaskOwner = { kind: 'user'; id: string } | { kind: 'partner'; id: string } | null;

/** Creates a task; the owner must be a member or partner of the item's organisation. */
export async function createTask(
	access: PlanItemAccess<'workshop.edit'>,
	input: { title: string; owner: TaskOwner; dueDate: string | null }
) {
	const itemId = access.item.id;
	const actorId = access.userId;
	const found = await findPlanItem(itemId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	if (input.owner?.kind === 'partner') {
		const [p] = await db
			.select()
			.from(partner)
			.where(and(eq(partner.id, input.owner.id), eq(partner.organisationId, found.organisationId)));
		if (!p) return { ok: false as const, error: 'error_owner' };
	}
	if (input.owner?.kind === 'user') {
		const { findRole } = await import('$lib/orgs/orgs.server');
		if (!(await findRole(input.owner.id, found.organisationId))) return { ok: false as const, error: 'error_owner' };
	}
	const id = generateId();
	await db.insert(task).values({
		id,
		itemId,
		title: input.title,
		ownerUserId: input.owner?.kind === 'user' ? input.owner.id : null,
		ownerPartnerId: input.owner?.kind === 'partner' ? input.owner.id : null,
		dueDate: input.dueDate
	});
	await recordIfFinal(itemId, actorId, 'task-added', { task: input.title });
	return { ok: true as const, id };
}

export async function findTask(taskId: string) {
	const [row] = await db.select().from(task).where(eq(task.id, taskId));
	if (!row) return null;
	const item = await findPlanItem(row.itemId);
	return item ? { task: row, ...item } : null;
}

/** Moves a task along: status and progress (done means 100). */
export async function updateTask(access: TaskAccess<'workshop.edit'>, patch: { status: TaskStatus; progress: number }) {
	const taskId = access.task.id;
	const actorId = access.userId;
	const found = await findTask(taskId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	const progress = patch.status === 'done' ? 100 : patch.progress;
	await db.update(task).set({ status: patch.status, progress, updatedAt: new Date() }).where(eq(task.id, taskId));
	await recordIfFinal(found.task.itemId, actorId, 'task-updated', {
		task: found.task.title,
		status: patch.status,
		progress
	});
	return { ok: true as const };
}

export async function addTaskNote(
	access: TaskAccess<'workshop.edit'>,
	note: { kind: 'comment' | 'evidence'; text: string; photo: string | null }
) {
	const id = generateId();
	await db.insert(taskNote).values({ id, taskId: access.task.id, authorId: access.userId, ...note });
	return id;
}

export async function listTaskNotes(taskId: string) {
	return db
		.select({
			id: taskNote.id,
			kind: taskNote.kind,
			text: taskNote.text,
			photo: taskNote.photo,
			createdAt: taskNote.createdAt,
			author: user.name
		})
		.from(taskNote)
		.leftJoin(user, eq(user.id, taskNote.authorId))
		.where(eq(taskNote.taskId, taskId))
		.orderBy(asc(taskNote.createdAt));
}

/** Every task of an organisation (across workshops and years), for the list, kanban and iCal. */
export async function listOrganisationTasks(organisationId: string) {
	const items = await db
		.select({
			id: planItem.id,
			title: planItem.title,
			function: planItem.function,
			workshopId: plan.workshopId,
			workshopTitle: workshop.title
		})
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(eq(workshop.organisationId, organisationId));
	if (items.length === 0) return [];
	const byId = new Map(items.map((i) => [i.id, i]));
	return (await listTasksFor(items.map((i) => i.id))).map((t) => ({ ...t, item: byId.get(t.itemId)! }));
}
