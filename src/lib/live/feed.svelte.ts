/**
 * A page's subscription to the live endpoint (Server-Sent Events), as runes state. The
 * server sends each topic's current state on every (re)connect, so a page that lost its
 * connection catches up without reloading. Nothing here polls: an idle page makes no
 * requests; the browser reconnects on its own after a network error, and we reopen the
 * stream (with backoff) when the server refused or answered with an error.
 */
import { invalidate } from '$app/navigation';
import { navigating } from '$app/state';

export type FeedStatus = 'connecting' | 'online' | 'offline';
type Handlers = Record<string, (data: never) => void>;

export class LiveFeed {
	status = $state<FeedStatus>('connecting');
	private source: EventSource | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	private backoff = 1000;
	private destroyed = false;

	constructor(
		private readonly url: string,
		private readonly handlers: Handlers
	) {
		this.open();
	}

	private open() {
		const source = new EventSource(this.url);
		this.source = source;
		source.onopen = () => {
			this.status = 'online';
			this.backoff = 1000;
		};
		source.onerror = () => {
			if (this.destroyed) return;
			this.status = navigator.onLine ? 'connecting' : 'offline';
			if (source.readyState !== EventSource.CLOSED) return; // the browser retries itself
			// Refused or an error page (e.g. a proxy's 502 while the app restarts): try again later.
			source.close();
			this.status = 'offline';
			this.retry = setTimeout(() => this.open(), this.backoff);
			this.backoff = Math.min(this.backoff * 2, 30_000);
		};
		for (const [name, handle] of Object.entries(this.handlers)) {
			source.addEventListener(name, (event) => {
				try {
					(handle as (data: unknown) => void)(JSON.parse((event as MessageEvent<string>).data));
				} catch (err) {
					console.error('live event', name, err);
				}
			});
		}
	}

	destroy() {
		this.destroyed = true;
		if (this.retry) clearTimeout(this.retry);
		this.source?.close();
	}
}

/**
 * Reloads one dependency of the page, unless the person is navigating: a background
 * refresh would cancel their navigation (the new page's data loads fresh anyway).
 */
export function refresh(dependency: `app:${string}`): void {
	if (navigating.to) return;
	void invalidate(dependency);
}

/** The live endpoint's address for these topics. */
export function liveUrl(base: string, topics: string[]): string {
	return `${base}?${topics.map((t) => `t=${encodeURIComponent(t)}`).join('&')}`;
}
