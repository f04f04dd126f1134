/**
 * A fixed-window counter in memory: enough for one app process (the venue laptop or
 * one server). Each key (an IP, an e-mail address) may fail `max` times per window.
 */
export class RateLimiter {
	private hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Milliseconds until `key` may try again, or 0 when it may try now. */
	retryAfter(key: string): number {
		const entry = this.hits.get(key);
		if (!entry) return 0;
		const left = entry.resetAt - this.now();
		if (left <= 0) {
			this.hits.delete(key);
			return 0;
		}
		return entry.count >= this.max ? left : 0;
	}

	hit(key: string): void {
		const now = this.now();
		const entry = this.hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
		} else {
			entry.count++;
		}
		if (this.hits.size > 10_000) this.sweep(now);
	}

	reset(key: string): void {
		this.hits.delete(key);
	}

	private sweep(now: number): void {
		for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
	}
}

/** Failed logins: 20 per IP and 5 per account every 15 minutes. */
export const loginByIp = new RateLimiter(20, 15 * 60 * 1000);
export const loginByAccount = new RateLimiter(5, 15 * 60 * 1000);
/** Joining by code: 30 attempts per IP per minute stops guessing codes. */
export const joinByIp = new RateLimiter(30, 60 * 1000);
