/**
 * Loading a board so that it always loads. The fast path applies the snapshot and the
 * log in one go. When that throws, or leaves data waiting for missing dependencies,
 * the slow path rebuilds the board from the last snapshot that loads (the current one,
 * else the previous one, else nothing) plus every log row that still applies, and
 * reports what it set aside. A board is never refused for good.
 */
import * as Y from 'yjs';
import { encodeWithoutPending, isStuck, loadDoc } from './safe-doc';
import type { Quarantined, StoredBoard } from './storage';

/** `state` is the loaded document encoded: proof it can be served, and the room's rollback point. */
export type Restored = { doc: Y.Doc; state: Uint8Array; quarantined: Quarantined[] };

export function restoreBoard(stored: StoredBoard): Restored {
	const all = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)];
	try {
		const doc = loadDoc(all);
		const pending = takePending(doc);
		return { doc, state: Y.encodeStateAsUpdate(doc), quarantined: pending };
	} catch {
		return restoreSlowly(stored);
	}
}

function restoreSlowly(stored: StoredBoard): Restored {
	const quarantined: Quarantined[] = [];
	let base: Uint8Array[] = [];
	for (const [snapshot, which] of [
		[stored.snapshot, 'current'],
		[stored.previousSnapshot, 'previous']
	] as const) {
		if (!snapshot) continue;
		try {
			const doc = loadDoc([snapshot]);
			quarantined.push(...takePending(doc));
			base = [encodeWithoutPending(doc)];
			doc.destroy();
			break;
		} catch (e) {
			if (which === 'current') quarantined.push({ kind: 'snapshot', seq: null, data: snapshot, reason: reasonOf(e) });
		}
	}
	// Rows that throw are set aside; the document is rebuilt from the rows that applied.
	let doc = loadDoc(base);
	const applied: Uint8Array[] = [...base];
	for (const row of stored.updates) {
		try {
			Y.applyUpdate(doc, row.data, 'storage');
			if (isStuck(doc)) throw new Error('document stuck');
			applied.push(row.data);
		} catch (e) {
			quarantined.push({ kind: 'update', seq: row.seq, data: row.data, reason: reasonOf(e) });
			doc = loadDoc(applied);
		}
	}
	quarantined.push(...takePending(doc));
	return { doc, state: Y.encodeStateAsUpdate(doc), quarantined };
}

/** Removes data waiting for missing dependencies from a loaded document, returning it. */
function takePending(doc: Y.Doc): Quarantined[] {
	const { pendingStructs, pendingDs } = doc.store;
	const taken: Quarantined[] = [];
	if (pendingStructs)
		taken.push({ kind: 'pending', seq: null, data: pendingStructs.update, reason: 'missing dependencies' });
	if (pendingDs) taken.push({ kind: 'pending', seq: null, data: pendingDs, reason: 'deletions of unknown items' });
	doc.store.pendingStructs = null;
	doc.store.pendingDs = null;
	return taken;
}

function reasonOf(e: unknown): string {
	return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 500);
}
