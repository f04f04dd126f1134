/** Limits of the realtime endpoint; each can be set by an environment variable. */
import { DEFAULT_BOUNDS, type UpdateBounds } from './validate';

const num = (name: string, fallback: number, min = 1) => {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? NaN : Number(raw);
	return Number.isFinite(value) && value >= min ? value : fallback;
};

export type Limits = {
	maxMessageBytes: number;
	maxClientsPerBoard: number;
	/** Token bucket per connection: burst size and refill per second. */
	messageBurst: number;
	messagesPerSecond: number;
	/** Bytes queued on a socket before we give up on it as too slow. */
	maxBufferedBytes: number;
	/**
	 * Write-behind delay for the update log: the most a kill -9 can lose of edits others
	 * already saw (plus one database write). 0 writes on the next tick; 500 ms at most.
	 * 100 by measurement: `npm run bench:durability` lost up to 17 notes (399 ms) per
	 * kill at 400 ms, and `BENCH_FLUSH_MS` showed no fan-out cost for shorter windows.
	 */
	flushDelayMs: number;
	/** Bytes of data waiting for missing dependencies a board may hold; more is refused (1007). */
	maxPendingBytes: number;
	/** Shape bounds every client update is checked against. */
	updateBounds: UpdateBounds;
	/** Log rows after which a board is compacted into its snapshot. */
	compactAfterRows: number;
	/** How long an empty room stays loaded. */
	idleUnloadMs: number;
};

export function readLimits(): Limits {
	return {
		maxMessageBytes: num('COLLAB_MAX_MESSAGE_BYTES', 4 * 1024 * 1024),
		maxClientsPerBoard: num('COLLAB_MAX_CLIENTS', 500),
		messageBurst: num('COLLAB_MESSAGE_BURST', 300),
		messagesPerSecond: num('COLLAB_MESSAGES_PER_SECOND', 100),
		maxBufferedBytes: num('COLLAB_MAX_BUFFERED_BYTES', 8 * 1024 * 1024),
		flushDelayMs: Math.min(num('COLLAB_FLUSH_MS', 100, 0), 500),
		maxPendingBytes: num('COLLAB_MAX_PENDING_BYTES', 16 * 1024, 0),
		updateBounds: DEFAULT_BOUNDS,
		compactAfterRows: num('COLLAB_COMPACT_ROWS', 500),
		idleUnloadMs: num('COLLAB_IDLE_UNLOAD_MS', 5000)
	};
}

/** Close codes. 4400-4499 tell y-websocket 3 not to reconnect. */
export const CLOSE = {
	/** No session cookie (or an expired one). */
	unauthenticated: 4401,
	/** Signed in, but no access to this room; or an origin we do not serve. */
	forbidden: 4403,
	notFound: 4404,
	/** The board already has the maximum number of clients. */
	boardFull: 4429,
	/** Too many messages; the client reconnects and resyncs after backoff. */
	rateLimited: 1008,
	/** Malformed message; the client reconnects and resyncs. */
	badMessage: 1007,
	/** Socket too slow to keep up with the room. */
	tooSlow: 1013,
	shuttingDown: 1001,
	/** The connection's rights changed (role, workshop closed): the client reconnects and is checked again. */
	rightsChanged: 4000
} as const;

export class TokenBucket {
	private tokens: number;
	private last = performance.now();
	constructor(
		private readonly burst: number,
		private readonly perSecond: number
	) {
		this.tokens = burst;
	}
	take(): boolean {
		const now = performance.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
