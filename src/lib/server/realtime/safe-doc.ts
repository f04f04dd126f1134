/**
 * Small guards around a Y.Doc the server owns.
 *
 * Yjs never rolls back: a transaction that throws half-way stays half-applied, and a
 * transaction whose cleanup threw stays queued in `_transactionCleanups`, after which
 * the document never emits an update again (a silent room). Updates whose dependencies
 * are missing are kept as "pending" and are included by `encodeStateAsUpdate`, so they
 * would reach snapshots and every new client. These helpers detect and avoid both.
 */
import * as Y from 'yjs';

type Internals = { _transactionCleanups: unknown[]; _transaction: unknown };

/** True when a transaction is still open or queued: the document would stay silent. */
export function isStuck(doc: Y.Doc): boolean {
	const internals = doc as unknown as Internals;
	return internals._transactionCleanups.length > 0 || internals._transaction !== null;
}

/** Bytes of structs and deletions waiting for missing dependencies. */
export function pendingBytes(doc: Y.Doc): number {
	const { pendingStructs, pendingDs } = doc.store;
	return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/** The document's state (or its difference to a state vector), without pending data. */
export function encodeWithoutPending(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
	const { store } = doc;
	const { pendingStructs, pendingDs } = store;
	store.pendingStructs = null;
	store.pendingDs = null;
	try {
		return Y.encodeStateAsUpdate(doc, stateVector);
	} finally {
		store.pendingStructs = pendingStructs;
		store.pendingDs = pendingDs;
	}
}

/** Builds a document from stored updates; throws when they do not load cleanly. */
export function loadDoc(updates: Iterable<Uint8Array>): Y.Doc {
	const doc = new Y.Doc({ gc: true });
	Y.transact(
		doc,
		() => {
			for (const update of updates) Y.applyUpdate(doc, update);
		},
		'storage'
	);
	if (isStuck(doc)) throw new Error('document stuck after loading');
	return doc;
}

/**
 * A snapshot is good when it loads into a fresh document with the same state vector
 * and the same deletions as the document it was taken from, and leaves nothing pending.
 */
export function verifySnapshot(source: Y.Doc, snapshot: Uint8Array): boolean {
	try {
		const copy = loadDoc([snapshot]);
		const same =
			copy.store.pendingStructs === null &&
			copy.store.pendingDs === null &&
			equalBytes(Y.encodeStateVector(copy), Y.encodeStateVector(source)) &&
			Y.equalDeleteSets(Y.createDeleteSetFromStructStore(copy.store), Y.createDeleteSetFromStructStore(source.store));
		copy.destroy();
		return same;
	} catch {
		return false;
	}
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
