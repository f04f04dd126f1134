/** The workshop's control document as runes state (read-only for everyone). */
import { Connection } from './connection.svelte';
import { controlRoom, FREE, readControl, type ControlState } from './control';

export class LiveControl {
	readonly connection: Connection;
	state = $state<ControlState>({
		boards: {},
		currentAgendaItemId: null,
		currentAgendaTitle: null,
		currentBoardId: null,
		timerEndsAt: null,
		conductor: FREE
	});

	constructor(workshopId: string, initial?: ControlState) {
		if (initial) this.state = initial;
		this.connection = new Connection(controlRoom(workshopId), { readOnly: true });
		this.connection.doc.on('update', () => {
			this.state = readControl(this.connection.doc);
		});
	}

	destroy() {
		this.connection.destroy();
	}
}
