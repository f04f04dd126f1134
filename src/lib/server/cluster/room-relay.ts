/**
 * A room's relay over Redis pub/sub, as Hocuspocus's Redis extension does it: one
 * channel per document, every message tagged with the sending node, and a node that
 * opens a document asks the others for what it lacks (Yjs sync step 1 and 2) before it
 * answers its own clients. Pub/sub rather than streams: updates are small and latency
 * matters; what pub/sub may lose (a node or Redis away) comes back through storage and
 * the sync steps sent again on reconnect, since Yjs updates apply idempotently.
 *
 * Message: [kind: 1 byte][sender node: 8 bytes][kind-specific payload].
 */
import type { RelayTarget, RoomRelay } from '$lib/server/realtime/relay';
import type { RedisLink } from './redis';

const UPDATE = 0;
const AWARENESS = 1;
/**
 * Payload: the sender's state vector; every holder answers with SYNC_ANSWER and asks back
 * (SYNC_ASK_BACK), so both sides get what the other has: after Redis was away, a node
 * that never lost Redis also learns what the reconnected one wrote meanwhile.
 */
const SYNC_ASK = 2;
/** As SYNC_ASK, but answered without asking back (no ping-pong). */
const SYNC_ASK_BACK = 4;
/** Payload: [asker node: 8 bytes][update with what the asker lacks]. */
const SYNC_ANSWER = 3;

/** How long a node that opens a board waits for its peers' answers at most. */
export const CATCH_UP_TIMEOUT_MS = 1000;

export async function openRoomRelay(link: RedisLink, room: string, target: RelayTarget): Promise<RoomRelay> {
	const channel = `${link.prefix}room:${room}`;
	const me = link.nodeId;
	let loaded = false;
	let buffered: Buffer[] = [];
	let answered: (() => void) | null = null;

	const send = (kind: number, payload: Uint8Array, to?: Buffer) => {
		const head = Buffer.alloc(9);
		head[0] = kind;
		me.copy(head, 1);
		const parts = to ? [head, to, Buffer.from(payload)] : [head, Buffer.from(payload)];
		return link.publish(channel, Buffer.concat(parts));
	};

	const askPeers = () => send(SYNC_ASK, target.stateVector());

	const handle = (message: Buffer) => {
		if (message.length < 9) return;
		const sender = message.subarray(1, 9);
		if (sender.equals(me)) return;
		const payload = new Uint8Array(message.buffer, message.byteOffset + 9, message.length - 9);
		switch (message[0]) {
			case UPDATE:
				target.applyRemoteUpdate(payload);
				break;
			case AWARENESS:
				target.applyRemoteAwareness(payload);
				break;
			case SYNC_ASK: {
				void send(SYNC_ANSWER, target.encodeDiff(payload), sender);
				void send(SYNC_ASK_BACK, target.stateVector());
				const presence = target.encodeAwareness();
				if (presence) void send(AWARENESS, presence);
				break;
			}
			case SYNC_ASK_BACK:
				void send(SYNC_ANSWER, target.encodeDiff(payload), sender);
				break;
			case SYNC_ANSWER:
				if (!Buffer.from(payload.subarray(0, 8)).equals(me)) return;
				target.applyRemoteUpdate(payload.subarray(8));
				answered?.();
				break;
		}
	};

	const unsubscribe = await link.subscribe(channel, (message) => {
		if (loaded) handle(message);
		else buffered.push(message);
	});
	// Redis came back: both sides ask, so each gets what the other changed meanwhile.
	const stopResync = link.onReconnect(() => void askPeers());

	return {
		publishUpdate: (update) => void send(UPDATE, update),
		publishAwareness: (update) => void send(AWARENESS, update),
		async catchUp() {
			loaded = true;
			for (const message of buffered) handle(message);
			buffered = [];
			let pending = 0;
			const done = new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, CATCH_UP_TIMEOUT_MS);
				answered = () => {
					if (--pending <= 0) {
						clearTimeout(timer);
						resolve();
					}
				};
			});
			// PUBLISH says how many subscribers got it; one of them is us.
			pending = (await askPeers()) - 1;
			if (pending > 0) await done;
			answered = null;
		},
		async close() {
			stopResync();
			await unsubscribe();
		}
	};
}
