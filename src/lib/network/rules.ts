/**
 * Network map vocabulary and bounds, shared by pages, use cases and the schema.
 * Pure and erasable TypeScript only (the CLI runs it with Node's type stripping).
 */

/** Who can be on a map: a person (named by role), an organisation, a community group, ... */
export const ACTOR_KINDS = ['person', 'organisation', 'community', 'government', 'private', 'ngo'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** How two actors are tied. "refers" and "funds" read from the first actor to the second. */
export const TIE_KINDS = ['works-with', 'refers', 'funds', 'shares-info'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** Where an actor or tie came from. */
export const ORIGINS = ['facilitator', 'suggested', 'phone'] as const;
export type Origin = (typeof ORIGINS)[number];

export const MAX_NAME = 80;
export const MAX_TITLE = 120;
export const MAX_ACTORS = 500;
export const MAX_TIES = 2000;
export const MAX_MAPS = 200;
export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 3;

/** The key two spellings of one actor share: trimmed, spaces collapsed, lower case. */
export function actorKey(name: string): string {
	return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One name for an undirected pair, whichever way round it was drawn. */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
