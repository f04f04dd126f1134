/**
 * Where the cycle's evidence comes from: one entry per kind of evidence, each with a loader
 * for an organisation. The cycle dashboard reads `evidence` of every source; closing the
 * loop reads `findings` (what the last assessments found) of those that have them.
 *
 * Adding a source is one entry (and its label in `labels.ts`); the IKM satisfaction survey
 * (`ikm` below) is one.
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { board } from '$lib/boards/boards.schema';
import { votingRound } from '$lib/voting/voting.schema';
import { plan, planItem, task } from '$lib/plans/plans.schema';
import { isParticipationLevel } from './labels';
import { agreedAction, impactReview, indicatorScore, scoreCard, scoreIndicator } from './assessment.schema';
import { levelReached, type Evidence } from './cycle';
import { gapRows } from './rules';
import { ikmSummaries } from '$lib/satisfaction/satisfaction.server';
import { ELEMENT_TEXTS } from '$lib/satisfaction/labels';

/** Something an assessment found, to start the next round of discovery from. */
export type Finding = {
	kind: string;
	/** What it came from (the score card's or plan item's title). */
	title: string;
	at: Date;
	/** The finding itself; `gap` when it is a score-card gap (formatted in the reader's language). */
	text: string;
	gap?: { community: number; provider: number; gap: number };
	/** Larger first when there are too many to place. */
	weight: number;
};

export type EvidenceSource = {
	kind: string;
	evidence: (organisationId: string) => Promise<Evidence[]>;
	findings?: (organisationId: string) => Promise<Finding[]>;
};

const workshopsOf = (organisationId: string) => eq(workshop.organisationId, organisationId);

/** Workshops held: context on the timeline, not evidence of one Co by themselves. */
const workshops: EvidenceSource = {
	kind: 'workshops',
	evidence: async (organisationId) =>
		(
			await db
				.select({
					id: workshop.id,
					title: workshop.title,
					function: workshop.function,
					date: workshop.date,
					createdAt: workshop.createdAt
				})
				.from(workshop)
				.where(and(workshopsOf(organisationId), inArray(workshop.status, ['open', 'closed'])))
		).map((w) => ({
			kind: 'workshops',
			co: null,
			function: w.function,
			title: w.title,
			at: w.date ? new Date(`${w.date}T00:00:00Z`) : w.createdAt,
			workshopId: w.id,
			level: 'information',
			href: `/w/${w.id}`
		}))
};

/** Co-commissioning: votes held (closed rounds); deciding together. */
const votes: EvidenceSource = {
	kind: 'votes',
	evidence: async (organisationId) =>
		(
			await db
				.select({
					id: votingRound.id,
					title: votingRound.title,
					closedAt: votingRound.closedAt,
					createdAt: votingRound.createdAt,
					workshopId: workshop.id,
					function: workshop.function
				})
				.from(votingRound)
				.innerJoin(workshop, eq(workshop.id, votingRound.workshopId))
				.where(and(workshopsOf(organisationId), eq(votingRound.status, 'closed')))
		).map((r) => ({
			kind: 'votes',
			co: 'co-commissioning',
			function: r.function,
			title: r.title,
			at: r.closedAt ?? r.createdAt,
			workshopId: r.workshopId,
			level: 'deciding-together',
			href: `/w/${r.workshopId}/rounds/${r.id}`
		}))
};

/** Co-design: boards of a co-design stage, or any board of a co-design workshop; consultation. */
const boards: EvidenceSource = {
	kind: 'boards',
	evidence: async (organisationId) =>
		(
			await db
				.select({
					id: board.id,
					title: board.title,
					createdAt: board.createdAt,
					workshopId: workshop.id,
					function: workshop.function
				})
				.from(board)
				.innerJoin(workshop, eq(workshop.id, board.workshopId))
				.where(and(workshopsOf(organisationId), or(isNotNull(board.stage), eq(workshop.kind, 'co-design'))))
		).map((b) => ({
			kind: 'boards',
			co: 'co-design',
			function: b.function,
			title: b.title,
			at: b.createdAt,
			workshopId: b.workshopId,
			level: 'consultation',
			href: `/w/${b.workshopId}/boards/${b.id}`
		}))
};

/** Co-delivery: plans finalised (at the deepest level their items record) and tasks done. */
const plans: EvidenceSource = {
	kind: 'plans',
	evidence: async (organisationId) => {
		const rows = await db
			.select({
				workshopId: workshop.id,
				title: workshop.title,
				function: workshop.function,
				finalisedAt: plan.finalisedAt,
				planId: plan.id
			})
			.from(plan)
			.innerJoin(workshop, eq(workshop.id, plan.workshopId))
			.where(and(workshopsOf(organisationId), eq(plan.status, 'final')));
		if (rows.length === 0) return [];
		const items = await db
			.select({ planId: planItem.planId, level: planItem.participationLevel })
			.from(planItem)
			.where(
				inArray(
					planItem.planId,
					rows.map((r) => r.planId)
				)
			);
		return rows.map((r) => ({
			kind: 'plans',
			co: 'co-delivery' as const,
			function: r.function,
			title: r.title,
			at: r.finalisedAt ?? new Date(0),
			workshopId: r.workshopId,
			level: levelReached(
				items
					.filter((i) => i.planId === r.planId)
					.map((i) => ({ level: isParticipationLevel(i.level) ? i.level : null }))
			),
			href: `/w/${r.workshopId}/plan`
		}));
	}
};

const tasks: EvidenceSource = {
	kind: 'tasks',
	evidence: async (organisationId) =>
		(
			await db
				.select({
					id: task.id,
					title: task.title,
					updatedAt: task.updatedAt,
					function: planItem.function,
					level: planItem.participationLevel,
					workshopId: workshop.id
				})
				.from(task)
				.innerJoin(planItem, eq(planItem.id, task.itemId))
				.innerJoin(plan, eq(plan.id, planItem.planId))
				.innerJoin(workshop, eq(workshop.id, plan.workshopId))
				.where(and(workshopsOf(organisationId), eq(task.status, 'done')))
		).map((t) => ({
			kind: 'tasks',
			co: 'co-delivery',
			function: t.function,
			title: t.title,
			at: t.updatedAt,
			workshopId: t.workshopId,
			level: isParticipationLevel(t.level) ? t.level : null,
			href: `/w/${t.workshopId}/tasks/${t.id}`
		}))
};

async function cardsWithScores(organisationId: string) {
	const cards = await db
		.select()
		.from(scoreCard)
		.where(eq(scoreCard.organisationId, organisationId))
		.orderBy(desc(scoreCard.createdAt));
	if (cards.length === 0) return [];
	const ids = cards.map((c) => c.id);
	const indicators = await db.select().from(scoreIndicator).where(inArray(scoreIndicator.cardId, ids));
	const scores = indicators.length
		? await db
				.select({
					indicatorId: indicatorScore.indicatorId,
					side: indicatorScore.side,
					score: indicatorScore.score,
					at: indicatorScore.updatedAt
				})
				.from(indicatorScore)
				.where(
					inArray(
						indicatorScore.indicatorId,
						indicators.map((i) => i.id)
					)
				)
		: [];
	const actions = await db
		.select({ cardId: agreedAction.cardId })
		.from(agreedAction)
		.where(inArray(agreedAction.cardId, ids));
	return cards.map((card) => {
		const mine = indicators.filter((i) => i.cardId === card.id);
		const mineScores = scores.filter((s) => mine.some((i) => i.id === s.indicatorId));
		return {
			card,
			indicators: mine,
			scores: mineScores,
			lastScoredAt: mineScores.reduce<Date | null>((last, s) => (!last || s.at > last ? s.at : last), null),
			actions: actions.filter((a) => a.cardId === card.id).length
		};
	});
}

/** Co-assessment: score cards that were scored (deciding together once actions were agreed). */
const scoreCards: EvidenceSource = {
	kind: 'score-cards',
	evidence: async (organisationId) => {
		const cards = await cardsWithScores(organisationId);
		const [workshopFunctions] = [
			new Map(
				(
					await db
						.select({ id: workshop.id, function: workshop.function })
						.from(workshop)
						.where(workshopsOf(organisationId))
				).map((w) => [w.id, w.function])
			)
		];
		return cards
			.filter((c) => c.scores.length > 0)
			.map((c) => ({
				kind: 'score-cards',
				co: 'co-assessment' as const,
				function: c.card.function ?? (c.card.workshopId ? (workshopFunctions.get(c.card.workshopId) ?? null) : null),
				title: c.card.title,
				at: c.lastScoredAt ?? c.card.createdAt,
				workshopId: c.card.workshopId,
				level: c.actions > 0 ? ('deciding-together' as const) : ('consultation' as const),
				href: `/orgs/${organisationId}/scorecards/${c.card.id}`
			}));
	},
	/** The largest gaps that may be shown (both sides with 5 or more), three per card, last five cards. */
	findings: async (organisationId) => {
		const cards = (await cardsWithScores(organisationId)).slice(0, 5);
		return cards.flatMap((c) =>
			gapRows(c.indicators, c.scores)
				.filter((r) => r.gap !== null && r.gap !== 0)
				.slice(0, 3)
				.map((r) => ({
					kind: 'score-cards',
					title: c.card.title,
					at: c.lastScoredAt ?? c.card.createdAt,
					text: r.text,
					gap: { community: r.community.mean!, provider: r.provider.mean!, gap: r.gap! },
					weight: Math.abs(r.gap!)
				}))
		);
	}
};

async function reviewsOf(organisationId: string) {
	return db
		.select({
			id: impactReview.id,
			itemId: planItem.id,
			itemTitle: planItem.title,
			function: planItem.function,
			notWorked: impactReview.notWorked,
			rating: impactReview.rating,
			authorKind: impactReview.authorKind,
			createdAt: impactReview.createdAt,
			workshopId: workshop.id
		})
		.from(impactReview)
		.innerJoin(planItem, eq(planItem.id, impactReview.itemId))
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(workshopsOf(organisationId))
		.orderBy(desc(impactReview.createdAt));
}

/** Co-assessment: impact reviews of delivered plan items; a participant's is consultation. */
const impactReviews: EvidenceSource = {
	kind: 'impact-reviews',
	evidence: async (organisationId) =>
		(await reviewsOf(organisationId)).map((r) => ({
			kind: 'impact-reviews',
			co: 'co-assessment',
			function: r.function,
			title: r.itemTitle,
			at: r.createdAt,
			workshopId: r.workshopId,
			level: r.authorKind === 'participant' ? 'consultation' : null,
			href: `/w/${r.workshopId}/impact#item-${r.itemId}`
		})),
	/** "What did not work", the latest ten; lower ratings first when there are too many. */
	findings: async (organisationId) =>
		(await reviewsOf(organisationId))
			.filter((r) => r.notWorked.trim() !== '')
			.slice(0, 10)
			.map((r) => ({
				kind: 'impact-reviews',
				title: r.itemTitle,
				at: r.createdAt,
				text: r.notWorked,
				weight: 6 - r.rating
			}))
};

/** Closed IKM satisfaction surveys: co-assessment; their weakest element is a finding. */
const ikm: EvidenceSource = {
	kind: 'ikm',
	evidence: async (organisationId) =>
		(await ikmSummaries(organisationId))
			.filter((s) => s.closedAt && s.respondents > 0)
			.map((s) => ({
				kind: 'ikm',
				co: 'co-assessment' as const,
				function: s.function,
				title: s.title,
				at: s.closedAt!,
				workshopId: s.workshopId,
				level: 'consultation' as const
			})),
	findings: async (organisationId) =>
		(await ikmSummaries(organisationId))
			.filter((s) => s.closedAt && s.weakest)
			.map((s) => ({
				kind: 'ikm',
				title: s.title,
				at: s.closedAt!,
				text: `IKM U${s.weakest!.element} ${ELEMENT_TEXTS[s.weakest!.element - 1].name()}: ${s.weakest!.index}`,
				weight: (100 - Number(s.weakest!.index)) / 25
			}))
};

export const SOURCES: readonly EvidenceSource[] = [
	workshops,
	votes,
	boards,
	plans,
	tasks,
	scoreCards,
	impactReviews,
	ikm
];

/** Every source's evidence for an organisation. */
export async function loadEvidence(organisationId: string, sources: readonly EvidenceSource[] = SOURCES) {
	return (await Promise.all(sources.map((s) => s.evidence(organisationId)))).flat();
}

/** Every source's findings, largest weight first within each kind. */
export async function loadFindings(organisationId: string, sources: readonly EvidenceSource[] = SOURCES) {
	const found = await Promise.all(sources.map((s) => (s.findings ? s.findings(organisationId) : [])));
	return found.flatMap((list) => [...list].sort((a, b) => b.weight - a.weight));
}
