/**
 * Which keys a client's update added to the document's top-level maps, for the domain's
 * `onClientUpdate` hook (e.g. the server records who created a board note). Generic:
 * the realtime layer knows no board shape.
 */
import type * as Y from 'yjs';

/** Per top-level map name, the keys a transaction set anew (new or replaced entries). */
export function addedKeys(doc: Y.Doc, tr: Y.Transaction): Map<string, string[]> {
	const added = new Map<string, string[]>();
	for (const [name, type] of doc.share) {
		const keys = tr.changed.get(type);
		if (!keys) continue;
		for (const key of keys) {
			if (key === null) continue;
			const item = type._map.get(key);
			// An entry written in this transaction has a clock at or past the state before it.
			if (item && !item.deleted && item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)) {
				added.set(name, [...(added.get(name) ?? []), key]);
			}
		}
	}
	return added;
}
