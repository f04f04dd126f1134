/**
 * A participant's contributions waiting to be sent. Kept in localStorage so a note
 * written on a weak connection survives a reload; each carries its own id, so the
 * server accepts it once however often it is resent.
 */
import { deserialize } from '$app/forms';
import type { Contribution } from './model';

export type SendResult =
	{ outcome: 'added' | 'queued' | 'duplicate' | 'private'; hidden?: string[] } | { error: string; retryAt?: number };

export class Outbox {
	items = $state<Contribution[]>([]);
	lastError = $state<string | null>(null);
	/** Over the per-person limit: when the server accepts notes again (ms since epoch), else 0. */
	retryAt = $state(0);
	private sending = false;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private timer: ReturnType<typeof setInterval>;
	private onOnline = () => void this.flush();

	constructor(
		private readonly key: string,
		private readonly action: string,
		private readonly onSent: (result: SendResult) => void
	) {
		try {
			this.items = JSON.parse(localStorage.getItem(key) ?? '[]');
		} catch {
			this.items = [];
		}
		addEventListener('online', this.onOnline);
		this.timer = setInterval(() => void this.flush(), 5000);
		void this.flush();
	}

	add(item: Contribution) {
		this.items = [...this.items, item];
		this.save();
		void this.flush();
	}

	private save() {
		localStorage.setItem(this.key, JSON.stringify(this.items));
	}

	/** Sends waiting items in order; stops at the first network failure and retries later. */
	async flush(): Promise<void> {
		if (this.sending || Date.now() < this.retryAt) return;
		this.retryAt = 0;
		this.sending = true;
		try {
			while (this.items.length > 0) {
				const item = this.items[0];
				const body = new FormData();
				body.set('id', item.id);
				body.set('text', item.text);
				body.set('colour', item.colour);
				body.set('pictogram', item.pictogram ?? '');
				body.set('frameId', item.frameId ?? '');
				if (item.private) body.set('private', 'on');
				let response: Response;
				try {
					response = await fetch(this.action, { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
				} catch {
					return; // offline: keep it, try again later
				}
				const result = deserialize(await response.text());
				if (result.type === 'success') {
					this.lastError = null;
					this.onSent(result.data as SendResult);
				} else if (result.type === 'failure') {
					const error = (result.data as { error?: string })?.error ?? 'error_invalid';
					// The server will keep refusing this one (invalid, locked): drop it and say why.
					// Too many too fast: keep it, say when, and send again at that moment.
					if (error === 'error_slow_down') {
						const wait = Math.max(1000, Number((result.data as { retryAfterMs?: number })?.retryAfterMs) || 5000);
						this.retryAt = Date.now() + wait;
						clearTimeout(this.retryTimer);
						this.retryTimer = setTimeout(() => void this.flush(), wait + 50);
						this.onSent({ error, retryAt: this.retryAt });
						return;
					}
					this.lastError = error;
					this.onSent({ error });
				} else {
					return;
				}
				this.items = this.items.slice(1);
				this.save();
			}
		} finally {
			this.sending = false;
		}
	}

	destroy() {
		clearInterval(this.timer);
		clearTimeout(this.retryTimer);
		removeEventListener('online', this.onOnline);
	}
}
