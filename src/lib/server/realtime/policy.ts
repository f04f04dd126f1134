/**
 * What the realtime layer needs from the app, handed in once at start by
 * `configureRealtime(policy)` (hooks.server.ts; the test harnesses do the same). The
 * boards domain implements it (`$lib/boards/realtime-policy.server.ts`): who may open a
 * room and with what rights, which rooms are a workshop's control room and what they
 * hold, where board documents are stored, and the callbacks from rooms into the app.
 * This layer knows rooms, documents and connections; never roles, workshops or tables.
 */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { ConnectionInfo, RoomHooks } from './room';
import type { BoardStore } from './storage';
import type { RoomControl } from './types';

export type { RoomControl } from './types';

/** An accepted connection: its rights, and the workshop (and board, unless a control room) it is in. */
export type Grant = ConnectionInfo & { room: string; boardId: string | null; workshopId: string };
/** A refused connection: closed with `code` (4400-4499, so y-websocket stops retrying). */
export type Refusal = { code: number; reason: string };

/** A workshop's control rooms: written only by the server, read by everyone in the workshop. */
export interface ControlRooms {
	/** The workshop whose control room `room` is; null for a board room. */
	workshopOf(room: string): string | null;
	/** The control room of a workshop. */
	roomOf(workshopId: string): string;
	/** The state a control room opens with. */
	load(workshopId: string): Promise<RoomControl>;
	/** Writes a state into a control room's document. */
	write(doc: Y.Doc, state: RoomControl): void;
}

export interface RealtimePolicy {
	/**
	 * Who may open `room` and with what rights, from the upgrade request (its cookies).
	 * The Origin was checked before. `viewOnly`: the client asked to read only.
	 */
	authorise(request: IncomingMessage, room: string, viewOnly: boolean): Promise<Grant | Refusal>;
	control: ControlRooms;
	store: BoardStore;
	hooks?: RoomHooks;
}

/** Cookies of an upgrade request; a malformed value (bad %-escape) is no cookie at all. */
export function parseCookies(header: string | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		// The caller then answers 4401, not 1011.
		try {
			cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			continue;
		}
	}
	return cookies;
}
