/**
 * Words for plan vocabulary (plan statuses, funding sources, participation levels, task
 * statuses, partner kinds), each table typed by its registry in rules.ts (a value without
 * words does not compile; vocabulary.spec.ts checks they are the registry's messages).
 * Kept in plans, not in components, so the calendar feed can use them while plans imports
 * nothing from components (the pages and documents import them from here).
 */
import { m } from '$lib/paraglide/messages.js';
import { label, type Message } from '$lib/label';
import type { FundingSource, ParticipationLevel, PartnerKind, PlanStatus, TaskStatus } from './rules';

export const PLAN_STATUS_LABELS = {
	draft: m.plan_draft,
	final: m.plan_final
} satisfies Record<PlanStatus, Message>;
export const FUNDING_LABELS = {
	apbd: m.funding_apbd,
	kelurahan: m.funding_kelurahan,
	csr: m.funding_csr,
	'swadaya-money': m.funding_swadaya_money,
	'swadaya-labour': m.funding_swadaya_labour,
	'swadaya-materials': m.funding_swadaya_materials,
	'ngo-donor': m.funding_ngo_donor
} satisfies Record<FundingSource, Message>;
export const LEVEL_LABELS = {
	information: m.level_information,
	consultation: m.level_consultation,
	'deciding-together': m.level_deciding_together,
	'acting-together': m.level_acting_together,
	'supporting-independent': m.level_supporting_independent
} satisfies Record<ParticipationLevel, Message>;
export const TASK_STATUS_LABELS = {
	planned: m.task_planned,
	'in-progress': m.task_in_progress,
	blocked: m.task_blocked,
	done: m.task_done
} satisfies Record<TaskStatus, Message>;
export const PARTNER_KIND_LABELS = {
	government: m.partner_government,
	community: m.partner_community,
	ngo: m.partner_ngo,
	private: m.partner_private,
	academia: m.partner_academia
} satisfies Record<PartnerKind, Message>;

export const planStatusLabel = label(PLAN_STATUS_LABELS);
export const fundingLabel = label(FUNDING_LABELS);
export const levelLabel = label(LEVEL_LABELS);
export const taskStatusLabel = label(TASK_STATUS_LABELS);
export const partnerKindLabel = label(PARTNER_KIND_LABELS);
