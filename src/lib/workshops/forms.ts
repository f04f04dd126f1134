/** Form schemas for workshops and joining. Error messages are message keys. */
import { z } from 'zod';
import { FUNCTIONS, GROUPS, KINDS, STATUSES } from './rules';
import { DEFAULT_TIME_ZONE, LANGUAGES, TIME_ZONES } from './record';

const text = (max: number) => z.string().trim().max(max, { error: 'error_too_long' });
const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const workshopForm = z.object({
	title: text(200).min(1, { error: 'error_required' }),
	purpose: text(2000).default(''),
	kind: z.enum(KINDS, { error: 'error_invalid' }),
	function: z.enum(FUNCTIONS, { error: 'error_invalid' }),
	date: z.union([z.literal(''), z.iso.date({ error: 'error_date' })]).default(''),
	kelurahan: text(120).default(''),
	kecamatan: text(120).default(''),
	language: z.enum(LANGUAGES, { error: 'error_invalid' }).default('id'),
	timeZone: z.enum(TIME_ZONES, { error: 'error_invalid' }).default(DEFAULT_TIME_ZONE),
	groups: list(z.enum(GROUPS, { error: 'error_invalid' })).refine((g) => g.length > 0, { error: 'error_groups_empty' })
});
export type WorkshopInput = z.infer<typeof workshopForm>;

export const statusForm = z.object({ status: z.enum(STATUSES, { error: 'error_invalid' }) });

export const agendaForm = z
	.object({
		title: list(text(200)),
		minutes: list(
			z.coerce
				.number({ error: 'error_minutes' })
				.int({ error: 'error_minutes' })
				.min(1, { error: 'error_minutes' })
				.max(600, { error: 'error_minutes' })
		)
	})
	.refine((v) => v.title.length === v.minutes.length, { error: 'error_invalid', path: ['title'] })
	.transform((v) =>
		v.title.map((title, i) => ({ title, minutes: v.minutes[i] })).filter((item) => item.title.length > 0)
	);

export const joinCodeForm = z.object({ code: z.string().max(20, { error: 'error_code' }) });

export const joinForm = z.object({
	consent: z.literal('yes', { error: 'error_consent' }),
	displayName: text(60).default(''),
	groups: list(z.string().max(40)).pipe(z.array(z.string()).max(GROUPS.length))
});

export const assistedForm = z.object({
	displayName: text(60).default(''),
	groups: list(z.string().max(40)).pipe(z.array(z.string()).max(GROUPS.length))
});

/** A person in this workshop's attendance (the facilitator removes them). */
export const participantForm = z.object({ participantId: z.string().min(1).max(64) });

/** An "I need help" the facilitator has seen. */
export const helpSeenForm = z.object({ requestId: z.string().min(1).max(64) });

/** A new board on the workshop page: empty, or from a default or a saved template. */
export const newBoardForm = z.object({
	title: z.string().trim().min(1, { error: 'error_required' }).max(200, { error: 'error_too_long' }),
	template: z
		.string()
		.max(80)
		.regex(/^(|default:[a-z]+|saved:[a-z0-9]+)$/, { error: 'error_invalid' })
		.default(''),
	/** Closing the loop: a discovery board starts from the last assessments' findings. */
	fromAssessments: z.literal('on').optional()
});
