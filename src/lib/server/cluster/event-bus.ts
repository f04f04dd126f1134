/**
 * The live-page event bus across nodes: a publish reaches this node's subscribers at once
 * and the other nodes' through one Redis channel. Events carry only a topic (see
 * events/bus.ts), so a lost one costs a page at most one refresh until its next renew.
 */
import { MemoryEventBus, type EventBus, type Listener } from '$lib/server/events';
import type { RedisLink } from './redis';

export class RedisEventBus implements EventBus {
	private readonly local = new MemoryEventBus();
	private readonly channel: string;

	constructor(private readonly link: RedisLink) {
		this.channel = `${link.prefix}events`;
	}

	async start(): Promise<void> {
		await this.link.subscribe(this.channel, (message) => {
			if (message.length < 8 || message.subarray(0, 8).equals(this.link.nodeId)) return;
			this.local.publish(message.subarray(8).toString());
		});
	}

	publish(topic: string): void {
		this.local.publish(topic);
		void this.link.publish(this.channel, Buffer.concat([this.link.nodeId, Buffer.from(topic)]));
	}

	subscribe(topic: string, listener: Listener): () => void {
		return this.local.subscribe(topic, listener);
	}
}
