/** Document languages and Indonesia's time zones: plain constants, light enough for any page. */

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Indonesia's three zones; the app's venues are in WITA unless the facilitator says otherwise. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Makassar';

/** The names Indonesians use for the zones, in either language ("10.00 WITA"). */
export const ZONE_ABBREVIATION: Record<TimeZone, string> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Jayapura': 'WIT'
};

/** "07.17 WITA" / "07:17 WITA": the time of an instant on a zone's clock, the same on server and phone. */
export function timeIn(at: Date | string, locale: Language, zone: string = DEFAULT_TIME_ZONE): string {
	const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: zone
	}).format(new Date(at));
	return `${text} ${ZONE_ABBREVIATION[zone as TimeZone] ?? zone}`;
}
