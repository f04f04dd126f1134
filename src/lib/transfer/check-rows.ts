/**
 * The rows of a forum file, checked before any is written: a file is hostile until checked.
 *
 * - Every column a row names exists, and its value has the column's type; a column with
 *   a fixed list of values (status, time zone, language…) holds one of them. The database
 *   would take a wrong text or JSON value and the pages reading it would fail later.
 * - JSON columns the pages read have their shape (groups are lists of short texts, the
 *   minutes details and the conductor are what the forms make).
 * - Every reference names a row of the right table in the same file: a parent (a ballot's
 *   round) and any other link (a plan item's origin, a merged proposal, the current board).
 *   A file never reaches rows it does not bring, in this organisation or another.
 */
import { getTableColumns, type Column } from 'drizzle-orm';
import { z } from 'zod';
import * as s from '$lib/schema';
import { CONDUCTOR_KINDS } from '$lib/boards/control';
import { storedRecord } from '$lib/workshops/record';
import type { Row } from './rows';

export type Tables = Record<string, Row[]>;

/** Each table's link to its parent in the forum, and the parent's table. */
export const PARENT: Record<string, [column: string, table: string]> = {
	workshopSafeguarding: ['workshopId', 'workshop'],
	agendaItem: ['workshopId', 'workshop'],
	participant: ['workshopId', 'workshop'],
	board: ['workshopId', 'workshop'],
	boardSubmission: ['boardId', 'board'],
	noteAuthor: ['boardId', 'board'],
	boardDot: ['boardId', 'board'],
	boardReaction: ['boardId', 'board'],
	proposal: ['workshopId', 'workshop'],
	proposalEvent: ['proposalId', 'proposal'],
	votingRound: ['workshopId', 'workshop'],
	ballot: ['roundId', 'votingRound'],
	ballotGuard: ['roundId', 'votingRound'],
	paperTotal: ['roundId', 'votingRound'],
	plan: ['workshopId', 'workshop'],
	planItem: ['planId', 'plan'],
	fundingLine: ['itemId', 'planItem'],
	planItemEvent: ['itemId', 'planItem'],
	task: ['itemId', 'planItem'],
	taskNote: ['taskId', 'task']
};

/** Other links a row may hold (empty or naming a row of that table in the file). */
const LINKS: Record<string, Record<string, string>> = {
	workshop: { currentAgendaItemId: 'agendaItem', currentBoardId: 'board' },
	board: { continuesPlanItemId: 'planItem' },
	boardSubmission: { participantId: 'participant' },
	noteAuthor: { participantId: 'participant' },
	proposal: { boardId: 'board', mergedInto: 'proposal' },
	ballotGuard: { participantId: 'participant' },
	paperTotal: { proposalId: 'proposal' },
	planItem: {
		originRoundId: 'votingRound',
		originProposalId: 'proposal',
		originBoardId: 'board',
		previousItemId: 'planItem'
	}
};

const shortTexts = z.array(z.string().max(64)).max(64);

/** JSON columns the pages read, by table. Others (a count's result) are only shown as stored. */
const SHAPES: Record<string, Record<string, z.ZodType>> = {
	workshop: {
		groups: shortTexts,
		record: storedRecord,
		conductor: z.object({ kind: z.enum(CONDUCTOR_KINDS), id: z.string().max(64).optional() }).nullable()
	},
	participant: { groups: shortTexts },
	proposal: { targetGroups: shortTexts },
	planItem: { targetGroups: shortTexts },
	votingRound: { proposalIds: z.array(z.string().max(64)).max(1000) }
};

/** Columns that name people's accounts: emptied on import, so any value is let through here. */
export const USER_COLUMNS = new Set(['addedBy', 'actorId', 'ownerUserId', 'authorId', 'userId', 'ownerPartnerId']);

function valueFits(column: Column, value: unknown): boolean {
	if (value === null || value === undefined) return !column.notNull || column.hasDefault;
	switch (column.dataType) {
		case 'string':
			return typeof value === 'string' && (!column.enumValues || column.enumValues.includes(value));
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'bigint':
			return typeof value === 'bigint';
		case 'date':
			return value instanceof Date && !Number.isNaN(value.getTime());
		case 'custom':
			return value instanceof Uint8Array;
		default:
			return true; // json: shapes below
	}
}

/**
 * Why the rows may not be written ('error_forum_file': a value that does not fit;
 * 'error_forum_outside': a reference out of the file), or null when they may.
 */
export function checkRows(tables: Tables): 'error_forum_file' | 'error_forum_outside' | null {
	const idsOf = (table: string) => new Set((tables[table] ?? []).map((r) => r.id));
	const ids: Record<string, Set<unknown>> = {};
	const has = (table: string, id: unknown) => typeof id === 'string' && (ids[table] ??= idsOf(table)).has(id);

	for (const [name, rows] of Object.entries(tables)) {
		const table = (s as Record<string, unknown>)[name];
		if (!table) return 'error_forum_file';
		const columns = getTableColumns(table as never) as Record<string, Column>;
		for (const row of rows) {
			for (const [key, value] of Object.entries(row)) {
				const column = columns[key];
				if (!column) return 'error_forum_file';
				if (USER_COLUMNS.has(key)) continue;
				if (!valueFits(column, value)) return 'error_forum_file';
				const shape = SHAPES[name]?.[key];
				if (shape && value !== undefined && !shape.safeParse(value).success) return 'error_forum_file';
			}
			for (const [key, column] of Object.entries(columns))
				if (!(key in row) && column.notNull && !column.hasDefault && !USER_COLUMNS.has(key)) return 'error_forum_file';
			const parent = PARENT[name];
			if (parent && !has(parent[1], row[parent[0]])) return 'error_forum_outside';
			for (const [key, target] of Object.entries(LINKS[name] ?? {}))
				if (row[key] !== null && row[key] !== undefined && !has(target, row[key])) return 'error_forum_outside';
		}
	}
	const workshop = tables.workshop?.[0];
	const conductor = workshop?.conductor as { kind: string; id?: string } | null | undefined;
	if (conductor?.id !== undefined && !has('board', conductor.id) && !has('votingRound', conductor.id))
		return 'error_forum_outside';
	for (const round of tables.votingRound ?? [])
		if (!(round.proposalIds as string[]).every((id) => has('proposal', id))) return 'error_forum_outside';
	return null;
}
