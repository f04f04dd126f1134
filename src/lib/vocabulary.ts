/**
 * A vocabulary is a registry: one entry per stored value, saying everything the code needs
 * to know about it (its words, its rules). The tuple of values that schemas, zod enums and
 * pages loop over is derived from the registry, so a value exists once. Pure, erasable
 * TypeScript (the tally CLI runs the voting registry with Node's type stripping).
 */

/** The ids of a registry, in the order they are written: a non-empty tuple, as drizzle and zod enums want. */
export function idsOf<const T extends Record<string, unknown>>(
	registry: T
): readonly [Extract<keyof T, string>, ...Extract<keyof T, string>[]] {
	return Object.keys(registry) as unknown as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
}

/** The entry for a value read from outside (a stored row, a file, a form), or undefined when it is not one. */
export function entryOf<T extends Record<string, unknown>>(registry: T, id: string): T[keyof T] | undefined {
	return Object.hasOwn(registry, id) ? (registry[id as keyof T] as T[keyof T]) : undefined;
}
