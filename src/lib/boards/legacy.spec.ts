import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, dotsOf, notesOf, readBoard, reactionsOf } from './model';
import { findLegacyPeople, rebuildWithoutPeople, removeLegacyPeople, stripAuthorFields } from './legacy';

/** A board as it was written before authorship moved to SQL. */
function olderBoard() {
	const doc = new Y.Doc();
	const a = addNote(doc, { text: 'Lampu lorong mati' });
	const b = addNote(doc, { text: 'Takut melapor' });
	notesOf(doc).get(a)!.set('authorId', 'u1');
	notesOf(doc).get(a)!.set('authorName', 'Fasilitator');
	notesOf(doc).get(a)!.set('authorKind', 'member');
	notesOf(doc).get(b)!.set('authorId', 'p1');
	notesOf(doc).get(b)!.set('authorName', 'Kancil Biru 12');
	notesOf(doc).get(b)!.set('authorKind', 'participant');
	for (const key of [`${a}|p1|0`, `${a}|p1|1`, `${a}|p2|0`, `${b}|u1|0`]) dotsOf(doc).set(key, 1);
	for (const key of [`${a}|👍|p1`, `${a}|👍|p2`, `${b}|❓|p1`]) reactionsOf(doc).set(key, 1);
	return { doc, a, b };
}

describe('people out of older boards', () => {
	it('finds authors, per-person dots and reactions, and turns them into counts', () => {
		const { doc, a, b } = olderBoard();
		const found = findLegacyPeople(doc)!;
		expect(found.authors).toEqual([
			{ noteId: a, authorId: 'u1', authorKind: 'member' },
			{ noteId: b, authorId: 'p1', authorKind: 'participant' }
		]);
		expect(found.dots).toEqual(
			expect.arrayContaining([
				{ noteId: a, voterId: 'p1', count: 2 },
				{ noteId: a, voterId: 'p2', count: 1 },
				{ noteId: b, voterId: 'u1', count: 1 }
			])
		);
		expect(found.reactions).toHaveLength(3);
		removeLegacyPeople(doc);
		expect(findLegacyPeople(doc)).toBeNull();
		const view = readBoard(doc);
		expect(view.dots.get(a)).toBe(3);
		expect(view.dots.get(b)).toBe(1);
		expect(view.reactions.get(a)).toEqual({ '👍': 2 });
		expect(view.reactions.get(b)).toEqual({ '❓': 1 });
		// Removed values are gone, but Yjs keeps the keys of removed entries: ids remain.
		const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
		for (const secret of ['Fasilitator', 'Kancil Biru 12']) expect(bytes).not.toContain(secret);
		expect(bytes).toContain('|p1|');
	});

	it('rebuilds an older board with the same content and no one in it, history included', () => {
		const { doc, a, b } = olderBoard();
		const before = readBoard(doc);
		const fresh = rebuildWithoutPeople(doc);
		const view = readBoard(fresh);
		expect(view.notes.map((n) => [n.id, n.text, n.x, n.y])).toEqual(before.notes.map((n) => [n.id, n.text, n.x, n.y]));
		expect(view.dots.get(a)).toBe(3);
		expect(view.reactions.get(b)).toEqual({ '❓': 1 });
		const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(fresh));
		for (const secret of ['Fasilitator', 'Kancil Biru 12', 'u1', 'p1', 'p2', 'author'])
			expect(bytes).not.toContain(secret);
	});

	it('strips author fields a client wrote on new notes', () => {
		const doc = new Y.Doc();
		const a = addNote(doc, { text: 'Saya peserta, sungguh' });
		notesOf(doc).get(a)!.set('authorName', 'Kancil Biru 12');
		expect(stripAuthorFields(doc, [a])).toBe(1);
		expect(stripAuthorFields(doc, [a])).toBe(0);
		expect(new TextDecoder().decode(Y.encodeStateAsUpdate(doc))).not.toContain('Kancil');
	});
});
