/**
 * Which rung of the participation ladder a plan item or a workshop reached, suggested from
 * what happened (the facilitator confirms). The ladder is `PARTICIPATION_LEVELS` in
 * plans/rules.ts. Each rule that holds adds its evidence; the suggestion is the highest
 * rung any evidence supports:
 *
 * - supporting-independent: a community-initiated item (put forward by a community group)
 *   that gets support from outside (a non-community partner responsible, or non-swadaya money);
 * - acting-together: delivery tasks owned by the community (a community partner);
 * - deciding-together: a vote decided the item (a counted round);
 * - consultation: proposals or board notes were collected, but nothing was voted;
 * - information: otherwise (only shown).
 */
import { PARTICIPATION_LEVELS, type ParticipationLevel } from '../plans/rules';

export type EvidenceKind =
	| 'community-initiated-supported'
	| 'community-tasks'
	| 'vote-decided'
	| 'proposals-collected'
	| 'notes-collected'
	| 'shown-only';
export type Evidence = { kind: EvidenceKind; count: number };

export type ItemFacts = {
	/** The item came out of a counted voting round. */
	decidedByVote: boolean;
	/** Tasks owned by a community partner. */
	communityTasks: number;
	/** Put forward by a community group (not by the office). */
	communityInitiated: boolean;
	/** Support from outside: non-community partners responsible, non-swadaya money lines. */
	supportLines: number;
};

export type WorkshopFacts = {
	/** Closed voting rounds. */
	roundsDecided: number;
	proposals: number;
	notes: number;
	/** The workshop's items' own suggestions (each item's level). */
	itemLevels: readonly ParticipationLevel[];
};

const rank = (level: ParticipationLevel) => PARTICIPATION_LEVELS.indexOf(level);
const LEVEL_OF: Record<EvidenceKind, ParticipationLevel> = {
	'community-initiated-supported': 'supporting-independent',
	'community-tasks': 'acting-together',
	'vote-decided': 'deciding-together',
	'proposals-collected': 'consultation',
	'notes-collected': 'consultation',
	'shown-only': 'information'
};

export function levelOfEvidence(kind: EvidenceKind): ParticipationLevel {
	return LEVEL_OF[kind];
}

/** The highest level supported by the evidence (information when there is none). */
export function highest(evidence: readonly Evidence[]): ParticipationLevel {
	return evidence.reduce<ParticipationLevel>(
		(best, e) => (rank(LEVEL_OF[e.kind]) > rank(best) ? LEVEL_OF[e.kind] : best),
		'information'
	);
}

export function suggestForItem(facts: ItemFacts): { level: ParticipationLevel; evidence: Evidence[] } {
	const evidence: Evidence[] = [];
	if (facts.communityInitiated && facts.supportLines > 0)
		evidence.push({ kind: 'community-initiated-supported', count: facts.supportLines });
	if (facts.communityTasks > 0) evidence.push({ kind: 'community-tasks', count: facts.communityTasks });
	if (facts.decidedByVote) evidence.push({ kind: 'vote-decided', count: 1 });
	if (evidence.length === 0) evidence.push({ kind: 'shown-only', count: 0 });
	return { level: highest(evidence), evidence };
}

export function suggestForWorkshop(facts: WorkshopFacts): { level: ParticipationLevel; evidence: Evidence[] } {
	const evidence: Evidence[] = [];
	const count = (level: ParticipationLevel) => facts.itemLevels.filter((l) => l === level).length;
	if (count('supporting-independent'))
		evidence.push({ kind: 'community-initiated-supported', count: count('supporting-independent') });
	if (count('acting-together')) evidence.push({ kind: 'community-tasks', count: count('acting-together') });
	if (facts.roundsDecided > 0) evidence.push({ kind: 'vote-decided', count: facts.roundsDecided });
	if (facts.roundsDecided === 0 && facts.proposals > 0)
		evidence.push({ kind: 'proposals-collected', count: facts.proposals });
	if (facts.roundsDecided === 0 && facts.notes > 0) evidence.push({ kind: 'notes-collected', count: facts.notes });
	if (evidence.length === 0) evidence.push({ kind: 'shown-only', count: 0 });
	return { level: highest(evidence), evidence };
}
