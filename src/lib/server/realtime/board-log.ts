/**
 * A board room's persistence and rollback point.
 *
 * - Write-behind: published updates are appended to `board_update` within one flush
 *   interval (`COLLAB_FLUSH_MS`, 0 writes on the next tick); past `COLLAB_COMPACT_ROWS`
 *   rows, and when the room closes, the log is compacted into the snapshot, but only
 *   after the snapshot was verified to load (safe-doc.ts). A snapshot that does not
 *   verify is not written and the log stays.
 * - Rollback point: the state encoded at load or at the last compaction, plus every
 *   update published since. A room whose document was broken by a client rebuilds
 *   from it: exactly what every client has seen.
 */
import * as Y from 'yjs';
import type { Limits } from './limits';
import type { Restored } from './recover';
import { encodeWithoutPending, loadDoc, verifySnapshot } from './safe-doc';
import * as storage from './storage';

export class BoardLog {
	private unwritten: Uint8Array[] = [];
	private flushTimer: ReturnType<typeof setTimeout> | null = null;
	private writes: Promise<void> = Promise.resolve();
	private lastSeq = 0;
	private rowsSinceSnapshot = 0;
	private base: Uint8Array[] = [];
	private since: Uint8Array[] = [];
	private remote = false;

	constructor(
		readonly boardId: string,
		private readonly limits: Limits,
		private readonly doc: () => Y.Doc
	) {}

	/** Loads the board; a board that needed recovery is saved recovered at once. */
	async load(
		restore: (stored: storage.StoredBoard) => Restored,
		prepare?: (boardId: string, stored: storage.StoredBoard) => Promise<storage.StoredBoard>
	): Promise<Restored> {
		const found = await storage.loadBoard(this.boardId);
		if (!found) throw new Error(`Board ${this.boardId} not found`);
		const stored = prepare ? await prepare(this.boardId, found) : found;
		const restored = restore(stored);
		this.base = [restored.state];
		this.since = [];
		this.lastSeq = stored.lastSeq;
		this.rowsSinceSnapshot = stored.updates.length;
		if (restored.quarantined.length > 0) {
			console.error(
				`Board ${this.boardId} recovered; ${restored.quarantined.length} stored piece(s) set aside in board_quarantine`
			);
			await storage.saveRecovered(this.boardId, restored.state, stored.lastSeq, restored.quarantined);
			this.rowsSinceSnapshot = 0;
		}
		return restored;
	}

	/** A published update: logged within one flush interval, and part of the rollback point. */
	append(update: Uint8Array): void {
		this.unwritten.push(update);
		this.keep(update);
		this.flushTimer ??= setTimeout(() => void this.flush(), this.limits.flushDelayMs);
	}

	/**
	 * An update another node published (and stores): part of the rollback point, and
	 * reason to compact on close even if this node logged nothing (its writer may be gone).
	 */
	remember(update: Uint8Array): void {
		this.keep(update);
		this.remote = true;
	}

	/**
	 * Adds to the rollback point. A node that mostly receives other nodes' updates never
	 * compacts on its own rows, so past the compaction threshold the list is folded into
	 * one update: memory stays bounded, the state it rebuilds is the same.
	 */
	private keep(update: Uint8Array): void {
		this.since.push(update);
		if (this.since.length < this.limits.compactAfterRows) return;
		this.base = [Y.mergeUpdates([...this.base, ...this.since])];
		this.since = [];
	}

	/** A fresh document holding exactly what was published. */
	rebuild(): Y.Doc {
		return loadDoc([...this.base, ...this.since]);
	}

	/** Writes unwritten updates to the log; compacts past the threshold. */
	flush(): Promise<void> {
		if (this.flushTimer) clearTimeout(this.flushTimer);
		this.flushTimer = null;
		const batch = this.unwritten;
		this.unwritten = [];
		this.writes = this.writes
			.then(async () => {
				if (batch.length > 0) {
					this.lastSeq = Math.max(this.lastSeq, await storage.appendUpdates(this.boardId, batch));
					this.rowsSinceSnapshot += batch.length;
				}
				if (this.rowsSinceSnapshot >= this.limits.compactAfterRows) await this.compact();
			})
			.catch((e) => console.error(`Could not store board ${this.boardId}:`, e));
		return this.writes;
	}

	private async compact(): Promise<void> {
		// Nothing since the last snapshot (e.g. flush just compacted before close): no write.
		if (this.rowsSinceSnapshot === 0 && !this.remote) return;
		const doc = this.doc();
		const snapshot = encodeWithoutPending(doc);
		if (!verifySnapshot(doc, snapshot)) {
			console.error(`Board ${this.boardId}: snapshot does not load; keeping the log`);
			return;
		}
		this.base = [snapshot];
		this.since = [];
		this.remote = false;
		await storage.compactBoard(this.boardId, snapshot, this.lastSeq);
		this.rowsSinceSnapshot = 0;
	}

	/** Flushes and compacts (the room is closing). */
	async close(): Promise<void> {
		await this.flush();
		this.writes = this.writes.then(() => this.compact()).catch((e) => console.error('Could not compact:', e));
		await this.writes;
	}
}
