/**
 * Impact reviews: after delivery, what a plan item changed, for whom, what did not work, a
 * rating and evidence. Members (and partners through them) write from the workshop's item
 * page; participants from their phone, for items of the workshop they joined.
 */
import { error } from '@sveltejs/kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import { sharedLimiter, type RateLimiter } from '$lib/server/auth/rate-limit';
import { user } from '$lib/orgs/orgs.schema';
import { plan, planItem, task } from '$lib/plans/plans.schema';
import { findPlanItem } from '$lib/plans/plans.server';
import { maskPersonalDetails } from '$lib/safeguarding/rules';
import type { WorkshopAccess, ParticipantAccess } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';
import { impactReview } from './assessment.schema';

declare const reviewable: unique symbol;

type FoundItem = NonNullable<Awaited<ReturnType<typeof findPlanItem>>>;

/** Proof that the caller may see (and with `board.edit` or as a participant, review) this plan item. */
export type ItemAccess<P extends Permission | 'participant' = Permission | 'participant'> = {
	readonly found: FoundItem;
	readonly author: { kind: 'member'; userId: string } | { kind: 'participant'; participantId: string };
	readonly [reviewable]: P;
};

/** A plan item of the member's workshop (404 when it is another workshop's). */
export async function itemAccess<P extends Permission>(access: WorkshopAccess<P>, itemId: string) {
	const found = await findPlanItem(itemId);
	if (!found || found.workshopId !== access.workshop.id) error(404, 'Not found');
	return { found, author: { kind: 'member', userId: access.userId } } as ItemAccess<P>;
}

/** A plan item of the workshop this phone joined (404 otherwise). */
export async function participantItem(access: ParticipantAccess, itemId: string) {
	const found = await findPlanItem(itemId);
	if (!found || found.workshopId !== access.workshopId) error(404, 'Not found');
	return { found, author: { kind: 'participant', participantId: access.participantId } } as ItemAccess<'participant'>;
}

export type ReviewInput = {
	changed: string;
	forWhom: string;
	notWorked: string;
	rating: number;
	evidence: string;
	links: string[];
	taskId: string | null;
};

const reviewsPerParticipant: RateLimiter = sharedLimiter('impact-participant', { max: 5, windowMs: 60_000 });

/** Reviews come after delivery: once the plan is final. A task named must be the item's. */
export async function addImpactReview(
	access: ItemAccess<'board.edit'> | ItemAccess<'participant'>,
	input: ReviewInput
) {
	const { found, author } = access;
	if (found.planStatus !== 'final') return { ok: false as const, error: 'assess_error_not_delivered' };
	if (input.taskId) {
		const [t] = await db
			.select({ id: task.id })
			.from(task)
			.where(and(eq(task.id, input.taskId), eq(task.itemId, found.item.id)));
		if (!t) return { ok: false as const, error: 'error_not_found' };
	}
	let text = input;
	if (author.kind === 'participant') {
		const wait = await reviewsPerParticipant.retryAfter(author.participantId);
		if (wait > 0) return { ok: false as const, error: 'error_slow_down' };
		await reviewsPerParticipant.hit(author.participantId);
		// A phone's words may carry someone's number or address: masked before anyone reads them.
		const mask = (s: string) => maskPersonalDetails(s).text;
		text = {
			...input,
			changed: mask(input.changed),
			forWhom: mask(input.forWhom),
			notWorked: mask(input.notWorked),
			evidence: mask(input.evidence)
		};
	}
	const id = generateId();
	await db.insert(impactReview).values({
		id,
		itemId: found.item.id,
		taskId: text.taskId,
		changed: text.changed,
		forWhom: text.forWhom,
		notWorked: text.notWorked,
		rating: text.rating,
		evidence: text.evidence,
		links: text.links,
		authorKind: author.kind,
		participantId: author.kind === 'participant' ? author.participantId : null,
		userId: author.kind === 'member' ? author.userId : null
	});
	return { ok: true as const, id };
}

/** Reviews of plan items: members are named, participants are not. */
export async function listImpactReviews(itemIds: string[]) {
	if (itemIds.length === 0) return [];
	const rows = await db
		.select({
			id: impactReview.id,
			itemId: impactReview.itemId,
			taskId: impactReview.taskId,
			changed: impactReview.changed,
			forWhom: impactReview.forWhom,
			notWorked: impactReview.notWorked,
			rating: impactReview.rating,
			evidence: impactReview.evidence,
			links: impactReview.links,
			authorKind: impactReview.authorKind,
			authorName: user.name,
			createdAt: impactReview.createdAt
		})
		.from(impactReview)
		.leftJoin(user, eq(user.id, impactReview.userId))
		.where(inArray(impactReview.itemId, itemIds))
		.orderBy(asc(impactReview.createdAt));
	return rows.map((r) => ({ ...r, authorName: r.authorKind === 'member' ? r.authorName : null }));
}

/** For public pages: how many reviewed each item and their mean rating (no words, no names). */
export async function impactSummaries(itemIds: string[]) {
	const reviews = await listImpactReviews(itemIds);
	const out = new Map<string, { reviews: number; meanRating: number }>();
	for (const id of itemIds) {
		const mine = reviews.filter((r) => r.itemId === id);
		if (mine.length === 0) continue;
		const mean = mine.reduce((s, r) => s + r.rating, 0) / mine.length;
		out.set(id, { reviews: mine.length, meanRating: Math.round(mean * 10) / 10 });
	}
	return out;
}

/** The plan items a phone may review: those of its workshop's plan, once the plan is final. */
export async function reviewableItems(access: ParticipantAccess) {
	const rows = await db
		.select({ id: planItem.id, title: planItem.title })
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.where(and(eq(plan.workshopId, access.workshopId), eq(plan.status, 'final')))
		.orderBy(asc(planItem.createdAt));
	return rows;
}
