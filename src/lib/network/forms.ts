/** The network map's form schemas (errors are message keys). */
import { z } from 'zod';
import { boundedText, idField } from '$lib/forms/forms';
import { ACTOR_KINDS, MAX_NAME, MAX_STRENGTH, MAX_TITLE, MIN_STRENGTH, TIE_KINDS } from './rules';

export const mapForm = z.object({
	title: boundedText(MAX_TITLE),
	takenOn: z.iso.date({ error: 'error_date' })
});

export const actorForm = z.object({
	name: boundedText(MAX_NAME),
	kind: z.enum(ACTOR_KINDS, { error: 'error_invalid' })
});

export const tieForm = z.object({
	sourceId: idField,
	targetId: idField,
	kind: z.enum(TIE_KINDS, { error: 'error_invalid' }),
	strength: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(MIN_STRENGTH)
		.max(MAX_STRENGTH)
});

export const actorIdForm = z.object({ actorId: idField });
export const tieIdForm = z.object({ tieId: idField });

/** The picked suggestions: one key each, at most as many as a map can hold. */
export const acceptForm = z.object({
	pick: z
		.union([z.string().max(400), z.array(z.string().max(400)).max(2500)])
		.transform((v) => (Array.isArray(v) ? v : [v]))
});
