/**
 * Work that must not run on two nodes at once for the same key (a person's dots on a
 * board: the check "dots left" and the write, and the totals written after). With one
 * process the caller's own in-memory queue is enough and this runs `work` directly;
 * with several nodes a Redis lock (SET NX PX, released only by its holder) is taken first.
 */
export type LockProvider = <T>(key: string, work: () => Promise<T>) => Promise<T>;

let provider: LockProvider | null = null;

export function setLockProvider(next: LockProvider | null): void {
	provider = next;
}

export function withClusterLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	return provider ? provider(key, work) : work();
}
