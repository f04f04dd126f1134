/** Form schemas for IKM surveys and their responses. Error messages are message keys. */
import { z } from 'zod';
import { boundedText, optionalText } from '$lib/forms/forms';
import { FUNCTIONS, GROUPS } from '$lib/workshops/rules';

const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const optionalId = z
	.string()
	.max(64)
	.default('')
	.transform((v) => v || null);

export const surveyForm = z.object({
	title: boundedText(200),
	function: z
		.union([z.literal(''), z.enum(FUNCTIONS)], { error: 'error_invalid' })
		.default('')
		.transform((v) => v || null),
	planItemId: optionalId,
	workshopId: optionalId,
	askGroups: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on'),
	groups: list(z.enum(GROUPS, { error: 'error_invalid' })).pipe(z.array(z.enum(GROUPS)).max(GROUPS.length))
});
export type SurveyInput = z.infer<typeof surveyForm>;

/** One answer: '1'..'4', or empty / missing when not answered. */
const answer = z
	.union([z.literal(''), z.enum(['1', '2', '3', '4'])], { error: 'error_invalid' })
	.optional()
	.transform((v) => (v ? Number(v) : null));

export const MAX_COMMENT = 1000;

export const responseForm = z.object({
	u1: answer,
	u2: answer,
	u3: answer,
	u4: answer,
	u5: answer,
	u6: answer,
	u7: answer,
	u8: answer,
	u9: answer,
	comment: optionalText(MAX_COMMENT),
	groups: list(z.string().max(40)).pipe(z.array(z.string()).max(GROUPS.length))
});
export type ResponseInput = z.infer<typeof responseForm>;

export const surveyStatusForm = z.object({ status: z.enum(['open', 'closed'], { error: 'error_invalid' }) });

/** The population for the sample guidance (a query parameter). */
export const populationField = z.coerce.number().int().min(1).max(100_000_000);
