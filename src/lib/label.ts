/**
 * The lookup every label table is built with (components/labels.ts, plans/labels.ts and
 * the other domains' tables). It sits at the top of src/lib, outside any domain, so a
 * domain can keep the words for its own values without importing the components folder.
 */
import type { Locale } from '$lib/paraglide/runtime';

/** A message in a chosen language; documents pass the workshop's, pages the current one. */
export type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * A lookup from stored values to their words; unknown values are shown as they are.
 * `.in(value, locale)` gives the words in a chosen language (documents use the workshop's).
 */
export const label = (words: Record<string, Message>) => {
	const table: Partial<Record<string, Message>> = words;
	return Object.assign((value: string) => table[value]?.() ?? value, {
		in: (value: string, locale: Locale) => table[value]?.({}, { locale }) ?? value
	});
};
