/**
 * Publish/subscribe for live page updates. An event is only a signal that something
 * under a topic changed (no data): each subscriber reloads what it may see, so one
 * publish never carries one person's view to another. Topics are plain strings
 * (`workshop/<id>/attendance`, `round/<id>` …); this module knows nothing of workshops.
 *
 * One process keeps subscribers in memory. Several app processes need a shared bus:
 * implement `EventBus` (e.g. on Redis pub/sub) and install it with `setEventBus`.
 */
export type Listener = () => void;

export interface EventBus {
	/** Tells every subscriber of `topic` (on every node) that it changed. Never throws. */
	publish(topic: string): void;
	/** Calls `listener` after each publish to `topic` until the returned function is called. */
	subscribe(topic: string, listener: Listener): () => void;
}

export class MemoryEventBus implements EventBus {
	private readonly topics = new Map<string, Set<Listener>>();

	publish(topic: string): void {
		const listeners = this.topics.get(topic);
		if (!listeners) return;
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch (err) {
				// One broken subscriber must not stop the use case that published.
				console.error('live event listener failed', err);
			}
		}
	}

	subscribe(topic: string, listener: Listener): () => void {
		let listeners = this.topics.get(topic);
		if (!listeners) this.topics.set(topic, (listeners = new Set()));
		listeners.add(listener);
		return () => {
			listeners.delete(listener);
			if (listeners.size === 0 && this.topics.get(topic) === listeners) this.topics.delete(topic);
		};
	}

	/** How many listeners a topic has (tests and diagnostics). */
	count(topic: string): number {
		return this.topics.get(topic)?.size ?? 0;
	}
}

let bus: EventBus = new MemoryEventBus();

export const eventBus = (): EventBus => bus;
export function setEventBus(next: EventBus): void {
	bus = next;
}
export function publish(topic: string): void {
	bus.publish(topic);
}
