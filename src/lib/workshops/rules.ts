/**
 * Workshop vocabulary, join codes and pseudonyms: pure, shared by server and pages.
 * Each vocabulary is a registry (one entry per stored value, with the message key of its
 * name: the words are in components/labels.ts, typed by it); the tuples schemas and forms
 * use are derived from them. How to add a value: docs/architecture.md, "Adding to a vocabulary".
 */
import { idsOf } from '../vocabulary';

/** What a workshop is for (docs/domain.md). */
export const KIND_REGISTRY = {
	'co-commissioning': { label: 'kind_co_commissioning' },
	'co-design': { label: 'kind_co_design' },
	'co-assessment': { label: 'kind_co_assessment' },
	mixed: { label: 'kind_mixed' }
} as const satisfies Record<string, { label: string }>;
export const KINDS = idsOf(KIND_REGISTRY);
export type Kind = (typeof KINDS)[number];

/** The three functions of shelter work (docs/domain.md). */
export const FUNCTION_REGISTRY = {
	penanganan: { label: 'function_penanganan' },
	pencegahan: { label: 'function_pencegahan' },
	pemberdayaan: { label: 'function_pemberdayaan' }
} as const satisfies Record<string, { label: string }>;
export const FUNCTIONS = idsOf(FUNCTION_REGISTRY);
export type WorkshopFunction = (typeof FUNCTIONS)[number];

export const STATUS_REGISTRY = {
	draft: { label: 'status_draft' },
	open: { label: 'status_open' },
	closed: { label: 'status_closed' }
} as const satisfies Record<string, { label: string }>;
export const STATUSES = idsOf(STATUS_REGISTRY);
export type Status = (typeof STATUSES)[number];

/**
 * Self-declared groups a participant may pick, in this order; a workshop may narrow or
 * reorder them. `child`: a child's group (a pseudonym always, safeguarding rules apply).
 */
export const GROUP_REGISTRY = {
	'child-7-12': { child: true, label: 'group_child_7_12' },
	'child-13-17': { child: true, label: 'group_child_13_17' },
	youth: { child: false, label: 'group_youth' },
	woman: { child: false, label: 'group_woman' },
	disability: { child: false, label: 'group_disability' },
	elder: { child: false, label: 'group_elder' },
	'community-leader': { child: false, label: 'group_community_leader' },
	government: { child: false, label: 'group_government' },
	ngo: { child: false, label: 'group_ngo' },
	'private-sector': { child: false, label: 'group_private_sector' }
} as const satisfies Record<string, { child: boolean; label: string }>;
export const GROUPS = idsOf(GROUP_REGISTRY);
export type Group = (typeof GROUPS)[number];

export const CHILD_GROUPS: readonly Group[] = GROUPS.filter((g) => GROUP_REGISTRY[g].child);

export function isChild(groups: readonly string[]): boolean {
	return groups.some((g) => (CHILD_GROUPS as readonly string[]).includes(g));
}

/**
 * Join codes are read aloud and typed on cheap phones: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
 * 25 symbols ^ 6 = 244 million codes.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: (n: number) => Uint8Array): string {
	// Rejection sampling keeps every symbol equally likely (256 is not a multiple of 25).
	const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const byte of random(JOIN_CODE_LENGTH)) {
			if (byte < limit && code.length < JOIN_CODE_LENGTH) {
				code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
			}
		}
	}
	return code;
}

/** Accepts what people actually type: lower case, spaces, dashes. Null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
	return code;
}

const ANIMALS = [
	'Kancil',
	'Merak',
	'Penyu',
	'Kupu-kupu',
	'Lumba-lumba',
	'Rusa',
	'Burung Hantu',
	'Kelinci',
	'Gajah',
	'Jerapah'
];
const COLOURS = ['Biru', 'Hijau', 'Jingga', 'Ungu', 'Merah', 'Kuning', 'Cokelat', 'Perak'];

/** A friendly pseudonym ("Kancil Biru 12") for people who give no name, children always. */
export function makePseudonym(random: (n: number) => Uint8Array): string {
	const [a, c, n] = random(3);
	return `${ANIMALS[a % ANIMALS.length]} ${COLOURS[c % COLOURS.length]} ${(n % 90) + 10}`;
}

export type AgendaItemInput = { title: string; minutes: number };
