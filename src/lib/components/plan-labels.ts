/** Words for plan vocabulary (funding sources, participation levels, task statuses, partner kinds). */
import { m } from '$lib/paraglide/messages.js';
import { label as table } from './labels';

export const fundingLabel = table({
	apbd: m.funding_apbd,
	kelurahan: m.funding_kelurahan,
	csr: m.funding_csr,
	'swadaya-money': m.funding_swadaya_money,
	'swadaya-labour': m.funding_swadaya_labour,
	'swadaya-materials': m.funding_swadaya_materials,
	'ngo-donor': m.funding_ngo_donor
});
export const levelLabel = table({
	information: m.level_information,
	consultation: m.level_consultation,
	'deciding-together': m.level_deciding_together,
	'acting-together': m.level_acting_together,
	'supporting-independent': m.level_supporting_independent
});
export const taskStatusLabel = table({
	planned: m.task_planned,
	'in-progress': m.task_in_progress,
	blocked: m.task_blocked,
	done: m.task_done
});
export const partnerKindLabel = table({
	government: m.partner_government,
	community: m.partner_community,
	ngo: m.partner_ngo,
	private: m.partner_private,
	academia: m.partner_academia
});
