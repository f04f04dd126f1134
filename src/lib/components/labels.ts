/**
 * Words for stored enum values, in the current language. One place, so pages agree. Each
 * table is typed by its vocabulary (a value without words does not compile) and uses the
 * message its registry names (vocabulary.spec.ts). Static `m.key` references only.
 */
import { m } from '$lib/paraglide/messages.js';
import { label, type Message } from '$lib/label';
import type { Role } from '$lib/orgs/roles';
import type { Group, Kind, Status, WorkshopFunction } from '$lib/workshops/rules';
import type { Colour, Pictogram } from '$lib/boards/model';

export const ROLE_LABELS = {
	owner: m.role_owner,
	facilitator: m.role_facilitator,
	member: m.role_member,
	observer: m.role_observer
} satisfies Record<Role, Message>;
export const KIND_LABELS = {
	'co-commissioning': m.kind_co_commissioning,
	'co-design': m.kind_co_design,
	'co-assessment': m.kind_co_assessment,
	mixed: m.kind_mixed
} satisfies Record<Kind, Message>;
export const FUNCTION_LABELS = {
	penanganan: m.function_penanganan,
	pencegahan: m.function_pencegahan,
	pemberdayaan: m.function_pemberdayaan
} satisfies Record<WorkshopFunction, Message>;
export const STATUS_LABELS = {
	draft: m.status_draft,
	open: m.status_open,
	closed: m.status_closed
} satisfies Record<Status, Message>;
export const GROUP_LABELS = {
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
} satisfies Record<Group, Message>;

export const roleLabel = label(ROLE_LABELS);
export const kindLabel = label(KIND_LABELS);
export const functionLabel = label(FUNCTION_LABELS);
export const statusLabel = label(STATUS_LABELS);
export const groupLabel = label(GROUP_LABELS);

export const COLOUR_LABELS = {
	yellow: m.colour_yellow,
	green: m.colour_green,
	blue: m.colour_blue,
	pink: m.colour_pink,
	orange: m.colour_orange,
	purple: m.colour_purple
} satisfies Record<Colour, Message>;
export const PICTOGRAM_LABELS = {
	idea: m.picto_idea,
	problem: m.picto_problem,
	heart: m.picto_heart,
	home: m.picto_home,
	school: m.picto_school,
	health: m.picto_health,
	safety: m.picto_safety,
	play: m.picto_play
} satisfies Record<Pictogram, Message>;
export const colourLabel = label(COLOUR_LABELS);
export const pictogramLabel = label(PICTOGRAM_LABELS);
