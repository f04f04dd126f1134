/**
 * What a berita acara needs beyond the workshop itself: the language and time zone it is
 * written in, the hours, who led and spoke, who signs, and the delegates the forum sends
 * to the next Musrenbang level. Pure: shared by the form, the schema and the documents.
 */
import { z } from 'zod';

export { LANGUAGES, TIME_ZONES, DEFAULT_TIME_ZONE, ZONE_ABBREVIATION, type Language, type TimeZone } from './zones';

export type Person = { name: string; role: string };

export type MinutesRecord = {
	startTime?: string;
	endTime?: string;
	leader?: Person;
	speakers?: string;
	decisions?: string;
	representatives?: Person[];
	acknowledger?: Person;
	signingPlace?: string;
	delegates?: Person[];
};

const text = (max: number) => z.string().trim().max(max, { error: 'error_too_long' });
const clockTime = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error_invalid' })]);
const time = clockTime.default('');

/** A MinutesRecord as stored (and as a forum file brings it): what `recordForm` makes, at most. */
const storedPerson = z.object({ name: z.string().max(120), role: z.string().max(120) });
export const storedRecord = z.object({
	startTime: clockTime.optional(),
	endTime: clockTime.optional(),
	leader: storedPerson.optional(),
	speakers: z.string().max(2000).optional(),
	decisions: z.string().max(4000).optional(),
	representatives: z.array(storedPerson).max(20).optional(),
	acknowledger: storedPerson.optional(),
	signingPlace: z.string().max(120).optional(),
	delegates: z.array(storedPerson).max(20).optional()
});

/** "Name | role or group" per line; a line without "|" is a name alone. At most 20 lines. */
const people = text(4000)
	.default('')
	.transform((v) =>
		v
			.split(/\r\n|\r|\n/)
			.map((line) => line.split('|').map((s) => s.trim()))
			.filter(([name]) => name.length > 0)
			.map(([name, role = '']) => ({ name: name.slice(0, 120), role: role.slice(0, 120) }))
	)
	.pipe(z.array(z.object({ name: z.string(), role: z.string() })).max(20, { error: 'error_too_long' }));

export const recordForm = z
	.object({
		startTime: time,
		endTime: time,
		leaderName: text(120).default(''),
		leaderRole: text(120).default(''),
		speakers: text(2000).default(''),
		decisions: text(4000).default(''),
		representatives: people,
		acknowledgerName: text(120).default(''),
		acknowledgerRole: text(120).default(''),
		signingPlace: text(120).default(''),
		delegates: people
	})
	.transform((v): MinutesRecord => ({
		startTime: v.startTime,
		endTime: v.endTime,
		leader: { name: v.leaderName, role: v.leaderRole },
		speakers: v.speakers,
		decisions: v.decisions,
		representatives: v.representatives,
		acknowledger: { name: v.acknowledgerName, role: v.acknowledgerRole },
		signingPlace: v.signingPlace,
		delegates: v.delegates
	}));

/** The record as the form shows it again (people back to "Name | role" lines). */
export function recordFormValues(r: MinutesRecord) {
	const lines = (list: Person[] = []) => list.map((p) => (p.role ? `${p.name} | ${p.role}` : p.name)).join('\n');
	return {
		startTime: r.startTime ?? '',
		endTime: r.endTime ?? '',
		leaderName: r.leader?.name ?? '',
		leaderRole: r.leader?.role ?? '',
		speakers: r.speakers ?? '',
		decisions: r.decisions ?? '',
		representatives: lines(r.representatives),
		acknowledgerName: r.acknowledger?.name ?? '',
		acknowledgerRole: r.acknowledger?.role ?? '',
		signingPlace: r.signingPlace ?? '',
		delegates: lines(r.delegates)
	};
}
