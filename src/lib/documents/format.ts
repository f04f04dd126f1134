/** Dates and times in a workshop's language and time zone (Intl), for documents and pages. */
import { DEFAULT_TIME_ZONE, intlLocale, withZoneName } from '$lib/workshops/zones';

export type DocLocale = 'id' | 'en';

/** "Sabtu, 14 Maret 2026" / "Saturday, 14 March 2026" from a YYYY-MM-DD calendar date. */
export function dateInWords(isoDate: string, locale: DocLocale): string {
	const format = new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "1 Mar 2027": a YYYY-MM-DD calendar date, short, for lists and due dates. */
export function shortDate(isoDate: string, locale: DocLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(at: Date, zone: string): string {
	return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(
		at
	);
}

/** "29 Nov 2026, 07.17 WITA": an instant on the workshop's clock, with the zone's own name. */
export function dateTimeIn(at: Date, locale: DocLocale, zone: string = DEFAULT_TIME_ZONE): string {
	const text = new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(at);
	return withZoneName(text, zone);
}

/** "09.00" in Indonesian, "09:00" in English, from a stored "HH:MM". */
export const clock = (hhmm: string, locale: DocLocale) => (locale === 'id' ? hhmm.replace(':', '.') : hhmm);
