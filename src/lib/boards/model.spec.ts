import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addNote,
	createCluster,
	deleteCluster,
	deleteNote,
	readBoard,
	setDotCount,
	setReactionCount,
	undoScope,
	updateNote
} from './model';

describe('board model', () => {
	it('adds notes with defaults and fans them out', () => {
		const doc = new Y.Doc();
		const a = addNote(doc, { text: 'satu' });
		const b = addNote(doc, { text: 'dua', colour: 'blue', pictogram: 'school' });
		const [na, nb] = readBoard(doc).notes;
		expect(na).toMatchObject({ id: a, text: 'satu', colour: 'yellow', pictogram: null, clusterId: null });
		expect(nb).toMatchObject({ id: b, colour: 'blue', pictogram: 'school' });
		expect([na.x, na.y]).not.toEqual([nb.x, nb.y]);
	});

	it('refuses unknown colours and pictograms and caps the text', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'x'.repeat(900), colour: 'black' as never, pictogram: 'bomb' as never });
		updateNote(doc, id, { colour: 'neon' as never });
		const note = readBoard(doc).notes[0];
		expect(note.text).toHaveLength(500);
		expect(note.colour).toBe('yellow');
		expect(note.pictogram).toBeNull();
	});

	it('clusters notes and ungrouping keeps the notes', () => {
		const doc = new Y.Doc();
		const a = addNote(doc, { text: 'a' });
		const b = addNote(doc, { text: 'b' });
		const cluster = createCluster(doc, 'Keamanan lorong', [a, b]);
		expect(readBoard(doc).notes.every((n) => n.clusterId === cluster)).toBe(true);
		deleteCluster(doc, cluster);
		expect(readBoard(doc).clusters).toEqual([]);
		expect(readBoard(doc).notes.map((n) => n.clusterId)).toEqual([null, null]);
	});

	it('holds reaction and dot counts per note (no person) and removes them with the note', () => {
		const doc = new Y.Doc();
		const a = addNote(doc, { text: 'a' });
		setReactionCount(doc, a, '👍', 2);
		setReactionCount(doc, a, '💣', 3);
		setDotCount(doc, a, 4);
		setDotCount(doc, 'no-such-note', 1);
		expect(readBoard(doc).reactions.get(a)).toEqual({ '👍': 2 });
		expect([...readBoard(doc).dots]).toEqual([[a, 4]]);
		deleteNote(doc, a);
		expect(readBoard(doc).reactions.size).toBe(0);
		expect(readBoard(doc).dots.size).toBe(0);
	});

	it("undo reverts only this person's edits", () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		const LOCAL = Symbol('local');
		const undo = new Y.UndoManager(undoScope(mine), { trackedOrigins: new Set([LOCAL]) });
		mine.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(theirs, u, 'remote'));
		theirs.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(mine, u, 'remote'));
		addNote(mine, { text: 'milikku' }, undefined, LOCAL);
		addNote(theirs, { text: 'milik orang lain' });
		undo.undo();
		expect(readBoard(theirs).notes.map((n) => n.text)).toEqual(['milik orang lain']);
		undo.redo();
		expect(
			readBoard(theirs)
				.notes.map((n) => n.text)
				.sort()
		).toEqual(['milik orang lain', 'milikku']);
	});
});
