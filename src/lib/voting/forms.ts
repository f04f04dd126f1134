/** Form schemas for proposals and voting rounds. Error messages are message keys. */
import { z } from 'zod';
import { FUNCTIONS, GROUPS } from '$lib/workshops/rules';
import { BALLOT_FORMATS, FORMAT_REGISTRY } from './formats';
import { ROUND_RULES, RULE_REGISTRY } from './registry';
import { entryOf } from '$lib/vocabulary';
import { rupiahField } from '$lib/money/schema';

const text = (max: number) => z.string().trim().max(max, { error: 'error_too_long' });
const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
/** Whole Rupiah, > 0; people type "15.000.000", "15000000" or "15.000.000,00" (see money/rupiah.ts). */
const rupiah = rupiahField;
const optionalInt = (max: number) =>
	z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		z.coerce
			.number({ error: 'error_number' })
			.int({ error: 'error_number' })
			.min(0, { error: 'error_number' })
			.max(max, { error: 'error_number' })
			.nullable()
	);

export const proposalForm = z.object({
	title: text(200).min(1, { error: 'error_required' }),
	problem: text(2000).default(''),
	targetGroups: list(z.enum(GROUPS, { error: 'error_invalid' })),
	kelurahan: text(120).default(''),
	rw: text(20).default(''),
	lorong: text(120).default(''),
	function: z.enum(FUNCTIONS, { error: 'error_invalid' }),
	activity: text(500).default(''),
	volume: optionalInt(1_000_000),
	unit: text(40).default(''),
	cost: rupiah,
	agency: text(200).default(''),
	proposedBy: text(120).default(''),
	proposedByGroup: z.preprocess(
		(v) => (v === '' ? null : v),
		z.enum(GROUPS, { error: 'error_invalid' }).nullable().default(null)
	)
});
export type ProposalInput = z.infer<typeof proposalForm>;

export const roundForm = z
	.object({
		title: text(200).min(1, { error: 'error_required' }),
		format: z.enum(BALLOT_FORMATS, { error: 'error_invalid' }),
		rule: z.enum(ROUND_RULES, { error: 'error_invalid' }),
		proposalIds: list(z.string().min(1).max(64)).refine((ids) => ids.length >= 2, { error: 'error_round_proposals' }),
		budget: rupiah,
		minSelections: z.coerce
			.number({ error: 'error_number' })
			.int()
			.min(1, { error: 'error_number' })
			.max(100, { error: 'error_number' })
			.default(1),
		maxSelections: optionalInt(100),
		pointsPerVoter: optionalInt(1000),
		maxPointsPerProposal: optionalInt(1000),
		topK: optionalInt(100),
		add1Step: z.preprocess((v) => (v === '' ? undefined : v), rupiah.optional()),
		allowChange: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
	})
	.refine((r) => entryOf(FORMAT_REGISTRY, r.format)?.shape !== 'points' || (r.pointsPerVoter ?? 0) > 0, {
		error: 'error_points_needed',
		path: ['pointsPerVoter']
	})
	// The rule's own check of its parameters, and the formats it accepts (registry.ts).
	.superRefine((r, ctx) => {
		const rule = entryOf(RULE_REGISTRY, r.rule);
		if (!rule) return;
		const problem = rule.check({ topK: r.topK, add1Step: r.add1Step ?? null });
		if (problem) ctx.addIssue({ code: 'custom', message: problem.error, path: [problem.path] });
		if (!(rule.formats as readonly string[]).includes(r.format))
			ctx.addIssue({ code: 'custom', message: 'error_invalid', path: ['format'] });
	})
	.refine((r) => r.maxSelections === null || r.maxSelections >= r.minSelections, {
		error: 'error_selections',
		path: ['maxSelections']
	});
export type RoundInput = z.infer<typeof roundForm>;

/** A proposal the page listed (withdraw). */
export const proposalIdForm = z.object({ proposalId: z.string().min(1).max(64) });
/** Merge: the proposal that stays and its duplicate. */
export const mergeForm = z.object({ keepId: z.string().min(1).max(64), duplicateId: z.string().min(1).max(64) });
/** The board note a proposal was promoted from (both empty when written fresh). */
export const noteOriginForm = z.object({
	boardId: z.string().max(64).default(''),
	noteId: z.string().max(64).default('')
});
/** Who an assisted ballot is for (someone in the attendance marked assisted). */
export const assistedBallotForm = z.object({ participantId: z.string().min(1).max(64) });
/** How many paper ballots to print: 10 unless asked, at most 200 (100 pages). */
export const ballotCountParam = z.coerce.number().int().min(1).max(200).catch(10);
