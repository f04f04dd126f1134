/**
 * Many streams often follow the same thing (every phone in a room, one round on several
 * screens). Loads with the same key that start together share one query, so a publish
 * costs one query per key, not one per page. A caller joins only a load that started
 * after its own signal: an older load may have read the state before the change.
 */
type Entry = { startedAt: number; promise: Promise<unknown> };
const inflight = new Map<string, Entry>();

export function loadShared<T>(key: string, since: number, load: () => Promise<T>): Promise<T> {
	const entry = inflight.get(key);
	if (entry && entry.startedAt >= since) return entry.promise as Promise<T>;
	const mine: Entry = { startedAt: performance.now(), promise: load() };
	inflight.set(key, mine);
	const clear = () => {
		if (inflight.get(key) === mine) inflight.delete(key);
	};
	mine.promise.then(clear, clear);
	return mine.promise as Promise<T>;
}
