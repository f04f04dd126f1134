/**
 * Rate limits counted in Redis, so an attacker gains nothing by spreading attempts over
 * nodes. Same rules as MemoryRateLimiter (fixed window, optional progressive delay); the
 * key expires with its window. While Redis is down each node counts in its own memory
 * (limits still hold per node) rather than refusing everyone or letting everyone through.
 */
import { backoffDelay, MemoryRateLimiter, type LimitOptions, type RateLimiter } from '$lib/server/auth/rate-limit';
import type { RedisLink } from './redis';

// Atomic: count, start the window on the first hit, remember when the last one came.
const HIT = `
local n = redis.call('HINCRBY', KEYS[1], 'count', 1)
if n == 1 then
  redis.call('HSET', KEYS[1], 'resetAt', ARGV[1] + ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
redis.call('HSET', KEYS[1], 'lastAt', ARGV[1])
return n`;

export class RedisRateLimiter implements RateLimiter {
	private readonly fallback: MemoryRateLimiter;

	constructor(
		private readonly link: RedisLink,
		private readonly name: string,
		private readonly options: LimitOptions
	) {
		this.fallback = new MemoryRateLimiter(options);
	}

	private key(key: string): string {
		return `${this.link.prefix}limit:${this.name}:${key}`;
	}

	async retryAfter(key: string): Promise<number> {
		if (!this.link.isUp) return this.fallback.retryAfter(key);
		try {
			const [count, resetAt, lastAt] = (await this.link.pub.hmget(this.key(key), 'count', 'resetAt', 'lastAt')).map(
				Number
			);
			if (!count) return 0;
			const now = Date.now();
			const left = resetAt - now;
			if (left <= 0) return 0;
			if (count >= this.options.max) return left;
			const delay = backoffDelay(this.options, count);
			return Math.max(0, lastAt + delay - now);
		} catch {
			return this.fallback.retryAfter(key);
		}
	}

	async hit(key: string): Promise<void> {
		if (!this.link.isUp) return this.fallback.hit(key);
		try {
			await this.link.pub.eval(HIT, 1, this.key(key), Date.now(), this.options.windowMs);
		} catch {
			await this.fallback.hit(key);
		}
	}

	async reset(key: string): Promise<void> {
		await this.fallback.reset(key);
		if (this.link.isUp) await this.link.pub.del(this.key(key)).catch(() => {});
	}
}
