/**
 * A Server-Sent Events response that keeps a page current. Each source names a topic and
 * how to load what this subscriber may see under it; the caller (a route) has already
 * checked who is asking. On connect every source is loaded once, so a page that
 * reconnects catches up without reloading; after that a source is reloaded only when its
 * topic is published, bursts coalesced into one load, and sent only when it changed.
 */
import { eventBus } from './bus';
import { loadShared } from './shared';

export type LiveSource = {
	/** The SSE event name the page listens for. */
	name: string;
	topic: string;
	load: () => Promise<unknown>;
	/**
	 * Streams whose sources have the same key get the same data (the caller's access check
	 * already passed): their loads after one publish share one query.
	 */
	shareKey?: string;
};

export type StreamOptions = {
	/** Ends the stream (the request's signal: the browser went away). */
	signal?: AbortSignal;
	/** A ping this often keeps proxies from closing an idle stream and tells the page it is alive. */
	heartbeatMs?: number;
	/** Waits this long after a publish so a burst (a room voting) becomes one load. */
	coalesceMs?: number;
	/** How long the browser waits before reconnecting. */
	retryMs?: number;
	/**
	 * After this long the stream asks the page to reconnect (event `renew`) and ends, so
	 * the caller's access check runs again: a session ended or a member removed stops
	 * receiving within this time.
	 */
	maxAgeMs?: number;
};

const encoder = new TextEncoder();

export function liveStream(sources: LiveSource[], options: StreamOptions = {}): Response {
	const { signal, heartbeatMs = 25_000, coalesceMs = 50, retryMs = 2_000, maxAgeMs = 10 * 60_000 } = options;
	const cleanups: (() => void)[] = [];
	let closed = false;

	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const close = () => {
				if (closed) return;
				closed = true;
				for (const cleanup of cleanups.splice(0)) cleanup();
				try {
					controller.close();
				} catch {
					/* already closed by the reader */
				}
			};

			write(`retry: ${retryMs}\n\n`);
			for (const source of sources) {
				let pending = false;
				let dirty = false;
				let last = '';
				let signalAt = performance.now();
				const run = async () => {
					try {
						// Streams sharing a topic share the load and its JSON: one query and one
						// serialisation per change, however many pages follow it.
						const serialise = async () => JSON.stringify((await source.load()) ?? null);
						const json = source.shareKey ? await loadShared(source.shareKey, signalAt, serialise) : await serialise();
						if (json !== last) {
							last = json;
							write(`event: ${source.name}\ndata: ${json}\n\n`);
						}
					} catch (err) {
						console.error(`live source ${source.name} failed`, err);
					}
					pending = false;
					if (dirty && !closed) schedule(coalesceMs);
				};
				const schedule = (delay: number) => {
					if (pending) {
						dirty = true;
						return;
					}
					pending = true;
					dirty = false;
					setTimeout(() => void (closed ? undefined : run()), delay);
				};
				cleanups.push(
					eventBus().subscribe(source.topic, () => {
						signalAt = performance.now();
						schedule(coalesceMs);
					})
				);
				schedule(0);
			}
			// An event, not a comment: the page notices a dead connection when these stop.
			const heartbeat = setInterval(() => write('event: ping\ndata: null\n\n'), heartbeatMs);
			cleanups.push(() => clearInterval(heartbeat));
			const renew = setTimeout(() => {
				write('event: renew\ndata: null\n\n');
				close();
			}, maxAgeMs);
			cleanups.push(() => clearTimeout(renew));
			if (signal) {
				if (signal.aborted) close();
				else signal.addEventListener('abort', close, { once: true });
			}
		},
		cancel() {
			closed = true;
			for (const cleanup of cleanups.splice(0)) cleanup();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}
