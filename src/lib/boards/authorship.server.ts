/**
 * Who wrote a board note: recorded by the server in SQL, never taken from the board
 * document (issue: a writer could put a participant's name on their own note, and the
 * document every device downloads carried every author's name and id).
 *
 * - Participants' notes go through server actions, which record the participant.
 * - Members write over the websocket; the realtime room tells us (onClientUpdate) which
 *   note keys a connection added, and that connection's member becomes their author.
 *   Author fields a client put on a note are removed, whatever they claimed.
 * - Names reach only members who may edit the board, and only while "hide authors" is
 *   off; children's pseudonyms never reach the projector. Participants and observers
 *   get no names at all (see `authorNamesFor`).
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import { board } from './boards.schema';
import { boardDot, boardReaction, noteAuthor } from './authorship.schema';
import { participant } from '$lib/workshops/workshops.schema';
import { user } from '$lib/orgs/orgs.schema';
import * as realtime from '$lib/server/realtime';
import type { ConnectionInfo, RoomHooks } from '$lib/server/realtime/room';
import type { StoredBoard } from '$lib/server/realtime/storage';
import { isChild } from '$lib/workshops/rules';
import * as storage from '$lib/server/realtime/storage';
import { findLegacyPeople, rebuildWithoutPeople, stripAuthorFields, type LegacyPeople } from './legacy';

export type Author =
	{ kind: 'member'; userId: string } | { kind: 'participant'; participantId: string | null; child: boolean };

/** The author of these notes. `replace`: this writer created the entry anew, so it is theirs now. */
export async function recordAuthor(boardId: string, noteIds: string[], author: Author, replace = true): Promise<void> {
	if (noteIds.length === 0) return;
	const row =
		author.kind === 'member'
			? { kind: 'member' as const, userId: author.userId, participantId: null, child: false }
			: { kind: 'participant' as const, userId: null, participantId: author.participantId, child: author.child };
	const insert = db.insert(noteAuthor).values(noteIds.map((noteId) => ({ boardId, noteId, ...row })));
	await (replace
		? insert.onConflictDoUpdate({ target: [noteAuthor.boardId, noteAuthor.noteId], set: row })
		: insert.onConflictDoNothing());
}

/** A participant as an author (children are marked: their pseudonym stays off the projector). */
export function participantAuthor(p: { id: string; groups: string[] }): Author {
	return { kind: 'participant', participantId: p.id, child: isChild(p.groups) };
}

export type Viewer = { mayEdit: boolean; hideAuthors: boolean; projector?: boolean };

/**
 * Author names by note id, for a member's board page. Empty for observers and while
 * authors are hidden; on the projector (a screen the whole room sees), without children.
 */
export async function authorNamesFor(boardId: string, viewer: Viewer): Promise<Record<string, string>> {
	if (!viewer.mayEdit || viewer.hideAuthors) return {};
	const rows = await db
		.select({
			noteId: noteAuthor.noteId,
			child: noteAuthor.child,
			member: user.name,
			named: participant.displayName,
			pseudonym: participant.pseudonym
		})
		.from(noteAuthor)
		.leftJoin(user, eq(user.id, noteAuthor.userId))
		.leftJoin(participant, eq(participant.id, noteAuthor.participantId))
		.where(eq(noteAuthor.boardId, boardId));
	const names: Record<string, string> = {};
	for (const r of rows) {
		if (viewer.projector && r.child) continue;
		const name = r.member ?? r.named ?? r.pseudonym;
		if (name) names[r.noteId] = name;
	}
	return names;
}

/** Copies authorship along with notes copied into another board (a prototype's next iteration). */
export async function copyAuthors(fromBoardId: string, toBoardId: string, noteIds: Map<string, string>): Promise<void> {
	if (noteIds.size === 0) return;
	const rows = await db
		.select()
		.from(noteAuthor)
		.where(and(eq(noteAuthor.boardId, fromBoardId), inArray(noteAuthor.noteId, [...noteIds.keys()])));
	const copies = rows.map((r) => ({ ...r, boardId: toBoardId, noteId: noteIds.get(r.noteId)! }));
	if (copies.length > 0) await db.insert(noteAuthor).values(copies).onConflictDoNothing();
}

// Writes started by the realtime hook, so tests (and shutdown) can wait for them.
const inFlight = new Set<Promise<void>>();
function track(work: Promise<void>): void {
	const p = work.catch((e) => console.error('Could not record note authors:', e)).finally(() => inFlight.delete(p));
	inFlight.add(p);
}
export async function settleAuthorship(): Promise<void> {
	while (inFlight.size > 0) await Promise.all([...inFlight]);
}

/** A member's connection added notes: they are its author; author fields it wrote go. */
function onClientUpdate(boardId: string, connection: ConnectionInfo, doc: Y.Doc, transaction: Y.Transaction): void {
	const noteIds = realtime.addedKeys(doc, transaction).get('notes');
	if (!noteIds || connection.identity.kind !== 'member' || !connection.subject.userId) return;
	const userId = connection.subject.userId;
	track(
		(async () => {
			await recordAuthor(boardId, noteIds, { kind: 'member', userId });
			await realtime.changeBoardDoc(boardId, (doc) => stripAuthorFields(doc, noteIds, 'authorship'));
		})()
	);
}

/** Which of these ids are participants of the board's workshop, and which are users. */
async function resolvePeople(boardId: string, ids: string[]) {
	const unique = [...new Set(ids)];
	const [found] = await db.select({ workshopId: board.workshopId }).from(board).where(eq(board.id, boardId));
	const participants =
		unique.length && found
			? await db
					.select({ id: participant.id, groups: participant.groups })
					.from(participant)
					.where(and(inArray(participant.id, unique), eq(participant.workshopId, found.workshopId)))
			: [];
	const users = unique.length ? await db.select({ id: user.id }).from(user).where(inArray(user.id, unique)) : [];
	return { participants: new Map(participants.map((p) => [p.id, p])), users: new Set(users.map((u) => u.id)) };
}

/** Records what an older board held about people (authors, dots, reactions), once. */
async function recordLegacyPeople(boardId: string, found: LegacyPeople): Promise<void> {
	const people = await resolvePeople(boardId, [
		...found.authors.map((a) => a.authorId),
		...found.dots.map((d) => d.voterId),
		...found.reactions.map((r) => r.reactorId)
	]);
	const who = (id: string) =>
		people.participants.has(id) ? ('participant' as const) : people.users.has(id) ? ('member' as const) : null;
	await db.transaction(async (tx) => {
		for (const a of found.authors) {
			const p = people.participants.get(a.authorId);
			const row = p
				? { kind: 'participant' as const, userId: null, participantId: p.id, child: isChild(p.groups) }
				: people.users.has(a.authorId)
					? { kind: 'member' as const, userId: a.authorId, participantId: null, child: false }
					: null;
			if (row)
				await tx
					.insert(noteAuthor)
					.values({ boardId, noteId: a.noteId, ...row })
					.onConflictDoNothing();
		}
		for (const d of found.dots) {
			const kind = who(d.voterId);
			if (kind)
				await tx
					.insert(boardDot)
					.values({ boardId, noteId: d.noteId, voterKind: kind, voterId: d.voterId, count: d.count })
					.onConflictDoNothing();
		}
		for (const r of found.reactions) {
			const kind = who(r.reactorId);
			if (kind)
				await tx
					.insert(boardReaction)
					.values({ boardId, noteId: r.noteId, emoji: r.emoji, reactorKind: kind, reactorId: r.reactorId })
					.onConflictDoNothing();
		}
	});
}

// Every note of a board written before authorship moved to SQL carries this key.
const LEGACY_MARKER = Buffer.from('authorId');
const mentions = (bytes: Uint8Array | null) =>
	bytes !== null && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(LEGACY_MARKER);

/**
 * Before anyone receives a board: an older board's people (authors, dots, reactions)
 * are recorded in SQL, then the board is rebuilt without them and stored in place of
 * its snapshot and log. If recording fails, the board loads as it was (nothing lost)
 * and the next load tries again. Boards without the marker cost one byte search.
 */
async function beforeLoad(boardId: string, stored: StoredBoard): Promise<StoredBoard> {
	if (!mentions(stored.snapshot) && !stored.updates.some((row) => mentions(row.data))) return stored;
	try {
		// Stored bytes that do not load are the realtime layer's recovery to handle.
		const old = new Y.Doc();
		Y.transact(old, () => {
			if (stored.snapshot) Y.applyUpdate(old, stored.snapshot);
			for (const row of stored.updates) Y.applyUpdate(old, row.data);
		});
		const found = findLegacyPeople(old);
		if (!found) return stored;
		await recordLegacyPeople(boardId, found);
		const snapshot = Y.encodeStateAsUpdate(rebuildWithoutPeople(old));
		await storage.compactBoard(boardId, snapshot, stored.lastSeq);
		return { snapshot, previousSnapshot: stored.snapshot, updates: [], lastSeq: stored.lastSeq };
	} catch (e) {
		console.error(`Could not move people out of board ${boardId}:`, e);
		return stored;
	}
}

export const boardHooks: RoomHooks = { beforeLoad, onClientUpdate };
