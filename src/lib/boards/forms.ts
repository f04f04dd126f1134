/** Form schemas for boards: the facilitator's controls and participants' contributions. Errors are message keys. */
import { z } from 'zod';
import { boundedText, idField } from '$lib/forms/forms';
import { COLOURS, MAX_NOTE_LENGTH, PICTOGRAMS, REACTIONS } from './model';

// The facilitator's board page ------------------------------------------------

export const flagsForm = z.object({
	flag: z.enum(['locked', 'hideAuthors', 'moderation']),
	value: z.enum(['on', 'off'])
});

export const timerForm = z.object({
	minutes: z.coerce.number().int().min(0, { error: 'error_minutes' }).max(180, { error: 'error_minutes' })
});

export const followForm = z.object({
	agendaItemId: z.string().max(64).default(''),
	follow: z.enum(['board', 'none']).default('board')
});

export const submissionForm = z.object({ submissionId: idField });

/** Open dot voting: how many dots each person may place (0 turns it off). */
export const dotsForm = z.object({
	dots: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(0, { error: 'error_number' })
		.max(20, { error: 'error_number' })
});

export const dotForm = z.object({ noteId: idField, action: z.enum(['add', 'remove']) });

export const promoteForm = z.object({
	kind: z.enum(['cluster', 'note', 'canvas']),
	id: z.string().max(64).default('')
});

export const templateForm = z.object({ title: boundedText(200) });

export const noteIdForm = z.object({ noteId: idField });

export const helpSeenForm = z.object({ requestId: idField });

// A participant's phone ---------------------------------------------------------

export const noteForm = z.object({
	id: z.uuid({ error: 'error_invalid' }),
	text: z.string().trim().min(1, { error: 'error_required' }).max(MAX_NOTE_LENGTH, { error: 'error_too_long' }),
	colour: z.enum(COLOURS, { error: 'error_invalid' }),
	pictogram: z.union([z.literal(''), z.enum(PICTOGRAMS)], { error: 'error_invalid' }).default(''),
	frameId: z.string().max(64).default(''),
	private: z.literal('on').optional()
});

export const reactForm = z.object({ noteId: idField, emoji: z.enum(REACTIONS, { error: 'error_invalid' }) });
