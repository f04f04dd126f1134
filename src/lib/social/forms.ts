/** Form schemas for working agreements, trust pulses, community assets and participation levels. */
import { z } from 'zod';
import { boundedText, idField, optionalText } from '$lib/forms/forms';
import { optionalRupiahField } from '$lib/money/schema';
import { PARTICIPATION_LEVELS } from '$lib/plans/rules';
import { AGREEMENT_TOPICS, ASSET_KINDS, PLEDGE_STATUSES, PULSE_PHASES } from './rules';

export const agreementForm = z.object({
	topic: z.enum(AGREEMENT_TOPICS, { error: 'error_invalid' }),
	title: boundedText(200),
	body: boundedText(4000)
});

export const agreementEditForm = z.object({
	agreementId: idField,
	title: boundedText(200),
	body: boundedText(4000)
});

export const agreementIdForm = z.object({ agreementId: idField });

export const reviewForm = z.object({ agreementId: idField, note: optionalText(2000) });

export const endorseForm = z.object({ versionId: idField });

export const pulsePhaseForm = z.object({ phase: z.enum(PULSE_PHASES, { error: 'error_invalid' }) });

/** The pulse and one answer per statement (named by statement; checked 1..5 against the open pulse in the use case). */
export const pulseAnswerForm = z
	.object({ pulseId: idField })
	.catchall(z.string().max(2, { error: 'soc_error_answer_all' }));

export const assetForm = z
	.object({
		kind: z.enum(ASSET_KINDS, { error: 'error_invalid' }),
		description: boundedText(300),
		quantity: optionalText(120),
		amount: optionalRupiahField(false),
		location: optionalText(120),
		byGroup: optionalText(120),
		partnerId: z.preprocess((v) => (v === '' ? null : v), idField.nullable().default(null))
	})
	.refine((a) => a.kind !== 'money' || a.amount !== null, { error: 'soc_error_amount', path: ['amount'] });

/** From a phone: no partner (phones do not see the partner directory). */
export const phoneAssetForm = z
	.object({
		kind: z.enum(ASSET_KINDS, { error: 'error_invalid' }),
		description: boundedText(300),
		quantity: optionalText(120),
		amount: optionalRupiahField(false),
		location: optionalText(120),
		byGroup: optionalText(120)
	})
	.refine((a) => a.kind !== 'money' || a.amount !== null, { error: 'soc_error_amount', path: ['amount'] });

export const pledgeForm = z.object({ assetId: idField, itemId: idField, note: optionalText(500) });

export const pledgeStatusForm = z.object({
	pledgeId: idField,
	status: z.enum(PLEDGE_STATUSES, { error: 'error_invalid' })
});

export const confirmLevelForm = z.object({
	itemId: z.preprocess((v) => (v === '' ? null : v), idField.nullable().default(null)),
	level: z.enum(PARTICIPATION_LEVELS, { error: 'error_invalid' })
});
