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

/** Indonesian as Indonesians write it; English in the day-month-year order used in Indonesia. */
export const intlLocale = (locale: Language) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** A clock reading with its zone's name: "07.17" in Makassar is "07.17 WITA". */
export const withZoneName = (text: string, zone: string) => `${text} ${ZONE_ABBREVIATION[zone as TimeZone] ?? zone}`;

/** "07.17 WITA" / "07:17 WITA": the time of an instant on a zone's clock, the same on server and phone. */
export function timeIn(at: Date | string, locale: Language, zone: string = DEFAULT_TIME_ZONE): string {
	const text = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: zone });
	return withZoneName(text.format(new Date(at)), zone);
}
