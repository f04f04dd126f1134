/**
 * Reading the live endpoints in tests: called as SvelteKit would (locals from the session),
 * their Server-Sent Events parsed as they arrive.
 */
import { expect } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { GET as memberLive } from '../../src/routes/(app)/w/[workshopId]/live/+server';
import { GET as participantLive } from '../../src/routes/p/live/+server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';

export type Who = { user?: { id: string }; participant?: SessionParticipant };
export type LiveEvent = { event: string; data: unknown };

/** Opens a live stream as `who`; returns its status (or the refusal's) and the events so far. */
export async function open(who: Who, path: string, topics: string[]) {
	const url = new URL(`http://localhost${path}?${topics.map((t) => `t=${encodeURIComponent(t)}`).join('&')}`);
	const controller = new AbortController();
	const event = {
		locals: { user: who.user ?? null, session: null, participant: who.participant ?? null, participantSession: null },
		params: { workshopId: path.split('/')[2] },
		url,
		request: new Request(url, { signal: controller.signal })
	};
	const handler = (path.startsWith('/p/') ? participantLive : memberLive) as (e: unknown) => Promise<Response>;
	let response: Response;
	try {
		response = await handler(event);
	} catch (err) {
		if (isHttpError(err))
			return { status: err.status, events: [] as LiveEvent[], until: async () => {}, close: () => {} };
		throw err;
	}
	const events: LiveEvent[] = [];
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	void (async () => {
		for (;;) {
			const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
			if (done) return;
			buffer += decoder.decode(value, { stream: true });
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const name = /^event: (.*)$/m.exec(block)?.[1];
				const data = /^data: (.*)$/m.exec(block)?.[1];
				if (name && data) events.push({ event: name, data: JSON.parse(data) });
			}
		}
	})();
	/** Waits until `check` holds for the events received (or fails after 2 s). */
	const until = async (check: (events: LiveEvent[]) => boolean) => {
		for (let i = 0; i < 100 && !check(events); i++) await new Promise((r) => setTimeout(r, 20));
		expect(check(events), JSON.stringify(events)).toBe(true);
	};
	// The request's signal only follows the controller while the Request lives (undici holds
	// it weakly); a server keeps its request until the response ends, so the stream does too.
	const request = event.request;
	return { status: response.status, events, until, close: () => (controller.abort(), request) };
}
