/** Form schemas for score cards and impact reviews (errors are message keys). */
import { z } from 'zod';
import { boundedText, idField, optionalText } from '$lib/forms/forms';
import { FUNCTIONS } from '$lib/workshops/rules';
import { evidenceLinks, MAX_SCORE, MIN_SCORE } from './rules';

export const MAX_INDICATOR_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;
export const MAX_REVIEW_FIELD = 2000;

const optionalId = z
	.string()
	.max(64)
	.default('')
	.transform((s) => s || null);

const score = z.coerce
	.number({ error: 'error_invalid' })
	.int({ error: 'error_invalid' })
	.min(MIN_SCORE, { error: 'error_invalid' })
	.max(MAX_SCORE, { error: 'error_invalid' });

export const cardForm = z.object({
	title: boundedText(200),
	workshopId: optionalId,
	function: z
		.union([z.literal(''), z.enum(FUNCTIONS)], { error: 'error_invalid' })
		.default('')
		.transform((s) => s || null)
});

export const indicatorForm = z.object({ text: boundedText(MAX_INDICATOR_LENGTH) });
export const removeIndicatorForm = z.object({ indicatorId: idField });

export const scoreForm = z.object({
	indicatorId: idField,
	score,
	reason: optionalText(MAX_REASON_LENGTH)
});

export const actionForm = z
	.object({
		text: boundedText(500),
		indicatorId: optionalId,
		target: z.enum(['plan-item', 'task'], { error: 'error_invalid' }),
		itemId: optionalId
	})
	.refine((f) => f.target === 'plan-item' || f.itemId !== null, { path: ['itemId'], error: 'error_required' });

export const reviewForm = z.object({
	changed: boundedText(MAX_REVIEW_FIELD),
	forWhom: optionalText(MAX_REVIEW_FIELD),
	notWorked: optionalText(MAX_REVIEW_FIELD),
	rating: score,
	evidence: optionalText(MAX_REVIEW_FIELD),
	links: z
		.string()
		.max(3000, { error: 'error_too_long' })
		.default('')
		.transform((s, ctx) => {
			const links = evidenceLinks(s);
			if (links === null) {
				ctx.addIssue({ code: 'custom', message: 'error_invalid' });
				return z.NEVER;
			}
			return links;
		}),
	taskId: optionalId,
	itemId: idField
});
