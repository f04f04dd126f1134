/** Form schemas for the facilitator's safeguarding page. Errors are message keys. */
import { z } from 'zod';
import { idField } from '$lib/forms/forms';

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
