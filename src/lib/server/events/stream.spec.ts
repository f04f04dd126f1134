import { describe, expect, it } from 'vitest';
import { publish } from './bus';
import { liveStream } from './stream';

async function collect(response: Response, ms: number): Promise<string> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	const stop = Date.now() + ms;
	while (Date.now() < stop) {
		const next = await Promise.race([
			reader.read(),
			new Promise<null>((r) => setTimeout(() => r(null), stop - Date.now()))
		]);
		if (!next || next.done) break;
		text += decoder.decode(next.value);
	}
	await reader.cancel();
	return text;
}

describe('liveStream', () => {
	it('sends the state on connect, then once per burst of publishes, and only when it changed', async () => {
		let loads = 0;
		let value = 0;
		const response = liveStream([{ name: 'count', topic: 'spec/burst', load: async () => (loads++, value) }], {
			coalesceMs: 30
		});
		setTimeout(() => {
			value = 1;
			for (let i = 0; i < 100; i++) publish('spec/burst');
		}, 50);
		setTimeout(() => publish('spec/burst'), 200); // nothing changed: nothing sent
		const text = await collect(response, 350);
		expect(text.match(/^data: .*$/gm)).toEqual(['data: 0', 'data: 1']);
		expect(loads).toBeLessThanOrEqual(4);
	});

	it('asks the page to reconnect after its maximum age, so access is checked again', async () => {
		const response = liveStream([{ name: 'x', topic: 'spec/age', load: async () => 1 }], { maxAgeMs: 50 });
		const text = await collect(response, 300);
		expect(text).toContain('event: renew');
	});

	it('stops listening when the request is aborted', async () => {
		const controller = new AbortController();
		let loads = 0;
		const response = liveStream([{ name: 'x', topic: 'spec/abort', load: async () => ++loads }], {
			signal: controller.signal,
			coalesceMs: 0
		});
		const reading = collect(response, 200);
		await new Promise((r) => setTimeout(r, 30));
		controller.abort();
		publish('spec/abort');
		await reading;
		expect(loads).toBe(1);
	});

	it('shares one load among the streams of a topic after a publish', async () => {
		let loads = 0;
		let value = 0;
		const load = async () => {
			loads++;
			await new Promise((r) => setTimeout(r, 20));
			return value;
		};
		const streams = Array.from({ length: 100 }, () =>
			liveStream([{ name: 'n', topic: 'spec/shared', load, shareKey: 'spec/shared' }], { coalesceMs: 10 })
		);
		const texts = Promise.all(streams.map((r) => collect(r, 300)));
		setTimeout(() => {
			value = 1;
			publish('spec/shared');
		}, 100);
		const received = await texts;
		expect(received.every((t) => t.includes('data: 1'))).toBe(true);
		expect(loads).toBeLessThanOrEqual(3); // on connect, and once after the publish
	});
});
