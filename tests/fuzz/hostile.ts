/**
 * Hostile messages for the realtime endpoint, by class, as an authorised writer could
 * send them. Shared by the fuzz harness (`npm run fuzz:collab`), the integration tests
 * and the property test. Updates are written byte by byte in Yjs' update format (v1),
 * because Yjs itself would refuse (or overflow) building most of them.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addNote } from '../../src/lib/boards/model.ts';

export type Rng = () => number;

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): Rng {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const bytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => int(rng, 256));

/** A sync message (type 0) of a sub-type (0 step 1, 1 step 2, 2 update) around a payload. */
export function syncMessage(payload: Uint8Array, subType = 2): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, subType);
	encoding.writeVarUint8Array(e, payload);
	return encoding.toUint8Array(e);
}

/** A real note update, as a writer's client sends it after adding a note. */
export function noteUpdate(text: string, base?: Y.Doc): Uint8Array {
	const doc = new Y.Doc();
	if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
	const before = Y.encodeStateVector(doc);
	addNote(doc, { text });
	return Y.encodeStateAsUpdate(doc, before);
}

type RawItem = {
	clock: number;
	/** A root type's name, or the id of the item holding the parent type. */
	parent: string | { client: number; clock: number };
	key: string;
	/** Writes the content; `ref` is Yjs' content reference (1 deleted, 4 string, 7 type, 8 any). */
	ref: number;
	content: (e: encoding.Encoder) => void;
};

/** One client's structs, hand-encoded (update format v1), plus a delete set. */
export function rawUpdate(client: number, items: RawItem[], deletes: [number, number, number][] = []): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, items.length ? 1 : 0);
	if (items.length) {
		encoding.writeVarUint(e, items.length);
		encoding.writeVarUint(e, client);
		encoding.writeVarUint(e, items[0].clock);
		for (const item of items) {
			encoding.writeUint8(e, item.ref | 0x20); // parentSub present, no origins
			if (typeof item.parent === 'string') {
				encoding.writeVarUint(e, 1);
				encoding.writeVarString(e, item.parent);
			} else {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, item.parent.client);
				encoding.writeVarUint(e, item.parent.clock);
			}
			encoding.writeVarString(e, item.key);
			item.content(e);
		}
	}
	encoding.writeVarUint(e, deletes.length);
	for (const [c, clock, len] of deletes) {
		encoding.writeVarUint(e, c);
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint(e, clock);
		encoding.writeVarUint(e, len);
	}
	return encoding.toUint8Array(e);
}

const anyNull = (e: encoding.Encoder) => encoding.writeUint8(e, 126);

/** An item with no content at all (zero-length struct), e.g. an empty ContentAny. */
export function zeroLengthStruct(client: number): Uint8Array {
	return rawUpdate(client, [
		{ clock: 0, parent: 'notes', key: 'z', ref: 8, content: (e) => encoding.writeVarUint(e, 0) }
	]);
}

/** An item of deleted content of length 0: Yjs integrates it, then every load fails ("Unexpected case"). */
export function zeroLengthDeleted(client: number): Uint8Array {
	return rawUpdate(client, [
		{ clock: 0, parent: 'notes', key: 'z', ref: 1, content: (e) => encoding.writeVarUint(e, 0) }
	]);
}

/** A valid one-value item followed by a zero-length delete range. */
export function zeroLengthDelete(client: number): Uint8Array {
	return rawUpdate(
		client,
		[{ clock: 0, parent: 'notes', key: 'z', ref: 8, content: (e) => (encoding.writeVarUint(e, 1), anyNull(e)) }],
		[[client, 0, 0]]
	);
}

/** A note value nested `depth` arrays deep. */
export function deepValue(client: number, depth: number): Uint8Array {
	return rawUpdate(client, [
		{
			clock: 0,
			parent: 'notes',
			key: 'deep',
			ref: 8,
			content: (e) => {
				encoding.writeVarUint(e, 1);
				for (let i = 0; i < depth; i++) {
					encoding.writeUint8(e, 117); // array
					encoding.writeVarUint(e, 1);
				}
				anyNull(e);
			}
		}
	]);
}

/** `depth` maps, each inside the one before, under `notes`. */
export function deepTypes(client: number, depth: number): Uint8Array {
	const items: RawItem[] = [];
	for (let i = 0; i < depth; i++) {
		items.push({
			clock: i,
			parent: i === 0 ? 'notes' : { client, clock: i - 1 },
			key: i === 0 ? 'nest' : 'k',
			ref: 7,
			content: (e) => encoding.writeVarUint(e, 1)
		});
	}
	return rawUpdate(client, items);
}

/** Deletes what `deepTypes` made (the outermost map). */
export function deleteFirst(client: number, _depth?: number): Uint8Array {
	return rawUpdate(0, [], [[client, 0, 1]]);
}

/** An update whose structs start past anything the server saw from that client. */
export function missingDependency(client: number, padding: number): Uint8Array {
	const text = 'x'.repeat(padding);
	return rawUpdate(client, [
		{ clock: 1000, parent: 'notes', key: `m${client}`, ref: 4, content: (e) => encoding.writeVarString(e, text) }
	]);
}

/** Mutations of a real update: zeroed bytes and every bit flipped, at each position. */
export function mutations(update: Uint8Array): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (let at = 0; at < update.length; at++) {
		if (update[at] !== 0) {
			const zeroed = update.slice();
			zeroed[at] = 0;
			out.push(zeroed);
		}
		for (let bit = 0; bit < 8; bit++) {
			const flipped = update.slice();
			flipped[at] ^= 1 << bit;
			out.push(flipped);
		}
	}
	return out;
}

/** Hostile message classes; each returns `count` websocket messages. */
export const CLASSES = {
	'random bytes': (rng: Rng, n: number) => Array.from({ length: n }, () => bytes(rng, 1 + int(rng, 64))),
	'truncated varints': (_rng: Rng, n: number) =>
		Array.from({ length: n }, (_, i) => Uint8Array.from([0, 2, ...Array(1 + (i % 9)).fill(0xff)])),
	'huge declared lengths': (rng: Rng, n: number) =>
		Array.from({ length: n }, () => Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...bytes(rng, 8)])),
	'garbage behind sync headers': (rng: Rng, n: number) =>
		Array.from({ length: n }, (_, i) => Uint8Array.from([0, i % 3, ...bytes(rng, 1 + int(rng, 40))])),
	'mutated note updates': (rng: Rng, n: number) => {
		const all = mutations(noteUpdate(`mutant ${int(rng, 1e6)}`));
		return Array.from({ length: n }, (_, i) => syncMessage(all[i % all.length]));
	},
	'zero-length structs and deletes': (rng: Rng, n: number) =>
		Array.from({ length: n }, (_, i) =>
			syncMessage([zeroLengthDeleted, zeroLengthStruct, zeroLengthDelete][i % 3](1e6 + int(rng, 1e6)))
		),
	'deep nesting': (rng: Rng, n: number) => {
		// Triples from one client: a value 20,000 deep, 3,000 nested maps, then deleting them.
		const first = 2e6 + int(rng, 1e6);
		return Array.from({ length: n }, (_, i) => {
			const client = first + Math.floor(i / 3);
			return syncMessage([deepValue, deepTypes, deleteFirst][i % 3](client, i % 3 === 0 ? 20_000 : 3_000));
		});
	},
	'missing-dependency flood': (rng: Rng, n: number) =>
		Array.from({ length: n }, () => syncMessage(missingDependency(3e6 + int(rng, 1e6), 900))),
	'awareness garbage': (rng: Rng, n: number) =>
		Array.from({ length: n }, (_, i) =>
			Uint8Array.from([1, ...(i % 2 ? [0xff, 0xff, 0xff, 0x0f] : [1, ...bytes(rng, 30)])])
		),
	// 5 MB each (the limit is 4 MB); at most 20 per batch, as each costs its transfer.
	'oversized messages': (_rng: Rng, n: number) =>
		Array.from({ length: Math.min(n, 20) }, () => syncMessage(new Uint8Array(5 * 1024 * 1024)))
} satisfies Record<string, (rng: Rng, n: number) => Uint8Array[]>;

export type HostileClass = keyof typeof CLASSES;
