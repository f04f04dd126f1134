/** Words for the social vocabulary (agreement topics, statements, asset kinds, statuses, evidence). */
import { m } from '$lib/paraglide/messages.js';
import { label } from '$lib/label';

export const topicLabel = label({
	decisions: m.soc_topic_decisions,
	referrals: m.soc_topic_referrals,
	response: m.soc_topic_response,
	other: m.soc_topic_other
});
export const statementLabel = label({
	'trust-government': m.soc_statement_trust_government,
	'trust-shelter': m.soc_statement_trust_shelter,
	'trust-ngo': m.soc_statement_trust_ngo,
	'trust-neighbours': m.soc_statement_trust_neighbours,
	'acted-on': m.soc_statement_acted_on
});
export const scaleLabel = label({
	'1': m.soc_scale_1,
	'2': m.soc_scale_2,
	'3': m.soc_scale_3,
	'4': m.soc_scale_4,
	'5': m.soc_scale_5
});
export const phaseLabel = label({ start: m.soc_phase_start, end: m.soc_phase_end });
export const assetKindLabel = label({
	time: m.soc_kind_time,
	skills: m.soc_kind_skills,
	places: m.soc_kind_places,
	materials: m.soc_kind_materials,
	money: m.soc_kind_money
});
export const pledgeStatusLabel = label({
	pledged: m.soc_status_pledged,
	delivered: m.soc_status_delivered,
	'not-delivered': m.soc_status_not_delivered
});

/** One line of evidence, with its count. */
export function evidenceText(e: { kind: string; count: number }): string {
	const n = e.count;
	switch (e.kind) {
		case 'community-initiated-supported':
			return m.soc_evidence_community_initiated_supported({ n });
		case 'community-tasks':
			return m.soc_evidence_community_tasks({ n });
		case 'vote-decided':
			return m.soc_evidence_vote_decided({ n });
		case 'proposals-collected':
			return m.soc_evidence_proposals_collected({ n });
		case 'notes-collected':
			return m.soc_evidence_notes_collected({ n });
		default:
			return m.soc_evidence_shown_only();
	}
}
