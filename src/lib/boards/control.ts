/**
 * The workshop's control document: written only by the server, read by everyone in
 * the workshop (a read-only room named `control.<workshopId>`). It carries the
 * authoritative live state: which boards are locked, authors hidden, the shared timer
 * and "follow me".
 */
import type * as Y from 'yjs';

export type BoardControl = { title: string; locked: boolean; hideAuthors: boolean; moderation: boolean; dots: number };
export type ControlState = {
	boards: Record<string, BoardControl>;
	currentAgendaItemId: string | null;
	currentAgendaTitle: string | null;
	currentBoardId: string | null;
	timerEndsAt: number | null;
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
		timerEndsAt: (map.get('timerEndsAt') as number | null) ?? null
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
