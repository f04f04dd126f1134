/**
 * The workshop's control document: written only by the server, read by everyone in
 * the workshop (a read-only room named `control.<workshopId>`). It carries the
 * authoritative live state: which boards are locked, authors hidden, the shared timer
 * and the conductor ("follow me": where every phone and the projector should be; set by
 * voting/conductor.server.ts, which knows both boards and rounds).
 */
import type * as Y from 'yjs';

export type BoardControl = { title: string; locked: boolean; hideAuthors: boolean; moderation: boolean; dots: number };
/**
 * Where the facilitator sends the room: a board, a round's ballot, its results, a break
 * screen, or nowhere ('free': everyone roams). Phones and the projector follow it.
 */
export const CONDUCTOR_KINDS = ['board', 'ballot', 'results', 'break', 'free'] as const;
export type ConductorKind = (typeof CONDUCTOR_KINDS)[number];
/** `at`: when it was sent; sending the same place again is a new instruction (phones that left go back). */
export type Conductor = { kind: ConductorKind; id?: string; at?: number };
export const FREE: Conductor = { kind: 'free' };

/** A stable key of a conductor: a phone follows only when this changes. */
export const conductorKey = (c: Conductor) => [c.kind, c.id ?? '', c.at ?? ''].join(':');

/** The participant page a conductor sends phones to (null: stay where you are). */
export function participantPath(c: Conductor): string | null {
	if (c.kind === 'board') return `/p/b/${c.id}`;
	if (c.kind === 'ballot' || c.kind === 'results') return `/p/v/${c.id}`;
	if (c.kind === 'break') return '/p';
	return null;
}

/** The projector page a conductor sends the wall to ('free': the join slide). */
export function projectorPath(workshopId: string, c: Conductor): string {
	if (c.kind === 'board') return `/w/${workshopId}/boards/${c.id}/projector`;
	if (c.kind === 'ballot' || c.kind === 'results') return `/w/${workshopId}/rounds/${c.id}/projector`;
	return `/w/${workshopId}/projector`;
}

export type ControlState = {
	boards: Record<string, BoardControl>;
	currentAgendaItemId: string | null;
	currentAgendaTitle: string | null;
	currentBoardId: string | null;
	timerEndsAt: number | null;
	conductor: Conductor;
};

export const CONTROL_PREFIX = 'control.';
export const controlRoom = (workshopId: string) => `${CONTROL_PREFIX}${workshopId}`;

export function readControl(doc: Y.Doc): ControlState {
	const map = doc.getMap<unknown>('control');
	return {
		boards: (map.get('boards') as Record<string, BoardControl>) ?? {},
		currentAgendaItemId: (map.get('currentAgendaItemId') as string | null) ?? null,
		currentAgendaTitle: (map.get('currentAgendaTitle') as string | null) ?? null,
		currentBoardId: (map.get('currentBoardId') as string | null) ?? null,
		timerEndsAt: (map.get('timerEndsAt') as number | null) ?? null,
		conductor: (map.get('conductor') as Conductor | undefined) ?? FREE
	};
}

export function writeControl(doc: Y.Doc, state: ControlState): void {
	doc.transact(() => {
		const map = doc.getMap<unknown>('control');
		for (const [key, value] of Object.entries(state)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
	});
}
