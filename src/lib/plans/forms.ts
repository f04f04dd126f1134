/** Form schemas for plans, partners and tasks. Error messages are message keys. */
import { z } from 'zod';
import { FUNCTIONS, GROUPS } from '$lib/workshops/rules';
import { optionalRupiahField } from '$lib/money/schema';
import { idField } from '$lib/forms/forms';
import { FUNDING_SOURCES, PARTICIPATION_LEVELS, PARTNER_KINDS, TASK_STATUSES } from './rules';

const text = (max: number) => z.string().trim().max(max, { error: 'error_too_long' });
/** Empty is null; 0 allowed (see money/rupiah.ts for what people may type). */
const optionalRupiah = optionalRupiahField(true);

export const partnerForm = z.object({
	name: text(200).min(1, { error: 'error_required' }),
	kind: z.enum(PARTNER_KINDS, { error: 'error_invalid' }),
	contactName: text(120).default(''),
	contact: text(120).default('')
});

export const itemForm = z.object({
	title: text(200).min(1, { error: 'error_required' }),
	description: text(4000).default(''),
	function: z.enum(FUNCTIONS, { error: 'error_invalid' }),
	location: text(200).default(''),
	targetGroups: z.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.enum(GROUPS, { error: 'error_invalid' }))
	),
	cost: optionalRupiah,
	priorityRank: z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		z.coerce.number().int().min(1).max(1000).nullable()
	),
	participationLevel: z.preprocess(
		(v) => (v === '' ? null : v),
		z.enum(PARTICIPATION_LEVELS, { error: 'error_invalid' }).nullable().default(null)
	)
});

export const fundingForm = z
	.object({
		source: z.enum(FUNDING_SOURCES, { error: 'error_invalid' }),
		amount: optionalRupiah,
		inKind: text(300).default('')
	})
	.refine((f) => (f.amount !== null && f.amount > 0n) || f.inKind.length > 0, {
		error: 'error_funding_empty',
		path: ['amount']
	});

export const taskForm = z.object({
	title: text(200).min(1, { error: 'error_required' }),
	owner: z
		.string()
		.max(80)
		.regex(/^(|user:[a-z0-9]+|partner:[a-z0-9]+)$/, { error: 'error_invalid' })
		.default(''),
	dueDate: z.union([z.literal(''), z.iso.date({ error: 'error_date' })]).default('')
});

export const taskUpdateForm = z.object({
	status: z.enum(TASK_STATUSES, { error: 'error_invalid' }),
	progress: z.coerce
		.number({ error: 'error_number' })
		.int()
		.min(0, { error: 'error_number' })
		.max(100, { error: 'error_number' })
});

/** The plan item a form acts on. */
export const itemIdForm = z.object({ itemId: idField });

export const fundingLineForm = z.object({ lineId: idField });

export const taskIdForm = z.object({ taskId: idField });

/** A prototype continued in another workshop of the organisation. */
export const continueForm = z.object({ itemId: idField, workshopId: idField });

/** The kanban: a task moved to another column. */
export const moveTaskForm = z.object({
	taskId: idField,
	status: z.enum(TASK_STATUSES, { error: 'error_invalid' })
});

export const partnerIdForm = z.object({ partnerId: idField });

/** The first value a form sent under a name (a field sent twice keeps its first, as FormData.get does). */
const first = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v[0] : v));

/** A comment or evidence on a task (the photo is read from the form apart: it is a file). */
export const taskNoteForm = z.object({
	text: first.default('').transform((t) => t.trim().slice(0, 2000)),
	kind: first.optional().transform((k) => (k === 'evidence' ? ('evidence' as const) : ('comment' as const)))
});
