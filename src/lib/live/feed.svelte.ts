/**
 * A page's subscription to the live endpoint (Server-Sent Events), as runes state. The
 * server sends each topic's current state on every (re)connect, so a page that lost its
 * connection catches up without reloading. Nothing here polls: an idle page makes no
 * requests; the browser reconnects on its own after a network error, and we reopen the
 * stream (with backoff) when the server refused or answered with an error.
 *
 * A hidden tab closes its stream and reopens it when shown again (catching up at once):
 * browsers allow about six HTTP/1.1 connections per address, and a facilitator's laptop
 * in the hall speaks plain HTTP, so streams of background tabs must not hold them.
 */
import { invalidate } from '$app/navigation';
import { navigating } from '$app/state';

/** connecting: first open (or after a hidden tab came back); offline: lost, retrying. */
export type FeedStatus = 'connecting' | 'online' | 'offline';
type Handlers = Record<string, (data: never) => void>;

export class LiveFeed {
	status = $state<FeedStatus>('connecting');
	private source: EventSource | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	private backoff = 1000;
	private destroyed = false;
	private watchdog: ReturnType<typeof setTimeout> | null = null;
	private onVisibility = () => {
		if (document.visibilityState === 'hidden') this.close();
		else if (!this.source && !this.retry) this.open();
	};
	// The device says it lost the network: show it now rather than when a write fails.
	private onOffline = () => {
		this.close();
		this.status = 'offline';
	};
	private onOnline = () => {
		if (!this.source && document.visibilityState !== 'hidden') this.open();
	};

	constructor(
		private readonly url: string,
		private readonly handlers: Handlers
	) {
		document.addEventListener('visibilitychange', this.onVisibility);
		addEventListener('offline', this.onOffline);
		addEventListener('online', this.onOnline);
		if (document.visibilityState !== 'hidden') this.open();
	}

	private open(renewing = false) {
		if (!renewing) this.status = 'connecting';
		const source = new EventSource(this.url);
		this.source = source;
		source.onopen = () => {
			this.status = 'online';
			this.backoff = 1000;
			this.arm(source);
		};
		source.addEventListener('ping', () => this.arm(source));
		source.onerror = () => {
			if (this.destroyed || this.source !== source) return;
			this.status = 'offline';
			if (source.readyState !== EventSource.CLOSED) return; // the browser retries itself
			// Refused or an error page (e.g. a proxy's 502 while the app restarts): try again later.
			source.close();
			this.source = null;
			this.retry = setTimeout(() => {
				this.retry = null;
				if (document.visibilityState !== 'hidden') this.open();
			}, this.backoff);
			this.backoff = Math.min(this.backoff * 2, 30_000);
		};
		// The server ends each stream after a while so access is checked again: reopen at once.
		source.addEventListener('renew', () => {
			if (this.source !== source) return;
			source.close();
			this.open(true);
		});
		for (const [name, handle] of Object.entries(this.handlers)) {
			source.addEventListener(name, (event) => {
				this.arm(source);
				try {
					(handle as (data: unknown) => void)(JSON.parse((event as MessageEvent<string>).data));
				} catch (err) {
					console.error('live event', name, err);
				}
			});
		}
	}

	/** The server pings every 25 s; silence for 70 s means a dead connection the browser missed. */
	private arm(source: EventSource) {
		if (this.watchdog) clearTimeout(this.watchdog);
		this.watchdog = setTimeout(() => {
			if (this.source !== source) return;
			this.close();
			this.status = 'offline';
			this.open(true);
		}, 70_000);
	}

	private close() {
		if (this.retry) clearTimeout(this.retry);
		if (this.watchdog) clearTimeout(this.watchdog);
		this.retry = null;
		this.watchdog = null;
		this.source?.close();
		this.source = null;
	}

	destroy() {
		this.destroyed = true;
		document.removeEventListener('visibilitychange', this.onVisibility);
		removeEventListener('offline', this.onOffline);
		removeEventListener('online', this.onOnline);
		this.close();
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

/**
 * An event handler that reloads one dependency on every event but the first: the first
 * is the state the page was just loaded with; after a reconnect, one may have been missed.
 */
export function refreshAfterFirst(dependency: `app:${string}`): () => void {
	let first = true;
	return () => {
		if (!first) refresh(dependency);
		first = false;
	};
}

/** The live endpoint's address for these topics. */
export function liveUrl(base: string, topics: string[]): string {
	return `${base}?${topics.map((t) => `t=${encodeURIComponent(t)}`).join('&')}`;
}
