/**
 * Rate limits behind one small interface, so that several app processes can later share
 * them (e.g. a Redis implementation); today one process holds them in memory, which is
 * right for the venue laptop or one server.
 *
 * Every limit counts what an attacker would repeat (wrong passwords, unknown join codes,
 * sign-ups) and says how long to wait. Keys name what is counted: an address, an account
 * and address together, a person.
 */
export interface RateLimiter {
	/** Milliseconds until `key` may try again, or 0 when it may try now. */
	retryAfter(key: string): Promise<number>;
	/** Counts one attempt against `key`. */
	hit(key: string): Promise<void>;
	/** Forgets `key` (e.g. after a successful login). */
	reset(key: string): Promise<void>;
}

export type LimitOptions = {
	/** Attempts allowed per window; the next waits until the window ends. */
	max: number;
	windowMs: number;
	/**
	 * Progressive delay: from the `after`-th attempt on, each one must wait
	 * `baseMs * 2^(n - after)` (at most `maxMs`) after the previous one.
	 */
	backoff?: { after: number; baseMs: number; maxMs: number };
};

type Entry = { count: number; resetAt: number; lastAt: number };

/** A fixed window per key, with optional progressive delay, in this process's memory. */
/** The growing wait after `count` failures: none until `backoff.after`, then doubling up to `maxMs`. */
export function backoffDelay(options: LimitOptions, count: number): number {
	const backoff = options.backoff;
	if (!backoff || count < backoff.after) return 0;
	return Math.min(backoff.maxMs, backoff.baseMs * 2 ** (count - backoff.after));
}

export class MemoryRateLimiter implements RateLimiter {
	private hits = new Map<string, Entry>();

	constructor(
		private readonly options: LimitOptions,
		private readonly now: () => number = Date.now
	) {}

	async retryAfter(key: string): Promise<number> {
		const entry = this.hits.get(key);
		if (!entry) return 0;
		const now = this.now();
		const left = entry.resetAt - now;
		if (left <= 0) {
			this.hits.delete(key);
			return 0;
		}
		if (entry.count >= this.options.max) return left;
		return Math.max(0, entry.lastAt + this.delayAfter(entry.count) - now);
	}

	async hit(key: string): Promise<void> {
		const now = this.now();
		const entry = this.hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.hits.set(key, { count: 1, resetAt: now + this.options.windowMs, lastAt: now });
		} else {
			entry.count++;
			entry.lastAt = now;
		}
		if (this.hits.size > 10_000) this.sweep(now);
	}

	async reset(key: string): Promise<void> {
		this.hits.delete(key);
	}

	private delayAfter(count: number): number {
		return backoffDelay(this.options, count);
	}

	private sweep(now: number): void {
		for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
	}
}

/** Makes a limiter shared by every node (cluster/ on Redis), from a stable name and the options. */
export type SharedLimiterStore = (name: string, options: LimitOptions) => RateLimiter;
let sharedStore: SharedLimiterStore | null = null;

/** Installed at start when several nodes run; limiters made before then switch over on their next call. */
export function setSharedLimiterStore(store: SharedLimiterStore | null): void {
	sharedStore = store;
}

/**
 * A limiter named `name`: in this process's memory, or shared by every node once a
 * store is installed. The name keys the count in the shared store, so it must be unique.
 */
export function sharedLimiter(name: string, options: LimitOptions): RateLimiter {
	const memory = new MemoryRateLimiter(options);
	let made: { store: SharedLimiterStore; limiter: RateLimiter } | null = null;
	const current = (): RateLimiter => {
		if (!sharedStore) return memory;
		if (made?.store !== sharedStore) made = { store: sharedStore, limiter: sharedStore(name, options) };
		return made.limiter;
	};
	return {
		retryAfter: (key) => current().retryAfter(key),
		hit: (key) => current().hit(key),
		reset: (key) => current().reset(key)
	};
}

const MINUTE = 60 * 1000;

/**
 * Failed logins. Per address: 20 every 15 minutes. Per account *and* address: a growing
 * delay from the 3rd failure (1 s, 2 s, 4 s … at most 1 min) and at most 10 in 15
 * minutes. Nothing is counted per account alone, so someone guessing from their own
 * address never locks the owner out of theirs.
 */
export const loginByIp: RateLimiter = sharedLimiter('login-ip', { max: 20, windowMs: 15 * MINUTE });
export const loginByAccountAndIp: RateLimiter = sharedLimiter('login-account-ip', {
	max: 10,
	windowMs: 15 * MINUTE,
	backoff: { after: 3, baseMs: 1000, maxMs: MINUTE }
});
/** Wrong join codes per address: 30 a minute stops guessing; a whole room behind one address still joins. */
export const joinByIp: RateLimiter = sharedLimiter('join-ip', { max: 30, windowMs: MINUTE });
/**
 * Sign-ups per address (every attempt counts): 30 an hour, enough for a training day
 * where a room of facilitators signs up behind one Wi-Fi address; `SIGN_UPS_PER_HOUR`
 * sets another number (the browser tests sign up each test's own organisation).
 */
const signUpsFromEnv = Number(process.env.SIGN_UPS_PER_HOUR);
export const SIGN_UPS_PER_HOUR = Number.isInteger(signUpsFromEnv) && signUpsFromEnv > 0 ? signUpsFromEnv : 30;
export const signUpByIp: RateLimiter = sharedLimiter('sign-up-ip', { max: SIGN_UPS_PER_HOUR, windowMs: 60 * MINUTE });
/** Wrong current passwords when changing it, per person: 5 every 15 minutes. */
export const passwordChangeByUser: RateLimiter = sharedLimiter('password-change-user', {
	max: 5,
	windowMs: 15 * MINUTE
});
/** Wrong recovery codes: per address 10, per account and address 5, every 15 minutes. */
export const recoveryByIp: RateLimiter = sharedLimiter('recovery-ip', { max: 10, windowMs: 15 * MINUTE });
export const recoveryByAccountAndIp: RateLimiter = sharedLimiter('recovery-account-ip', {
	max: 5,
	windowMs: 15 * MINUTE
});

/** Reset links by e-mail, per account: 3 an hour, so nobody can flood a mailbox. */
export const resetMailByAccount: RateLimiter = sharedLimiter('reset-mail-account', { max: 3, windowMs: 60 * MINUTE });

/** One key for "this account from this address". */
export function accountAndIp(account: string, ip: string): string {
	return `${account.toLowerCase()}\n${ip}`;
}

/** The longest wait any of these limits asks for `key`. */
export async function longestWait(checks: [RateLimiter, string][]): Promise<number> {
	const waits = await Promise.all(checks.map(([limiter, key]) => limiter.retryAfter(key)));
	return Math.max(0, ...waits);
}
