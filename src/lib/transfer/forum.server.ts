/**
 * Bringing a venue forum home: one workshop exported from the laptop's embedded database
 * as one JSON file, and imported into the organisation's server.
 *
 * - What travels: the workshop, its agenda, attendance (participants), boards (snapshot
 *   and log folded into one snapshot) with their submissions, authors, dots and
 *   reactions, proposals and their history, rounds with ballots as counted, paper totals
 *   and who voted, and the plan with its items, funding, tasks and history.
 * - What stays: people's accounts (references to users become empty: the server has its
 *   own), partners (the organisation's own list), and safeguarding records (originals of
 *   masked details, private notes, help requests): personal data stays where it was given.
 * - Secret ballots stay unlinkable: ballots and "who voted" (ballot_guard) travel as two
 *   separately shuffled lists with new ids; nothing pairs them, as in the database.
 * - Ids are remapped deterministically (a hash of the old id), so importing the same
 *   forum twice finds it already there and adds nothing.
 * - A file is hostile until checked: its size is bounded, every row must hang under the
 *   one workshop it brings, and every board document must pass the checks a phone's
 *   update passes (and load with nothing pending) before anything is written.
 */
import { eq, inArray } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import * as s from '$lib/schema';
import { randomBytes } from '$lib/server/auth/tokens';
import { generateJoinCode } from '$lib/workshops/rules';
import { checkUpdate } from '$lib/server/realtime/validate';
import { loadDoc, pendingBytes } from '$lib/server/realtime/safe-doc';
import { decodeRows, encodeRows, type Row } from './rows';
import { MAX_FORUM_BYTES } from './limits';
import { checkRows, USER_COLUMNS } from './check-rows';
import type { OrgAccess } from '$lib/orgs/access.server';

export const FORMAT = 'ruang-rembuk.forum/1';

type Tables = Record<string, Row[]>;
export type ForumFile = { format: typeof FORMAT; exportedAt: string; workshopId: string; tables: Tables };
export type ImportReport = {
	imported: boolean;
	workshopId: string;
	reason?: 'already-imported';
	counts: Record<string, number>;
	left: string[];
};
/** An import's outcome: the report, or the message key of why nothing was written. */
export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: ForumError };
export type ForumError =
	'error_forum_file' | 'error_forum_outside' | 'error_forum_board' | 'error_forum_size' | 'error_forum_failed';

const ids = (rows: Row[], key = 'id') => rows.map((r) => r[key] as string);
const byIds = async <T>(list: string[], load: (list: string[]) => Promise<T[]>) =>
	list.length === 0 ? [] : load(list);

function shuffled<T>(rows: T[]): T[] {
	const out = [...rows];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Reads one workshop's forum. Null when there is no such workshop. */
export async function exportForum(workshopId: string): Promise<ForumFile | null> {
	const t: Tables = {};
	t.workshop = await db.select().from(s.workshop).where(eq(s.workshop.id, workshopId));
	if (t.workshop.length === 0) return null;
	t.workshopSafeguarding = await db
		.select()
		.from(s.workshopSafeguarding)
		.where(eq(s.workshopSafeguarding.workshopId, workshopId));
	t.agendaItem = await db.select().from(s.agendaItem).where(eq(s.agendaItem.workshopId, workshopId));
	t.participant = await db.select().from(s.participant).where(eq(s.participant.workshopId, workshopId));
	const boards = await db.select().from(s.board).where(eq(s.board.workshopId, workshopId));
	const boardIds = ids(boards);
	const updates = await byIds(boardIds, (l) =>
		db.select().from(s.boardUpdate).where(inArray(s.boardUpdate.boardId, l)).orderBy(s.boardUpdate.seq)
	);
	t.board = boards.map((b) => {
		const parts = [
			...(b.snapshot ? [b.snapshot] : []),
			...updates.filter((u) => u.boardId === b.id).map((u) => u.data)
		];
		return {
			...b,
			snapshot: parts.length > 0 ? Y.mergeUpdates(parts) : null,
			previousSnapshot: null,
			recoveredAt: null
		};
	});
	t.boardSubmission = await byIds(boardIds, (l) =>
		db.select().from(s.boardSubmission).where(inArray(s.boardSubmission.boardId, l))
	);
	t.noteAuthor = await byIds(boardIds, (l) => db.select().from(s.noteAuthor).where(inArray(s.noteAuthor.boardId, l)));
	t.boardDot = await byIds(boardIds, (l) => db.select().from(s.boardDot).where(inArray(s.boardDot.boardId, l)));
	t.boardReaction = await byIds(boardIds, (l) =>
		db.select().from(s.boardReaction).where(inArray(s.boardReaction.boardId, l))
	);
	t.proposal = await db.select().from(s.proposal).where(eq(s.proposal.workshopId, workshopId));
	t.proposalEvent = await byIds(ids(t.proposal), (l) =>
		db.select().from(s.proposalEvent).where(inArray(s.proposalEvent.proposalId, l))
	);
	t.votingRound = await db.select().from(s.votingRound).where(eq(s.votingRound.workshopId, workshopId));
	const roundIds = ids(t.votingRound);
	t.ballot = shuffled(await byIds(roundIds, (l) => db.select().from(s.ballot).where(inArray(s.ballot.roundId, l))));
	t.ballotGuard = shuffled(
		await byIds(roundIds, (l) => db.select().from(s.ballotGuard).where(inArray(s.ballotGuard.roundId, l)))
	);
	t.paperTotal = await byIds(roundIds, (l) => db.select().from(s.paperTotal).where(inArray(s.paperTotal.roundId, l)));
	t.plan = await db.select().from(s.plan).where(eq(s.plan.workshopId, workshopId));
	t.planItem = await byIds(ids(t.plan), (l) => db.select().from(s.planItem).where(inArray(s.planItem.planId, l)));
	const itemIds = ids(t.planItem);
	t.fundingLine = await byIds(itemIds, (l) => db.select().from(s.fundingLine).where(inArray(s.fundingLine.itemId, l)));
	t.planItemEvent = await byIds(itemIds, (l) =>
		db.select().from(s.planItemEvent).where(inArray(s.planItemEvent.itemId, l))
	);
	t.task = await byIds(itemIds, (l) => db.select().from(s.task).where(inArray(s.task.itemId, l)));
	t.taskNote = await byIds(ids(t.task), (l) => db.select().from(s.taskNote).where(inArray(s.taskNote.taskId, l)));
	return { format: FORMAT, exportedAt: new Date().toISOString(), workshopId, tables: encodeRows(t) };
}

/**
 * The id an old id gets on import into an organisation: the same every time, so a second
 * import is recognised, and another in every organisation, so no organisation's import
 * can meet (or block) another's.
 */
export function importedId(organisationId: string, oldId: string): string {
	const seed = `ruang-rembuk.import:${organisationId}:${oldId}`;
	return encodeBase32LowerCaseNoPadding(sha256(new TextEncoder().encode(seed)).slice(0, 15));
}

/** Replaces every old id (as a whole string value or object key, at any depth) by its new one. */
function remap(value: unknown, map: Map<string, string>): unknown {
	if (typeof value === 'string') return map.get(value) ?? value;
	if (Array.isArray(value)) return value.map((v) => remap(v, map));
	if (
		value &&
		typeof value === 'object' &&
		!(value instanceof Date) &&
		!(value instanceof Uint8Array) &&
		typeof value !== 'bigint'
	) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, remap(v, map)]));
	}
	return value;
}

/** Insert order: parents before children. */
const ORDER = [
	'workshop',
	'workshopSafeguarding',
	'agendaItem',
	'participant',
	'board',
	'boardSubmission',
	'noteAuthor',
	'boardDot',
	'boardReaction',
	'proposal',
	'proposalEvent',
	'votingRound',
	'ballot',
	'ballotGuard',
	'paperTotal',
	'plan',
	'planItem',
	'fundingLine',
	'planItemEvent',
	'task',
	'taskNote'
] as const;

/** A forum file as uploaded (a form's File, or a request body): bounded, then parsed and imported. */
export async function importForumUpload(access: OrgAccess<'workshop.create'>, file: Blob): Promise<ImportOutcome> {
	if (file.size === 0) return { ok: false, error: 'error_forum_file' };
	if (file.size > MAX_FORUM_BYTES) return { ok: false, error: 'error_forum_size' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(await file.text());
	} catch {
		return { ok: false, error: 'error_forum_file' };
	}
	return importForum(access, parsed);
}

/** Tables, rows, columns and the JSON inside a column (a round's result is the deepest). */
const MAX_DEPTH = 24;

/** True when no array or object lies deeper than `max` levels. */
function nestedWithin(value: unknown, max: number): boolean {
	if (!value || typeof value !== 'object') return true;
	if (max === 0) return false;
	return Object.values(value).every((v) => nestedWithin(v, max - 1));
}

/** A board document from a file: it passes the checks of a client's update and loads whole. */
function boardDocumentIsSound(snapshot: unknown): boolean {
	if (snapshot === null) return true;
	if (!(snapshot instanceof Uint8Array)) return false;
	const probe = new Y.Doc();
	try {
		if (checkUpdate(probe, snapshot) !== null) return false;
		const doc = loadDoc([snapshot]);
		const sound = pendingBytes(doc) === 0;
		doc.destroy();
		return sound;
	} catch {
		return false;
	} finally {
		probe.destroy();
	}
}

/**
 * Imports a forum file into the checked organisation (those who may create workshops there).
 * Checks the whole file first; rows go in one transaction, so a refusal or a failure
 * leaves nothing behind.
 */
export async function importForum(access: OrgAccess<'workshop.create'>, file: unknown): Promise<ImportOutcome> {
	const organisationId = access.organisation.id;
	const envelope = file as ForumFile;
	if (
		!envelope ||
		typeof envelope !== 'object' ||
		envelope.format !== FORMAT ||
		typeof envelope.workshopId !== 'string' ||
		!envelope.tables ||
		typeof envelope.tables !== 'object' ||
		Object.values(envelope.tables).some((rows) => !Array.isArray(rows))
	) {
		return { ok: false, error: 'error_forum_file' };
	}
	if (!nestedWithin(envelope.tables, MAX_DEPTH)) return { ok: false, error: 'error_forum_file' };
	let tables: Record<string, Row[]>;
	try {
		tables = decodeRows(envelope.tables);
	} catch {
		// A tagged value that does not decode ({"$bigint": "x"}).
		return { ok: false, error: 'error_forum_file' };
	}
	const known = new Set<string>(ORDER);
	if (
		Object.entries(tables).some(
			([name, rows]) => !known.has(name) || rows.some((row) => !row || typeof row !== 'object' || Array.isArray(row))
		)
	)
		return { ok: false, error: 'error_forum_file' };
	const map = new Map<string, string>();
	// A submission's id is the note's own id (made by the phone, as in the board document): kept.
	for (const name of ORDER)
		if (name !== 'boardSubmission')
			for (const row of tables[name] ?? [])
				if (typeof row.id === 'string') map.set(row.id, importedId(organisationId, row.id));
	const workshopId = map.get(envelope.workshopId) ?? importedId(organisationId, envelope.workshopId);
	// A file could be crafted: exactly this one workshop, and every row under it (never
	// under another organisation's workshop, board or round).
	if (tables.workshop?.length !== 1 || tables.workshop[0].id !== envelope.workshopId)
		return { ok: false, error: 'error_forum_file' };
	const refused = checkRows(tables);
	if (refused) return { ok: false, error: refused };
	if (!(tables.board ?? []).every((b) => boardDocumentIsSound(b.snapshot)))
		return { ok: false, error: 'error_forum_board' };
	const [existing] = await db.select({ id: s.workshop.id }).from(s.workshop).where(eq(s.workshop.id, workshopId));
	if (existing)
		return { ok: true, report: { imported: false, workshopId, reason: 'already-imported', counts: {}, left: [] } };
	let counts: Record<string, number>;
	try {
		counts = await writeForum(tables, map, organisationId);
	} catch (e) {
		// A row the database refuses (a wrong type, a missing column): the transaction wrote nothing.
		console.error('Forum import failed:', e);
		return { ok: false, error: 'error_forum_failed' };
	}
	// What stays behind (see the top of this file), as keys the import page names.
	return { ok: true, report: { imported: true, workshopId, counts, left: ['accounts', 'partners', 'safeguarding'] } };
}

/** Writes the checked rows in one transaction, under new ids; answers how many of each. */
async function writeForum(tables: Record<string, Row[]>, map: Map<string, string>, organisationId: string) {
	const counts: Record<string, number> = {};
	await db.transaction(async (tx) => {
		for (const name of ORDER) {
			const rows = (tables[name] ?? []).map((row) => {
				const out = remap(row, map) as Row;
				for (const column of USER_COLUMNS) if (column in out) out[column] = null;
				return out;
			});
			if (name === 'workshop')
				for (const w of rows) Object.assign(w, { organisationId, joinCode: generateJoinCode(randomBytes) });
			// A board's fallback is made on this server, never taken from a file.
			if (name === 'board') for (const b of rows) Object.assign(b, { previousSnapshot: null, recoveredAt: null });
			// Dots and reactions by members name accounts of the laptop: they stay behind.
			const kept =
				name === 'boardDot'
					? rows.filter((r) => r.voterKind !== 'member')
					: name === 'boardReaction'
						? rows.filter((r) => r.reactorKind !== 'member')
						: rows;
			counts[name] = kept.length;
			if (kept.length > 0) await tx.insert(s[name] as never).values(kept as never);
		}
	});
	return counts;
}
