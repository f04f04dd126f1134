/**
 * The connection to Redis when several app nodes serve the same boards (`REDIS_URL`).
 * Two ioredis clients: one publishes and runs commands, one only subscribes (a Redis
 * connection in subscriber mode can do nothing else).
 *
 * Redis being down must not stop a node: commands fail fast (no offline queue, so
 * nothing piles up in memory), callers fall back to what this node holds, and when the
 * connection is back we resubscribe ourselves and tell listeners (rooms resync).
 */
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

import type { ClusterStatus } from './status';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

type MessageListener = (message: Buffer) => void;

export class RedisLink {
	/** 8 random bytes: tells our own messages apart on shared channels. */
	readonly nodeId = randomBytes(8);
	readonly pub: Redis;
	private readonly sub: Redis;
	private readonly channels = new Map<string, Set<MessageListener>>();
	private readonly reconnectListeners = new Set<() => void>();
	private up = false;
	private wasUp = false;
	private since = new Date();
	private lastError: string | undefined;
	private warned = false;

	constructor(
		url: string,
		/** Prefixes every key and channel, so several deployments (or test runs) can share one Redis. */
		readonly prefix: string
	) {
		const options = {
			enableOfflineQueue: false,
			autoResubscribe: false,
			maxRetriesPerRequest: 1,
			retryStrategy: (n: number) => Math.min(n * 200, 2000)
		};
		this.pub = new Redis(url, { ...options, lazyConnect: true });
		this.sub = new Redis(url, { ...options, lazyConnect: true });
		this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
			for (const listener of this.channels.get(channel.toString()) ?? []) {
				try {
					listener(message);
				} catch (e) {
					console.error('Cluster message failed:', e);
				}
			}
		});
		for (const client of [this.pub, this.sub]) {
			client.on('error', (e: Error) => this.markDown(e.message));
			client.on('end', () => this.markDown('connection ended'));
			client.on('ready', () => void this.markUp());
		}
	}

	async connect(): Promise<void> {
		await Promise.allSettled([this.pub.connect(), this.sub.connect()]);
	}

	get isUp(): boolean {
		return this.up;
	}

	status(): ClusterStatus {
		return {
			mode: 'cluster',
			node: this.nodeId.toString('hex'),
			redis: this.up ? 'up' : 'down',
			since: this.since.toISOString(),
			...(this.up ? {} : { error: this.lastError })
		};
	}

	private markDown(error: string): void {
		this.lastError = error;
		if (!this.up && !this.wasUp && !this.warned) {
			this.warned = true;
			console.error(`Redis not reachable (${error}): this node serves alone until it is; retrying`);
		}
		if (this.up) {
			this.up = false;
			this.since = new Date();
			console.error(
				`Redis unavailable (${error}): this node keeps serving the boards it holds; changes from other nodes wait until Redis returns`
			);
		}
	}

	private async markUp(): Promise<void> {
		if (this.pub.status !== 'ready' || this.sub.status !== 'ready' || this.up) return;
		// Resubscribe ourselves: autoResubscribe would also replay channels we left meanwhile.
		const channels = [...this.channels.keys()];
		if (channels.length > 0) await this.sub.subscribe(...channels).catch(() => {});
		this.up = true;
		this.since = new Date();
		const again = this.wasUp;
		this.wasUp = true;
		console.log(
			again
				? `Redis back: resyncing ${channels.length} channel(s) with the other nodes`
				: 'Redis connected: boards, live events and rate limits are shared with the other nodes'
		);
		if (again) for (const listener of this.reconnectListeners) listener();
	}

	/** Called after Redis came back (not on the first connect). */
	onReconnect(listener: () => void): () => void {
		this.reconnectListeners.add(listener);
		return () => this.reconnectListeners.delete(listener);
	}

	/** Listens on a channel; resolves once Redis confirmed the subscription (or at once when Redis is down). */
	async subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>> {
		let listeners = this.channels.get(channel);
		const first = !listeners;
		if (!listeners) this.channels.set(channel, (listeners = new Set()));
		listeners.add(listener);
		if (first && this.sub.status === 'ready') await this.sub.subscribe(channel).catch(() => {});
		return async () => {
			const set = this.channels.get(channel);
			if (!set) return;
			set.delete(listener);
			if (set.size > 0) return;
			this.channels.delete(channel);
			if (this.sub.status === 'ready') await this.sub.unsubscribe(channel).catch(() => {});
		};
	}

	/** Publishes; returns how many subscribers (ours included) got it, or -1 when Redis is down. */
	async publish(channel: string, message: Buffer | string): Promise<number> {
		if (this.pub.status !== 'ready') return -1;
		try {
			return await this.pub.publish(channel, message);
		} catch {
			return -1;
		}
	}

	/**
	 * Runs `work` holding a lock on `key` across nodes (at most `ttlMs`, so a node that
	 * died never blocks the others for long). When Redis is down the work runs unlocked:
	 * serving goes on, and the log says so.
	 */
	async withLock<T>(key: string, work: () => Promise<T>, ttlMs = 5000): Promise<T> {
		const name = `${this.prefix}lock:${key}`;
		const token = randomBytes(12).toString('hex');
		let held = false;
		for (const started = Date.now(); this.up && Date.now() - started < ttlMs;) {
			try {
				if ((await this.pub.set(name, token, 'PX', ttlMs, 'NX')) === 'OK') {
					held = true;
					break;
				}
			} catch {
				break;
			}
			await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
		}
		if (!held) console.error(`Cluster lock ${key} not taken (Redis ${this.up ? 'busy' : 'down'}): running without it`);
		try {
			return await work();
		} finally {
			if (held) await this.pub.eval(RELEASE, 1, name, token).catch(() => {});
		}
	}

	async close(): Promise<void> {
		this.reconnectListeners.clear();
		this.channels.clear();
		this.pub.disconnect();
		this.sub.disconnect();
	}
}
