/**
 * Participation level with evidence: the facts of a workshop and its plan items are read
 * here, the rules are pure (participation.ts); a facilitator confirms a level (stored with
 * who, when and the evidence; a plan item's own `participation_level` follows).
 */
import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import { user } from '$lib/orgs/orgs.schema';
import { fundingLine, partner, planItem, planItemPartner, task } from '$lib/plans/plans.schema';
import { listPlanItems } from '$lib/plans/plans.server';
import type { ParticipationLevel } from '$lib/plans/rules';
import { proposal, votingRound } from '$lib/voting/voting.schema';
import { board } from '$lib/boards/boards.schema';
import { noteAuthor } from '$lib/boards/authorship.schema';
import { participationConfirmation } from './social.schema';
import { suggestForItem, suggestForWorkshop, type Evidence } from './participation';
import type { Outcome } from '$lib/forms/forms';

const SWADAYA = ['swadaya-money', 'swadaya-labour', 'swadaya-materials'] as const;

/** Suggestions (with evidence) for the workshop and each of its plan items, and the latest confirmations. */
export async function participationOf(workshopId: string) {
	const items = await listPlanItems(workshopId);
	const ids = items.map((i) => i.id);
	const closedRounds = new Set(
		(
			await db
				.select({ id: votingRound.id })
				.from(votingRound)
				.where(and(eq(votingRound.workshopId, workshopId), eq(votingRound.status, 'closed')))
		).map((r) => r.id)
	);
	const communityTasks = ids.length
		? await db
				.select({ itemId: task.itemId })
				.from(task)
				.innerJoin(partner, eq(partner.id, task.ownerPartnerId))
				.where(and(inArray(task.itemId, ids), eq(partner.kind, 'community')))
		: [];
	const supportPartners = ids.length
		? await db
				.select({ itemId: planItemPartner.itemId })
				.from(planItemPartner)
				.innerJoin(partner, eq(partner.id, planItemPartner.partnerId))
				.where(and(inArray(planItemPartner.itemId, ids), ne(partner.kind, 'community')))
		: [];
	const supportMoney = ids.length
		? (await db.select().from(fundingLine).where(inArray(fundingLine.itemId, ids))).filter(
				(f) => !(SWADAYA as readonly string[]).includes(f.source)
			)
		: [];
	const originIds = items.map((i) => i.originProposalId).filter((id): id is string => Boolean(id));
	const byGroup = new Set(
		originIds.length
			? (
					await db
						.select({ id: proposal.id, group: proposal.proposedByGroup })
						.from(proposal)
						.where(inArray(proposal.id, originIds))
				)
					.filter((p) => p.group)
					.map((p) => p.id)
			: []
	);
	const countOf = (rows: { itemId: string }[], id: string) => rows.filter((r) => r.itemId === id).length;
	const suggestions = items.map((item) => ({
		itemId: item.id,
		title: item.title,
		current: item.participationLevel,
		...suggestForItem({
			decidedByVote: item.originKind === 'vote' && !!item.originRoundId && closedRounds.has(item.originRoundId),
			communityTasks: countOf(communityTasks, item.id),
			communityInitiated: !!item.originProposalId && byGroup.has(item.originProposalId),
			supportLines: countOf(supportPartners, item.id) + countOf(supportMoney, item.id)
		})
	}));
	const [proposals] = await db
		.select({ n: count() })
		.from(proposal)
		.where(and(eq(proposal.workshopId, workshopId), eq(proposal.status, 'active')));
	const [notes] = await db
		.select({ n: count() })
		.from(noteAuthor)
		.innerJoin(board, eq(board.id, noteAuthor.boardId))
		.where(and(eq(board.workshopId, workshopId), eq(noteAuthor.kind, 'participant')));
	const workshopSuggestion = suggestForWorkshop({
		roundsDecided: closedRounds.size,
		proposals: Number(proposals?.n ?? 0),
		notes: Number(notes?.n ?? 0),
		itemLevels: suggestions.map((s) => s.level)
	});
	const confirmations = await db
		.select({
			itemId: participationConfirmation.itemId,
			level: participationConfirmation.level,
			suggested: participationConfirmation.suggested,
			evidence: participationConfirmation.evidence,
			confirmedAt: participationConfirmation.confirmedAt,
			by: user.name
		})
		.from(participationConfirmation)
		.leftJoin(user, eq(user.id, participationConfirmation.confirmedBy))
		.where(eq(participationConfirmation.workshopId, workshopId))
		.orderBy(desc(participationConfirmation.confirmedAt));
	const latest = (itemId: string | null) => confirmations.find((c) => c.itemId === itemId) ?? null;
	return {
		workshop: { ...workshopSuggestion, confirmed: latest(null) },
		items: suggestions.map((s) => ({ ...s, confirmed: latest(s.itemId) }))
	};
}

/**
 * Confirms the level of the workshop (itemId null) or one of its plan items, storing the
 * suggestion and its evidence as they are now. The level may differ from the suggestion.
 */
export async function confirmLevel(
	access: WorkshopAccess<'workshop.run'>,
	itemId: string | null,
	level: ParticipationLevel
): Promise<Outcome> {
	const now = await participationOf(access.workshop.id);
	const subject = itemId === null ? now.workshop : now.items.find((i) => i.itemId === itemId);
	if (!subject) return { ok: false, error: 'error_not_found' };
	const evidence: Evidence[] = subject.evidence;
	await db.transaction(async (tx) => {
		await tx.insert(participationConfirmation).values({
			id: generateId(),
			workshopId: access.workshop.id,
			itemId,
			level,
			suggested: subject.level,
			evidence,
			confirmedBy: access.userId
		});
		if (itemId) await tx.update(planItem).set({ participationLevel: level }).where(eq(planItem.id, itemId));
	});
	return { ok: true };
}

/** The workshop's confirmed level, if any (the organisation page lists them). */
export async function confirmedWorkshopLevel(workshopId: string) {
	const [row] = await db
		.select({ level: participationConfirmation.level })
		.from(participationConfirmation)
		.where(and(eq(participationConfirmation.workshopId, workshopId), isNull(participationConfirmation.itemId)))
		.orderBy(desc(participationConfirmation.confirmedAt));
	return row?.level ?? null;
}
