/**
 * People out of the board document. Boards written before authorship lived in SQL
 * carried author fields on notes and per-person dot and reaction keys; old or hostile
 * clients may still write author fields. These functions take them out; the server
 * records what they held (boards/authorship.server.ts). Part of the board model.
 *
 * Removing is not enough for an older board: Yjs keeps the key of every map entry ever
 * set, deleted or not, so per-person dot and reaction keys (`note|person|n`) would stay
 * in what every device downloads. Such a board is rebuilt once into a fresh document
 * with the same content and no history (`rebuildWithoutPeople`).
 */
import * as Y from 'yjs';
import { AUTHOR_FIELDS, clustersOf, dotsOf, framesOf, notesOf, reactionsOf, type AuthorKind } from './model';

export type LegacyPeople = {
	authors: { noteId: string; authorId: string; authorKind: AuthorKind }[];
	dots: { noteId: string; voterId: string; count: number }[];
	reactions: { noteId: string; emoji: string; reactorId: string }[];
};

/**
 * What a board written before authorship lived in SQL holds about people: author
 * fields on notes, per-person dot and reaction keys. Null when there is nothing (the
 * usual case). Reads only: the server records it first, then `removeLegacyPeople`.
 */
export function findLegacyPeople(doc: Y.Doc): LegacyPeople | null {
	const found: LegacyPeople = { authors: [], dots: [], reactions: [] };
	const notes = notesOf(doc);
	let any = false;
	for (const [noteId, note] of notes.entries()) {
		if (!AUTHOR_FIELDS.some((f) => note.has(f))) continue;
		any = true;
		const authorId = String(note.get('authorId') ?? '');
		if (authorId)
			found.authors.push({
				noteId,
				authorId,
				authorKind: note.get('authorKind') === 'participant' ? 'participant' : 'member'
			});
	}
	for (const key of dotsOf(doc).keys()) {
		if (!key.includes('|')) continue;
		any = true;
		const [noteId, voterId] = key.split('|');
		if (!notes.has(noteId)) continue;
		const mine = found.dots.find((d) => d.noteId === noteId && d.voterId === voterId);
		if (mine) mine.count++;
		else found.dots.push({ noteId, voterId, count: 1 });
	}
	for (const key of reactionsOf(doc).keys()) {
		const [noteId, emoji, reactorId] = key.split('|');
		if (reactorId === undefined) continue;
		any = true;
		if (notes.has(noteId)) found.reactions.push({ noteId, emoji, reactorId });
	}
	return any ? found : null;
}

/** Removes author fields and turns per-person dot and reaction keys into counts per note. */
export function removeLegacyPeople(doc: Y.Doc, origin?: unknown): void {
	const notes = notesOf(doc);
	doc.transact(() => {
		for (const note of notes.values()) for (const field of AUTHOR_FIELDS) if (note.has(field)) note.delete(field);
		const dots = new Map<string, number>();
		for (const key of [...dotsOf(doc).keys()].filter((k) => k.includes('|'))) {
			const noteId = key.split('|')[0];
			dotsOf(doc).delete(key);
			if (notes.has(noteId)) dots.set(noteId, (dots.get(noteId) ?? 0) + 1);
		}
		for (const [noteId, count] of dots) dotsOf(doc).set(noteId, (Number(dotsOf(doc).get(noteId)) || 0) + count);
		const reactions = new Map<string, number>();
		for (const key of [...reactionsOf(doc).keys()].filter((k) => k.split('|').length > 2)) {
			const [noteId, emoji] = key.split('|');
			reactionsOf(doc).delete(key);
			if (notes.has(noteId)) reactions.set(`${noteId}|${emoji}`, (reactions.get(`${noteId}|${emoji}`) ?? 0) + 1);
		}
		for (const [key, count] of reactions) reactionsOf(doc).set(key, (Number(reactionsOf(doc).get(key)) || 0) + count);
	}, origin);
}

/** Removes author fields a client put on these notes (authorship is the server's). */
export function stripAuthorFields(doc: Y.Doc, noteIds: string[], origin?: unknown): number {
	const carrying = noteIds
		.map((id) => notesOf(doc).get(id))
		.filter((note) => note && AUTHOR_FIELDS.some((f) => note.has(f))) as Y.Map<unknown>[];
	if (carrying.length === 0) return 0;
	doc.transact(() => {
		for (const note of carrying) for (const field of AUTHOR_FIELDS) note.delete(field);
	}, origin);
	return carrying.length;
}

/**
 * A fresh document with the board's content (notes, clusters, frames, dot and reaction
 * counts, same ids) and nothing about people: no author fields, no per-person keys, no
 * history in which they could linger. `old` is a scratch copy; it is changed.
 */
export function rebuildWithoutPeople(old: Y.Doc): Y.Doc {
	removeLegacyPeople(old);
	const fresh = new Y.Doc();
	fresh.transact(() => {
		for (const pick of [notesOf, clustersOf, framesOf]) {
			const target = pick(fresh);
			for (const [id, source] of pick(old).entries()) {
				const copy = new Y.Map<unknown>();
				for (const [key, value] of source.entries())
					if (!(AUTHOR_FIELDS as readonly string[]).includes(key)) copy.set(key, value);
				target.set(id, copy);
			}
		}
		for (const [key, value] of dotsOf(old).entries()) dotsOf(fresh).set(key, value);
		for (const [key, value] of reactionsOf(old).entries()) reactionsOf(fresh).set(key, value);
	});
	return fresh;
}
