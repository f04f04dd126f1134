/** Words for the assessment vocabulary (the four Co's, kinds of evidence, the two sides). */
import { m } from '$lib/paraglide/messages.js';
import { label } from '$lib/label';
import { PARTICIPATION_LEVELS, type ParticipationLevel } from '$lib/plans/rules';

export const coLabel = label({
	'co-commissioning': m.assess_co_commissioning,
	'co-design': m.assess_co_design,
	'co-delivery': m.assess_co_delivery,
	'co-assessment': m.assess_co_assessment
});

/** One label per evidence source kind (`sources.server.ts`); 'ikm' is for the satisfaction survey's source. */
export const evidenceLabel = label({
	workshops: m.assess_kind_workshops,
	votes: m.assess_kind_votes,
	boards: m.assess_kind_boards,
	plans: m.assess_kind_plans,
	tasks: m.assess_kind_tasks,
	'score-cards': m.assess_kind_score_cards,
	'impact-reviews': m.assess_kind_impact_reviews,
	ikm: m.assess_kind_ikm
});

export const sideLabel = label({ community: m.assess_side_community, provider: m.assess_side_provider });

export function isParticipationLevel(value: unknown): value is ParticipationLevel {
	return typeof value === 'string' && (PARTICIPATION_LEVELS as readonly string[]).includes(value);
}
