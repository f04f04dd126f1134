/** Workshop vocabulary, join codes and pseudonyms: pure, shared by server and pages. */

export const KINDS = ['co-commissioning', 'co-design', 'co-assessment', 'mixed'] as const;
export type Kind = (typeof KINDS)[number];

/** The three functions of shelter work (docs/domain.md). */
export const FUNCTIONS = ['penanganan', 'pencegahan', 'pemberdayaan'] as const;
export type WorkshopFunction = (typeof FUNCTIONS)[number];

export const STATUSES = ['draft', 'open', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Self-declared groups a participant may pick; a workshop may narrow or reorder them. */
export const GROUPS = [
	'child-7-12',
	'child-13-17',
	'youth',
	'woman',
	'disability',
	'elder',
	'community-leader',
	'government',
	'ngo',
	'private-sector'
] as const;
export type Group = (typeof GROUPS)[number];

export const CHILD_GROUPS: readonly Group[] = ['child-7-12', 'child-13-17'];

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
