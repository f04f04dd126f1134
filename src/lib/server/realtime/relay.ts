/**
 * What a room needs from the other app nodes when there are several (cluster/): its
 * updates and presence relayed to them, theirs applied here, and a catch-up with their
 * state when it opens. With one process there is no relay and rooms behave as before.
 */
import type { Revocation, RoomControl } from './types';

/** Origin of updates and presence that came from another node: shown, never logged or relayed again. */
export const RELAYED = Symbol('relayed');

/** The room, as the relay sees it. */
export interface RelayTarget {
	applyRemoteUpdate(update: Uint8Array): void;
	applyRemoteAwareness(update: Uint8Array): void;
	/** Our document's state as an update past `stateVector` (what a peer is missing). */
	encodeDiff(stateVector: Uint8Array): Uint8Array;
	stateVector(): Uint8Array;
	/** Every presence state we hold, encoded. */
	encodeAwareness(): Uint8Array | null;
}

export interface RoomRelay {
	publishUpdate(update: Uint8Array): void;
	publishAwareness(update: Uint8Array): void;
	/** After the room loaded from storage: applies what arrived meanwhile, asks peers for their state and waits for their answers. */
	catchUp(): Promise<void>;
	close(): Promise<void>;
}

export type Cluster = {
	openRelay(room: string, target: RelayTarget): Promise<RoomRelay>;
	/** Tells the other nodes (not this one) about a control change or a revocation. */
	announceControl(workshopId: string, state: RoomControl): void;
	announceRevocation(revocation: Revocation, why: 'signed-out' | 'rights-changed'): void;
};
