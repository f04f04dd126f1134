/**
 * Access to a plan item or a delivery task, derived from the access to its workshop: a
 * member's checked `WorkshopAccess<P>` becomes a `PlanItemAccess<P>` or `TaskAccess<P>`
 * only when the item (or the task's item) is in that workshop's plan.
 *
 * Both answer null when it is not: the plan page answers that as a form failure (404 with
 * `error_not_found`), the task page as 404. Use cases that change an item or a task take
 * these values, never a bare id; only this module builds them.
 */
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';
import { findPlanItem, type PlanItem } from './plans.server';
import { findTask, type Task } from './delivery.server';

declare const checkedItem: unique symbol;
declare const checkedTask: unique symbol;

/** Proof that the member holds `P` in the workshop whose plan holds `item`. */
export type PlanItemAccess<P extends Permission = Permission> = WorkshopAccess<P> & {
	readonly item: PlanItem;
	readonly [checkedItem]: P;
};

/** Proof that the member holds `P` in the workshop whose plan holds the task's item. */
export type TaskAccess<P extends Permission = Permission> = WorkshopAccess<P> & {
	readonly task: Task;
	readonly item: PlanItem;
	readonly [checkedTask]: P;
};

export async function planItemAccess<P extends Permission>(
	access: WorkshopAccess<P>,
	itemId: string
): Promise<PlanItemAccess<P> | null> {
	const found = await findPlanItem(itemId);
	if (!found || found.workshopId !== access.workshop.id) return null;
	return { ...access, item: found.item } as PlanItemAccess<P>;
}

export async function taskAccess<P extends Permission>(
	access: WorkshopAccess<P>,
	taskId: string
): Promise<TaskAccess<P> | null> {
	const found = await findTask(taskId);
	if (!found || found.workshopId !== access.workshop.id) return null;
	return { ...access, task: found.task, item: found.item } as TaskAccess<P>;
}
