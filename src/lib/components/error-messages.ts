/**
 * Every error a form action, a use case or a field schema can answer with, as message
 * functions: the one registry `FormError` and `RupiahInput` read. Listing them keeps each
 * page's bundle to these messages; looking keys up on the whole message module would pull
 * every message of the app into every page that shows an error (the ballot page went over
 * its 100 kB budget that way). `error-messages.spec.ts` fails when server code names an error
 * key that is missing here.
 */
import { m } from '$lib/paraglide/messages.js';

/** A message function; a few take inputs, which an error answered by a form does not carry. */
type Message = (inputs: never) => string;

export const ERROR_MESSAGES: Record<string, Message | undefined> = {
	error_already_member: m.error_already_member,
	error_already_voted: m.error_already_voted,
	error_ballot_duplicate: m.error_ballot_duplicate,
	error_ballot_empty: m.error_ballot_empty,
	error_ballot_max_points: m.error_ballot_max_points,
	error_ballot_over_budget: m.error_ballot_over_budget,
	error_ballot_points: m.error_ballot_points,
	error_ballot_shape: m.error_ballot_shape,
	error_ballot_too_few: m.error_ballot_too_few,
	error_ballot_too_many: m.error_ballot_too_many,
	error_ballot_too_many_points: m.error_ballot_too_many_points,
	error_ballot_unknown: m.error_ballot_unknown,
	error_board_locked: m.error_board_locked,
	error_code: m.error_code,
	error_code_unknown: m.error_code_unknown,
	error_consent: m.error_consent,
	error_date: m.error_date,
	error_dots_off: m.error_dots_off,
	error_email: m.error_email,
	error_email_taken: m.error_email_taken,
	error_funding_empty: m.error_funding_empty,
	error_groups: m.error_groups,
	error_groups_empty: m.error_groups_empty,
	error_invalid: m.error_invalid,
	error_last_owner: m.error_last_owner,
	error_link_invalid: m.error_link_invalid,
	error_login: m.error_login,
	error_minutes: m.error_minutes,
	error_no_dots_left: m.error_no_dots_left,
	error_not_found: m.error_not_found,
	error_not_member: m.error_not_member,
	error_nothing_to_promote: m.error_nothing_to_promote,
	error_number: m.error_number,
	error_owner: m.error_owner,
	error_password_long: m.error_password_long,
	error_password_short: m.error_password_short,
	error_photo_size: m.error_photo_size,
	error_photo_type: m.error_photo_type,
	error_pick_person: m.error_pick_person,
	error_points_needed: m.error_points_needed,
	error_required: m.error_required,
	error_round_closed: m.error_round_closed,
	error_round_proposals: m.error_round_proposals,
	error_round_state: m.error_round_state,
	error_selections: m.error_selections,
	error_slow_down: m.error_slow_down,
	error_template_empty: m.error_template_empty,
	error_too_long: m.error_too_long,
	error_too_many_attempts: m.error_too_many_attempts,
	error_too_many_codes: m.error_too_many_codes,
	error_topk_needed: m.error_topk_needed,
	error_totals_mes: m.error_totals_mes,
	error_workshop_closed: m.error_workshop_closed,
	error_wrong_password: m.error_wrong_password,
	forum_error_not_revealed: m.forum_error_not_revealed,
	forum_error_round_not_open: m.forum_error_round_not_open,
	net_error_duplicate_actor: m.net_error_duplicate_actor,
	net_error_duplicate_tie: m.net_error_duplicate_tie,
	net_error_same_actor: m.net_error_same_actor,
	net_error_too_many_actors: m.net_error_too_many_actors,
	net_error_too_many_maps: m.net_error_too_many_maps,
	net_error_too_many_ties: m.net_error_too_many_ties,
	soc_error_amount: m.soc_error_amount,
	soc_error_answer_all: m.soc_error_answer_all,
	soc_error_old_version: m.soc_error_old_version,
	soc_error_pulse_closed: m.soc_error_pulse_closed,
	soc_error_retired: m.soc_error_retired,
	soc_error_too_many: m.soc_error_too_many,
	soc_error_unchanged: m.soc_error_unchanged,
	soc_error_workshop_closed: m.soc_error_workshop_closed,
	sec_error_recovery_wrong: m.sec_error_recovery_wrong,
	sec_error_reset_other_orgs: m.sec_error_reset_other_orgs,
	sec_error_signup_failed: m.sec_error_signup_failed,
	sec_error_signup_too_many: m.sec_error_signup_too_many,
	sec_error_too_many: m.sec_error_too_many,
	secret_error_not_assisted: m.secret_error_not_assisted,
	ui_rupiah_cents: m.ui_rupiah_cents,
	ui_rupiah_empty: m.ui_rupiah_empty,
	ui_rupiah_invalid: m.ui_rupiah_invalid,
	ui_rupiah_negative: m.ui_rupiah_negative,
	ui_rupiah_too_large: m.ui_rupiah_too_large,
	ui_rupiah_zero: m.ui_rupiah_zero,
	ikm_error_closed: m.ikm_error_closed,
	ikm_error_empty: m.ikm_error_empty,
	ikm_error_plan_item: m.ikm_error_plan_item,
	ikm_error_status: m.ikm_error_status,
	ikm_error_too_many: m.ikm_error_too_many,
	ikm_error_workshop: m.ikm_error_workshop,
	// Co-assessment (score cards, impact reviews, closing the loop).
	assess_error_no_findings: m.assess_error_no_findings,
	assess_error_no_workshop: m.assess_error_no_workshop,
	assess_error_not_delivered: m.assess_error_not_delivered,
	assess_error_not_discovery: m.assess_error_not_discovery,
	assess_error_too_many_indicators: m.assess_error_too_many_indicators
};

/** The text for an error key; an unknown key reads as the general 'invalid' message. */
export function errorText(key: string): string {
	return ((ERROR_MESSAGES[key] ?? m.error_invalid) as () => string)();
}
