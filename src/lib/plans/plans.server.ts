/**
 * The workshop's plan: every session ends in one. Items arrive from closed voting
 * rounds and from boards (a cluster, a How-Might-We, a prototype canvas). The plans
 * issue extends this with co-financing, partners and delivery tasks.
 */
import { asc, eq } from 'drizzle-orm';
import { db, type Database } from '$lib/server/db';
import { plan, planItem } from './plans.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { generateId } from '$lib/server/auth/tokens';

export type PlanItem = typeof planItem.$inferSelect;
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The workshop's plan row, created on first use. */
export async function ensurePlan(tx: Tx | Database, workshopId: string): Promise<string> {
	const [existing] = await tx.select({ id: plan.id }).from(plan).where(eq(plan.workshopId, workshopId));
	if (existing) return existing.id;
	const [created] = await tx
		.insert(plan)
		.values({ id: generateId(), workshopId })
		.onConflictDoNothing()
		.returning({ id: plan.id });
	if (created) return created.id;
	const [raced] = await tx.select({ id: plan.id }).from(plan).where(eq(plan.workshopId, workshopId));
	return raced.id;
}

export async function listPlanItems(workshopId: string) {
	const [found] = await db.select().from(plan).where(eq(plan.workshopId, workshopId));
	if (!found) return [];
	return db
		.select()
		.from(planItem)
		.where(eq(planItem.planId, found.id))
		.orderBy(asc(planItem.createdAt), asc(planItem.priorityRank));
}

/** A plan item with its plan's status, workshop and organisation (for access checks and history). */
export async function findPlanItem(itemId: string) {
	const [row] = await db
		.select({
			item: planItem,
			planStatus: plan.status,
			workshopId: plan.workshopId,
			workshopTitle: workshop.title,
			organisationId: workshop.organisationId
		})
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(eq(planItem.id, itemId));
	return row ?? null;
}

/** A prototype's iterations, oldest first, across workshops. */
export async function iterationHistory(itemId: string) {
	const chain: { id: string; iteration: number; title: string; workshopId: string; workshopTitle: string }[] = [];
	let current: string | null = itemId;
	const seen = new Set<string>();
	while (current && !seen.has(current)) {
		seen.add(current);
		const found = await findPlanItem(current);
		if (!found) break;
		chain.unshift({
			id: found.item.id,
			iteration: found.item.iteration,
			title: found.item.title,
			workshopId: found.workshopId,
			workshopTitle: found.workshopTitle
		});
		current = found.item.previousItemId;
	}
	return chain;
}
