/**
 * Use cases for community score cards: indicators (facilitators write them, participants
 * propose them from their phones), scores from both sides, the interface meeting's numbers
 * and the actions agreed there, which become plan items or delivery tasks linked back.
 *
 * Access: a card is reached through `cardAccess` (a member's checked organisation access,
 * 404 when the card is another organisation's) or `participantCard` (a phone's session,
 * 404 unless the card belongs to that participant's workshop).
 */
import { error } from '@sveltejs/kit';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import { sharedLimiter, type RateLimiter } from '$lib/server/auth/rate-limit';
import { workshop } from '$lib/workshops/workshops.schema';
import { plan, planItem, task } from '$lib/plans/plans.schema';
import { ensurePlan, findPlanItem } from '$lib/plans/plans.server';
import { maskPersonalDetails } from '$lib/safeguarding/rules';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { ParticipantAccess } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';
import type { WorkshopFunction } from '$lib/workshops/rules';
import type { Outcome } from '$lib/forms/forms';
import { agreedAction, indicatorScore, scoreCard, scoreIndicator } from './assessment.schema';
import { gapRows, shownReasons, type Side } from './rules';

declare const card: unique symbol;
declare const phone: unique symbol;

export type ScoreCard = typeof scoreCard.$inferSelect;

/** Proof that the member holds `P` in the organisation the card belongs to. */
export type CardAccess<P extends Permission = Permission> = {
	readonly userId: string;
	readonly card: ScoreCard;
	readonly [card]: P;
};

/** Proof that this phone's participant may score the card (it belongs to their workshop). */
export type ParticipantCard = {
	readonly participantId: string;
	readonly card: ScoreCard;
	readonly [phone]: true;
};

/** Indicators per card: a phone cannot flood a card. */
export const MAX_INDICATORS = 30;

const proposalsPerParticipant: RateLimiter = sharedLimiter('indicator-participant', { max: 5, windowMs: 60_000 });

async function findCard(cardId: string) {
	const [row] = await db.select().from(scoreCard).where(eq(scoreCard.id, cardId));
	return row ?? null;
}

export async function cardAccess<P extends Permission>(access: OrgAccess<P>, cardId: string): Promise<CardAccess<P>> {
	const found = await findCard(cardId);
	if (!found || found.organisationId !== access.organisation.id) error(404, 'Not found');
	return { userId: access.userId, card: found } as CardAccess<P>;
}

export async function participantCard(access: ParticipantAccess, cardId: string): Promise<ParticipantCard> {
	const found = await findCard(cardId);
	if (!found || found.workshopId !== access.workshopId) error(404, 'Not found');
	return { participantId: access.participantId, card: found } as ParticipantCard;
}

async function workshopIsOpen(workshopId: string | null) {
	if (!workshopId) return false;
	const [w] = await db.select({ status: workshop.status }).from(workshop).where(eq(workshop.id, workshopId));
	return w?.status === 'open';
}

// Cards ---------------------------------------------------------------------

export type CardInput = { title: string; workshopId: string | null; function: WorkshopFunction | null };

export async function createCard(access: OrgAccess<'workshop.run'>, input: CardInput) {
	if (input.workshopId) {
		const [w] = await db
			.select({ organisationId: workshop.organisationId })
			.from(workshop)
			.where(eq(workshop.id, input.workshopId));
		if (!w || w.organisationId !== access.organisation.id) return { ok: false as const, error: 'error_not_found' };
	}
	const id = generateId();
	await db.insert(scoreCard).values({ id, organisationId: access.organisation.id, createdBy: access.userId, ...input });
	return { ok: true as const, id };
}

export async function listCards(access: OrgAccess<'org.view'>) {
	return db
		.select({
			id: scoreCard.id,
			title: scoreCard.title,
			function: scoreCard.function,
			workshopId: scoreCard.workshopId,
			workshopTitle: workshop.title,
			createdAt: scoreCard.createdAt
		})
		.from(scoreCard)
		.leftJoin(workshop, eq(workshop.id, scoreCard.workshopId))
		.where(eq(scoreCard.organisationId, access.organisation.id))
		.orderBy(desc(scoreCard.createdAt));
}

/** The cards a participant can score: those of their workshop. */
export async function cardsForParticipant(access: ParticipantAccess) {
	return db
		.select({ id: scoreCard.id, title: scoreCard.title })
		.from(scoreCard)
		.where(eq(scoreCard.workshopId, access.workshopId))
		.orderBy(asc(scoreCard.createdAt));
}

// Indicators ----------------------------------------------------------------

export async function listIndicators(cardId: string) {
	return db
		.select({ id: scoreIndicator.id, text: scoreIndicator.text, proposedBy: scoreIndicator.proposedBy })
		.from(scoreIndicator)
		.where(eq(scoreIndicator.cardId, cardId))
		.orderBy(asc(scoreIndicator.createdAt), asc(scoreIndicator.id));
}

async function insertIndicator(
	cardId: string,
	text: string,
	by: { kind: 'facilitator' } | { kind: 'participant'; id: string }
): Promise<Outcome & { id?: string }> {
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({ id: scoreIndicator.id })
			.from(scoreIndicator)
			.where(eq(scoreIndicator.cardId, cardId));
		if (existing.length >= MAX_INDICATORS) return { ok: false as const, error: 'assess_error_too_many_indicators' };
		const id = generateId();
		await tx.insert(scoreIndicator).values({
			id,
			cardId,
			text,
			proposedBy: by.kind,
			participantId: by.kind === 'participant' ? by.id : null
		});
		return { ok: true as const, id };
	});
}

export async function addIndicator(access: CardAccess<'workshop.run'>, text: string) {
	return insertIndicator(access.card.id, text, { kind: 'facilitator' });
}

/** An indicator proposed from a phone: while the workshop is open, rate-limited, personal details masked. */
export async function proposeIndicator(access: ParticipantCard, text: string) {
	if (!(await workshopIsOpen(access.card.workshopId))) return { ok: false as const, error: 'error_workshop_closed' };
	const wait = await proposalsPerParticipant.retryAfter(access.participantId);
	if (wait > 0) return { ok: false as const, error: 'error_slow_down' };
	await proposalsPerParticipant.hit(access.participantId);
	return insertIndicator(access.card.id, maskPersonalDetails(text).text, {
		kind: 'participant',
		id: access.participantId
	});
}

export async function removeIndicator(access: CardAccess<'workshop.run'>, indicatorId: string) {
	const rows = await db
		.delete(scoreIndicator)
		.where(and(eq(scoreIndicator.id, indicatorId), eq(scoreIndicator.cardId, access.card.id)))
		.returning({ id: scoreIndicator.id });
	return rows.length ? { ok: true as const } : { ok: false as const, error: 'error_not_found' };
}

// Scores --------------------------------------------------------------------

export type ScoreInput = { indicatorId: string; score: number; reason: string };

async function upsertScore(cardId: string, side: Side, scorer: string, input: ScoreInput): Promise<Outcome> {
	const [indicator] = await db
		.select({ id: scoreIndicator.id })
		.from(scoreIndicator)
		.where(and(eq(scoreIndicator.id, input.indicatorId), eq(scoreIndicator.cardId, cardId)));
	if (!indicator) return { ok: false, error: 'error_not_found' };
	await db
		.insert(indicatorScore)
		.values({ id: generateId(), indicatorId: indicator.id, side, scorer, score: input.score, reason: input.reason })
		.onConflictDoUpdate({
			target: [indicatorScore.indicatorId, indicatorScore.scorer],
			set: { score: input.score, reason: input.reason, side, updatedAt: new Date() }
		});
	return { ok: true };
}

/** The community's score from a phone: one per participant and indicator; scoring again replaces it. */
export async function scoreAsParticipant(access: ParticipantCard, input: ScoreInput) {
	if (!(await workshopIsOpen(access.card.workshopId))) return { ok: false as const, error: 'error_workshop_closed' };
	return upsertScore(access.card.id, 'community', `p:${access.participantId}`, {
		...input,
		reason: maskPersonalDetails(input.reason).text
	});
}

/** A member's own score as a service provider: one per member and indicator, replaceable. */
export async function scoreAsProvider(access: CardAccess<'board.edit'>, input: ScoreInput) {
	return upsertScore(access.card.id, 'provider', `u:${access.userId}`, input);
}

/** A provider's score the facilitator enters for someone without an account (a paper form). */
export async function enterProviderScore(access: CardAccess<'workshop.run'>, input: ScoreInput) {
	return upsertScore(access.card.id, 'provider', `e:${generateId()}`, input);
}

/** What this phone (or member) has scored so far: indicator id to score and reason. */
export async function myScores(cardId: string, scorer: string) {
	const rows = await db
		.select({ indicatorId: indicatorScore.indicatorId, score: indicatorScore.score, reason: indicatorScore.reason })
		.from(indicatorScore)
		.innerJoin(scoreIndicator, eq(scoreIndicator.id, indicatorScore.indicatorId))
		.where(and(eq(scoreIndicator.cardId, cardId), eq(indicatorScore.scorer, scorer)));
	return Object.fromEntries(rows.map((r) => [r.indicatorId, { score: r.score, reason: r.reason }]));
}
export const participantScorer = (access: ParticipantCard) => `p:${access.participantId}`;
export const memberScorer = (access: CardAccess) => `u:${access.userId}`;

/** The scores of a card's indicators, without who gave them. */
async function cardScores(cardId: string) {
	return db
		.select({
			indicatorId: indicatorScore.indicatorId,
			side: indicatorScore.side,
			score: indicatorScore.score,
			reason: indicatorScore.reason
		})
		.from(indicatorScore)
		.innerJoin(scoreIndicator, eq(scoreIndicator.id, indicatorScore.indicatorId))
		.where(eq(scoreIndicator.cardId, cardId));
}

/**
 * The interface meeting: per indicator both sides' means side by side and the gap, largest
 * gap first; a side with fewer than 5 scorers shows only its count, and its reasons stay hidden.
 */
export async function interfaceMeeting(cardId: string) {
	const indicators = await listIndicators(cardId);
	const scores = await cardScores(cardId);
	return gapRows(indicators, scores).map((row) => ({
		...row,
		reasons: {
			community: shownReasons(
				scores.filter((s) => s.indicatorId === row.indicatorId && s.side === 'community').map((s) => s.reason),
				row.community
			),
			provider: shownReasons(
				scores.filter((s) => s.indicatorId === row.indicatorId && s.side === 'provider').map((s) => s.reason),
				row.provider
			)
		}
	}));
}

// Agreed actions ------------------------------------------------------------

export type ActionTarget = { kind: 'plan-item' } | { kind: 'task'; itemId: string };

/**
 * An action agreed in the interface meeting becomes a plan item in the card's workshop
 * plan, or a task on a plan item of the organisation; the link is stored both ways
 * (the action names the item or task). All or nothing.
 */
export async function agreeAction(
	access: CardAccess<'workshop.run'>,
	input: { text: string; indicatorId: string | null; target: ActionTarget }
) {
	const c = access.card;
	if (input.indicatorId) {
		const [found] = await db
			.select({ id: scoreIndicator.id })
			.from(scoreIndicator)
			.where(and(eq(scoreIndicator.id, input.indicatorId), eq(scoreIndicator.cardId, c.id)));
		if (!found) return { ok: false as const, error: 'error_not_found' };
	}
	const title = input.text.length > 200 ? `${input.text.slice(0, 197)}…` : input.text;
	if (input.target.kind === 'plan-item') {
		if (!c.workshopId) return { ok: false as const, error: 'assess_error_no_workshop' };
		const [w] = await db.select({ function: workshop.function }).from(workshop).where(eq(workshop.id, c.workshopId));
		const id = generateId();
		const itemId = generateId();
		await db.transaction(async (tx) => {
			const planId = await ensurePlan(tx, c.workshopId!);
			await tx.insert(planItem).values({
				id: itemId,
				planId,
				title,
				description: input.text,
				function: c.function ?? w.function,
				originKind: 'board',
				originRef: `score-card:${c.id}`
			});
			await tx.insert(agreedAction).values({
				id,
				cardId: c.id,
				indicatorId: input.indicatorId,
				text: input.text,
				planItemId: itemId,
				createdBy: access.userId
			});
		});
		return { ok: true as const, id, planItemId: itemId, taskId: null };
	}
	const item = await findPlanItem(input.target.itemId);
	if (!item || item.organisationId !== c.organisationId) return { ok: false as const, error: 'error_not_found' };
	const id = generateId();
	const taskId = generateId();
	await db.transaction(async (tx) => {
		await tx.insert(task).values({ id: taskId, itemId: item.item.id, title });
		await tx.insert(agreedAction).values({
			id,
			cardId: c.id,
			indicatorId: input.indicatorId,
			text: input.text,
			planItemId: item.item.id,
			taskId,
			createdBy: access.userId
		});
	});
	return { ok: true as const, id, planItemId: item.item.id, taskId };
}

export async function listActions(cardId: string) {
	return db
		.select({
			id: agreedAction.id,
			text: agreedAction.text,
			indicatorId: agreedAction.indicatorId,
			planItemId: agreedAction.planItemId,
			planItemTitle: planItem.title,
			workshopId: plan.workshopId,
			taskId: agreedAction.taskId,
			taskTitle: task.title,
			createdAt: agreedAction.createdAt
		})
		.from(agreedAction)
		.leftJoin(planItem, eq(planItem.id, agreedAction.planItemId))
		.leftJoin(plan, eq(plan.id, planItem.planId))
		.leftJoin(task, eq(task.id, agreedAction.taskId))
		.where(eq(agreedAction.cardId, cardId))
		.orderBy(asc(agreedAction.createdAt));
}

/** The score cards whose agreed actions led to these plan items (the link back). */
export async function actionsForItems(itemIds: string[]) {
	if (itemIds.length === 0) return [];
	return db
		.select({
			itemId: agreedAction.planItemId,
			taskId: agreedAction.taskId,
			cardId: scoreCard.id,
			cardTitle: scoreCard.title,
			organisationId: scoreCard.organisationId
		})
		.from(agreedAction)
		.innerJoin(scoreCard, eq(scoreCard.id, agreedAction.cardId))
		.where(inArray(agreedAction.planItemId, itemIds));
}

/** The organisation's plan items, to hang an agreed action's task on. */
export async function listOrganisationPlanItems(access: OrgAccess) {
	return db
		.select({ id: planItem.id, title: planItem.title, workshopTitle: workshop.title })
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(eq(workshop.organisationId, access.organisation.id))
		.orderBy(desc(planItem.createdAt))
		.limit(200);
}
