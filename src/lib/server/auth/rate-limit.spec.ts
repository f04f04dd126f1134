import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit';

describe('MemoryRateLimiter', () => {
	it('refuses after max hits until the window passes', async () => {
		let now = 0;
		const limiter: RateLimiter = new MemoryRateLimiter({ max: 3, windowMs: 1000 }, () => now);
		for (let i = 0; i < 3; i++) {
			expect(await limiter.retryAfter('ip')).toBe(0);
			await limiter.hit('ip');
		}
		expect(await limiter.retryAfter('ip')).toBe(1000);
		expect(await limiter.retryAfter('other')).toBe(0);
		now = 600;
		expect(await limiter.retryAfter('ip')).toBe(400);
		now = 1000;
		expect(await limiter.retryAfter('ip')).toBe(0);
	});

	it('reset clears a key', async () => {
		const limiter = new MemoryRateLimiter({ max: 1, windowMs: 1000 }, () => 0);
		await limiter.hit('a');
		expect(await limiter.retryAfter('a')).toBeGreaterThan(0);
		await limiter.reset('a');
		expect(await limiter.retryAfter('a')).toBe(0);
	});

	it('delays progressively before the hard limit', async () => {
		let now = 0;
		const limiter = new MemoryRateLimiter(
			{ max: 10, windowMs: 60_000, backoff: { after: 2, baseMs: 100, maxMs: 300 } },
			() => now
		);
		await limiter.hit('k');
		expect(await limiter.retryAfter('k')).toBe(0);
		await limiter.hit('k');
		expect(await limiter.retryAfter('k')).toBe(100);
		now = 100;
		await limiter.hit('k');
		expect(await limiter.retryAfter('k')).toBe(200);
		now = 300;
		await limiter.hit('k');
		expect(await limiter.retryAfter('k')).toBe(300); // capped
		now = 600;
		expect(await limiter.retryAfter('k')).toBe(0);
	});
});
