/** Words for stored enum values, in the current language. One place, so pages agree. */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime';

const ROLE: Record<string, () => string> = {
	owner: m.role_owner,
	facilitator: m.role_facilitator,
	member: m.role_member,
	observer: m.role_observer
};
const KIND: Record<string, () => string> = {
	'co-commissioning': m.kind_co_commissioning,
	'co-design': m.kind_co_design,
	'co-assessment': m.kind_co_assessment,
	mixed: m.kind_mixed
};
const FUNCTION: Record<string, () => string> = {
	penanganan: m.function_penanganan,
	pencegahan: m.function_pencegahan,
	pemberdayaan: m.function_pemberdayaan
};
const STATUS: Record<string, () => string> = {
	draft: m.status_draft,
	open: m.status_open,
	closed: m.status_closed
};
const GROUP: Record<string, () => string> = {
	'child-7-12': m.group_child_7_12,
	'child-13-17': m.group_child_13_17,
	youth: m.group_youth,
	woman: m.group_woman,
	disability: m.group_disability,
	elder: m.group_elder,
	'community-leader': m.group_community_leader,
	government: m.group_government,
	ngo: m.group_ngo,
	'private-sector': m.group_private_sector
};

/** A message in a chosen language; documents pass the workshop's, pages the current one. */
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * A lookup from stored values to their words; unknown values are shown as they are.
 * `.in(value, locale)` gives the words in a chosen language (documents use the workshop's).
 */
export const label = (table: Record<string, Message>) =>
	Object.assign((value: string) => table[value]?.() ?? value, {
		in: (value: string, locale: Locale) => table[value]?.({}, { locale }) ?? value
	});

export const roleLabel = label(ROLE);
export const kindLabel = label(KIND);
export const functionLabel = label(FUNCTION);
export const statusLabel = label(STATUS);
export const groupLabel = label(GROUP);

const COLOUR: Record<string, () => string> = {
	yellow: m.colour_yellow,
	green: m.colour_green,
	blue: m.colour_blue,
	pink: m.colour_pink,
	orange: m.colour_orange,
	purple: m.colour_purple
};
const PICTOGRAM: Record<string, () => string> = {
	idea: m.picto_idea,
	problem: m.picto_problem,
	heart: m.picto_heart,
	home: m.picto_home,
	school: m.picto_school,
	health: m.picto_health,
	safety: m.picto_safety,
	play: m.picto_play
};
export const colourLabel = label(COLOUR);
export const pictogramLabel = label(PICTOGRAM);
