/** Form schemas for the safeguarding pages (the facilitator's, and the organisation's data register). Errors are message keys. */
import { z } from 'zod';
import { idField } from '$lib/forms/forms';
import { MAX_RETENTION_DAYS } from './rules';

export const idForm = z.object({ id: idField });

/** A note on one of the workshop's boards, taken off the wall. */
export const moveForm = z.object({ boardId: idField, noteId: idField });

export const wordsForm = z.object({ words: z.string().max(12_000, { error: 'error_too_long' }) });

/** Guardian consent: a count only. */
export const consentForm = z.object({
	consents: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(0, { error: 'error_number' })
		.max(100_000, { error: 'error_number' })
});

export const helpSeenForm = z.object({ requestId: idField });

/** Retention and the referral guidance shown with private notes (the data register page). */
export const dataSettingsForm = z.object({
	retentionDays: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(1, { error: 'error_number' })
		.max(MAX_RETENTION_DAYS, { error: 'error_number' }),
	referralGuidance: z.string().trim().max(2000, { error: 'error_too_long' }).default('')
});
