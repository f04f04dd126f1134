import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
// The realtime layer's checks, on documents shaped as the boards domain writes them
// (under src/lib/server/realtime it could not import the board model).
import { checkUpdate } from '$lib/server/realtime/validate';
import { encodeWithoutPending, isStuck, pendingBytes, verifySnapshot } from '$lib/server/realtime/safe-doc';
import { restoreBoard } from '$lib/server/realtime/recover';
import { addNote, updateNote } from './model';
import * as hostile from '../../../tests/fuzz/hostile';

const note = (text: string) => ({ text });

/** Updates a client sends while editing a board the server already holds. */
function clientUpdates(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	edit(client);
	return Y.encodeStateAsUpdate(client, before);
}

describe('checkUpdate', () => {
	it('passes honest board edits: new notes, edits, nested in existing notes', () => {
		const server = new Y.Doc();
		const update = clientUpdates(server, (d) => addNote(d, note('satu'), 'n1'));
		expect(checkUpdate(server, update)).toBeNull();
		Y.applyUpdate(server, update);
		expect(
			checkUpdate(
				server,
				clientUpdates(server, (d) => updateNote(d, 'n1', { text: 'dua', x: 5 }))
			)
		).toBeNull();
	});

	it('refuses zero-length structs and delete ranges, deep values, deep types, sub-documents', () => {
		const server = new Y.Doc();
		expect(checkUpdate(server, hostile.zeroLengthDeleted(5))).toBe('bad struct length');
		expect(checkUpdate(server, hostile.zeroLengthStruct(5))).toBe('bad struct length');
		expect(checkUpdate(server, hostile.zeroLengthDelete(5))).toBe('bad delete range');
		expect(checkUpdate(server, hostile.deepValue(5, 17))).toBe('value nested too deep');
		expect(checkUpdate(server, hostile.deepValue(5, 15))).toBeNull();
		expect(checkUpdate(server, hostile.deepValue(5, 20_000))).toBe('undecodable update');
		expect(checkUpdate(server, hostile.deepTypes(5, 9))).toBe('types nested too deep');
		expect(checkUpdate(server, hostile.deepTypes(5, 8))).toBeNull();
		const withSubdoc = new Y.Doc();
		withSubdoc.getMap('notes').set('doc', new Y.Doc());
		expect(checkUpdate(server, Y.encodeStateAsUpdate(withSubdoc))).toBe('sub-documents are not allowed');
	});

	it('counts depth across updates: types nested one update at a time are refused too', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		let type: Y.Map<unknown> = client.getMap('notes');
		let refusedAt = 0;
		for (let depth = 1; depth <= 12 && !refusedAt; depth++) {
			const before = Y.encodeStateVector(client);
			const child = new Y.Map<unknown>();
			type.set('k', child);
			type = child;
			const update = Y.encodeStateAsUpdate(client, before);
			if (checkUpdate(server, update)) refusedAt = depth;
			else Y.applyUpdate(server, update);
		}
		expect(refusedAt).toBe(9);
	});
});

describe('safe-doc and recover', () => {
	it('keeps pending data out of encodings and detects a stuck document', () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, hostile.missingDependency(7, 1000));
		expect(pendingBytes(doc)).toBeGreaterThan(1000);
		expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(1000);
		expect(encodeWithoutPending(doc).byteLength).toBeLessThan(10);
		expect(verifySnapshot(doc, encodeWithoutPending(doc))).toBe(true);
		const stuck = new Y.Doc();
		Y.applyUpdate(stuck, hostile.noteUpdate('a'));
		expect(() => Y.applyUpdate(stuck, hostile.zeroLengthDeleted(9))).toThrow();
		expect(isStuck(stuck)).toBe(true);
	});

	it('restores a board from the previous snapshot and the rows that apply; sets aside the rest', () => {
		const good = new Y.Doc();
		addNote(good, note('lama'));
		const snapshot = Y.encodeStateAsUpdate(good);
		const row = clientUpdates(good, (d) => addNote(d, note('baru')));
		const restored = restoreBoard({
			snapshot: Y.mergeUpdates([snapshot, hostile.zeroLengthDeleted(3)]),
			previousSnapshot: snapshot,
			updates: [
				{ seq: 1, data: row },
				{ seq: 2, data: hostile.zeroLengthDeleted(4) },
				{ seq: 3, data: hostile.missingDependency(5, 100) }
			],
			lastSeq: 3
		});
		const texts = [...restored.doc.getMap<Y.Map<string>>('notes').values()].map((n) => n.get('text')).sort();
		expect(texts).toEqual(['baru', 'lama']);
		expect(restored.quarantined.map((q) => [q.kind, q.seq])).toEqual([
			['snapshot', null],
			['update', 2],
			['pending', null]
		]);
		expect(verifySnapshot(restored.doc, restored.state)).toBe(true);
	});
});
