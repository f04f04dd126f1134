/**
 * Several app nodes behind one load balancer (`REDIS_URL`, with `DATABASE_URL`): rooms
 * relay updates and presence (room-relay.ts), control changes and revocations reach
 * every node (one control channel), live-page events and rate limits are shared. Without
 * `REDIS_URL` none of this is loaded and one process keeps everything in memory.
 */
import { z } from 'zod';
import * as realtime from '$lib/server/realtime';
import { setSharedBoards } from '$lib/server/realtime/storage';
import { MemoryEventBus, setEventBus } from '$lib/server/events';
import { setSharedLimiterStore } from '$lib/server/auth/rate-limit';
import { RedisLink } from './redis';
import { setClusterStatusSource } from './status';
import { setLockProvider } from './lock';
import { openRoomRelay } from './room-relay';
import { RedisEventBus } from './event-bus';
import { RedisRateLimiter } from './rate-limit';

let link: RedisLink | null = null;
let useOthersWriteRound: ClusterOptions['useOthersWriteRound'] = undefined;

// Messages on the control channel come from our own nodes, but are checked all the same.
const ControlMessage = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('control'),
		node: z.string(),
		workshopId: z.string().max(100),
		state: z.object({ boards: z.record(z.string(), z.object({ locked: z.boolean() }).passthrough()) }).passthrough()
	}),
	z.object({
		kind: z.literal('write-round'),
		node: z.string(),
		roundId: z.string().max(100),
		request: z.string().max(40)
	}),
	z.object({ kind: z.literal('round-written'), node: z.string(), request: z.string().max(40) }),
	z.object({
		kind: z.literal('revoke'),
		node: z.string(),
		why: z.enum(['signed-out', 'rights-changed']),
		revocation: z
			.object({
				sessionId: z.string(),
				userId: z.string().nullable(),
				participantId: z.string().nullable(),
				organisationId: z.string().nullable(),
				workshopId: z.string(),
				participants: z.boolean()
			})
			.partial()
	})
]);

/** How long closing a round waits for the other nodes to write their waiting ballots. */
const ROUND_WRITE_TIMEOUT_MS = 5000;

export type ClusterOptions = {
	url: string;
	prefix?: string;
	/** Writes this node's waiting ballots of a round (the voting domain's, set by the app). */
	writeRound?: (roundId: string) => Promise<void>;
	/**
	 * Receives (with `writeRound`) how to ask the other nodes to write their waiting
	 * ballots of a round, and null again on `stopCluster` (the voting domain's
	 * `setOthersWriteRound`, set by the app).
	 */
	useOthersWriteRound?: (othersWriteRound: ((roundId: string) => Promise<void>) | null) => void;
};

export async function startCluster(options: ClusterOptions): Promise<RedisLink> {
	const current = new RedisLink(options.url, options.prefix ?? process.env.REDIS_PREFIX ?? 'rr:');
	link = current;
	await current.connect();
	const node = current.nodeId.toString('hex');
	const controlChannel = `${current.prefix}control`;
	const announce = (message: z.infer<typeof ControlMessage>) =>
		void current.publish(controlChannel, JSON.stringify(message));
	await current.subscribe(controlChannel, (raw) => {
		let parsed;
		try {
			parsed = ControlMessage.safeParse(JSON.parse(raw.toString()));
		} catch {
			return;
		}
		if (!parsed.success || parsed.data.node === node) return;
		const message = parsed.data;
		if (message.kind === 'control') realtime.applyControl(message.workshopId, message.state as never);
		else if (message.kind === 'revoke') realtime.revokeHere(message.revocation, message.why);
		else if (message.kind === 'write-round')
			void (options.writeRound?.(message.roundId) ?? Promise.resolve()).finally(() =>
				announce({ kind: 'round-written', node, request: message.request })
			);
		else roundWrites.get(message.request)?.();
	});
	const roundWrites = new Map<string, () => void>();
	const othersWriteRound = async (roundId: string) => {
		const request = crypto.randomUUID();
		let left = 0;
		const done = new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				console.error(`Round ${roundId}: ${left} node(s) did not confirm writing their waiting ballots`);
				resolve();
			}, ROUND_WRITE_TIMEOUT_MS);
			roundWrites.set(request, () => {
				if (--left <= 0) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		// PUBLISH says how many subscribers got it; one of them is us.
		left = (await current.publish(controlChannel, JSON.stringify({ kind: 'write-round', node, roundId, request }))) - 1;
		if (left > 0) await done;
		roundWrites.delete(request);
	};
	realtime.setCluster({
		openRelay: (room, target) => openRoomRelay(current, room, target),
		announceControl: (workshopId, state) => announce({ kind: 'control', node, workshopId, state }),
		announceRevocation: (revocation, why) => announce({ kind: 'revoke', node, why, revocation })
	});
	setSharedBoards(true);
	useOthersWriteRound = options.useOthersWriteRound;
	if (options.writeRound) useOthersWriteRound?.(othersWriteRound);
	const bus = new RedisEventBus(current);
	await bus.start();
	setEventBus(bus);
	setSharedLimiterStore((name, limits) => new RedisRateLimiter(current, name, limits));
	setClusterStatusSource(() => current.status());
	setLockProvider((key, work) => current.withLock(key, work));
	return current;
}

/** Back to one process (tests). */
export async function stopCluster(): Promise<void> {
	realtime.setCluster(null);
	setSharedBoards(false);
	useOthersWriteRound?.(null);
	useOthersWriteRound = undefined;
	setEventBus(new MemoryEventBus());
	setSharedLimiterStore(null);
	setClusterStatusSource(null);
	setLockProvider(null);
	await link?.close();
	link = null;
}
