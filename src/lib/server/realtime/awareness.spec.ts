import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { sanitizeAwareness } from './awareness';

function update(entries: [number, number, string][]) {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, entries.length);
	for (const [id, clock, json] of entries) {
		encoding.writeVarUint(e, id);
		encoding.writeVarUint(e, clock);
		encoding.writeVarString(e, json);
	}
	return encoding.toUint8Array(e);
}
function read(bytes: Uint8Array) {
	const d = decoding.createDecoder(bytes);
	const n = decoding.readVarUint(d);
	return Array.from({ length: n }, () => [
		decoding.readVarUint(d),
		decoding.readVarUint(d),
		JSON.parse(decoding.readVarString(d))
	]);
}

const me = { name: 'Sari', kind: 'participant' as const, colour: '#000' };

describe('sanitizeAwareness', () => {
	it('binds the first client id and replaces the claimed name', () => {
		let bound: number | null = null;
		const out = sanitizeAwareness(
			update([[7, 1, JSON.stringify({ user: { name: 'Pak Lurah' }, cursor: { x: 1 } })]]),
			me,
			null,
			(id) => (bound = id)
		);
		expect(bound).toBe(7);
		expect(read(out!)).toEqual([[7, 1, { user: me, cursor: { x: 1 } }]]);
	});

	it("drops other clients' states, oversized states and junk", () => {
		const big = JSON.stringify({ pad: 'x'.repeat(3000) });
		expect(sanitizeAwareness(update([[8, 1, '{}']]), me, 7, () => {})).toBeNull();
		expect(sanitizeAwareness(update([[7, 2, big]]), me, 7, () => {})).toBeNull();
		expect(sanitizeAwareness(update([[7, 2, 'not json']]), me, 7, () => {})).toBeNull();
		expect(sanitizeAwareness(update([[7, 2, '[1,2]']]), me, 7, () => {})).toBeNull();
		expect(read(sanitizeAwareness(update([[7, 3, 'null']]), me, 7, () => {})!)).toEqual([[7, 3, null]]);
	});

	it('passes nothing when the first announced id is not free (another connection holds it)', () => {
		let bound: number | null = null;
		expect(sanitizeAwareness(update([[7, 1, '{}']]), me, null, () => false)).toBeNull();
		expect(sanitizeAwareness(update([[9, 1, '{}']]), me, null, (id) => (bound = id))).not.toBeNull();
		expect(bound).toBe(9);
	});
});
