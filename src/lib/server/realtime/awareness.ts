/**
 * Awareness (presence, cursors) from clients is rewritten before anyone sees it: one
 * client id per connection, a size cap, and the `user` field replaced by the name the
 * session holds, so nobody can appear as someone else.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MAX_AWARENESS_STATE = 2048;

export type Identity = { name: string; kind: 'member' | 'participant'; colour: string };

/**
 * Returns a cleaned awareness update, or null when nothing in it may pass.
 * `bind` is called with the first client id the connection announces; it answers false
 * when that id is not free (another live connection holds it), and nothing passes.
 */
export function sanitizeAwareness(
	update: Uint8Array,
	identity: Identity,
	boundClientId: number | null,
	bind: (clientId: number) => unknown
): Uint8Array | null {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > 16) return null;
	const encoder = encoding.createEncoder();
	const kept: [number, number, string][] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const json = decoding.readVarString(decoder);
		if (boundClientId === null) {
			if (bind(clientId) === false) return null;
			boundClientId = clientId;
		}
		if (clientId !== boundClientId || json.length > MAX_AWARENESS_STATE) continue;
		let state: unknown;
		try {
			state = JSON.parse(json);
		} catch {
			continue;
		}
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue;
		const clean = state === null ? null : { ...(state as Record<string, unknown>), user: identity };
		kept.push([clientId, clock, JSON.stringify(clean)]);
	}
	if (kept.length === 0) return null;
	encoding.writeVarUint(encoder, kept.length);
	for (const [clientId, clock, json] of kept) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}
