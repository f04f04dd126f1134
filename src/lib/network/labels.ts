/** Words for the network map's stored values, in the current language. */
import { m } from '$lib/paraglide/messages.js';
import { label } from '$lib/label';

export const actorKindLabel = label({
	person: m.net_kind_person,
	organisation: m.net_kind_organisation,
	community: m.net_kind_community,
	government: m.net_kind_government,
	private: m.net_kind_private,
	ngo: m.net_kind_ngo
});

export const tieKindLabel = label({
	'works-with': m.net_tie_works_with,
	refers: m.net_tie_refers,
	funds: m.net_tie_funds,
	'shares-info': m.net_tie_shares_info
});

export const originLabel = label({
	facilitator: m.net_origin_facilitator,
	suggested: m.net_origin_suggested,
	phone: m.net_origin_phone
});

/** Why the app suggests an actor or a tie. */
export const whyLabel = label({
	net_why_organisation: m.net_why_organisation,
	net_why_partner: m.net_why_partner,
	net_why_plan_partner: m.net_why_plan_partner,
	net_why_task_owner: m.net_why_task_owner,
	net_why_funding: m.net_why_funding,
	net_why_group: m.net_why_group
});
