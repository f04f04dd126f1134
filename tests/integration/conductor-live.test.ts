/**
 * The ballot page has no control document (it would not fit a phone's budget): where the
 * room is reaches it over the participant's live stream, pushed when the conductor moves,
 * for that workshop only; members' streams refuse it (their pages read the document).
 */
import { describe, expect, it } from 'vitest';
import { createBoard } from '$lib/boards/boards.server';
import { setConductor } from '$lib/voting/conductor.server';
import { useTestDatabase } from './db';
import { open, type LiveEvent } from './live-harness';
import { anOrganisationWithOwner, aWorkshop, aParticipant } from './factories';
import { workshopAsOwner } from './access';

useTestDatabase();

describe('the conductor on the participant live stream', () => {
	it('starts with where the room is and follows each move, for this workshop only', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const other = await aWorkshop(organisationId);
		const board = await createBoard(w.id, 'Papan Ide');
		const sari = await aParticipant(w, '');
		const outsider = await aParticipant(other, '');
		const phone = await open({ participant: sari }, '/p/live', ['conductor']);
		const away = await open({ participant: outsider }, '/p/live', ['conductor']);
		expect(phone.status).toBe(200);
		await phone.until((e) => e.length === 1);
		expect(phone.events[0]).toEqual({
			event: 'conductor',
			data: { conductor: { kind: 'free' }, boards: { [board]: { title: 'Papan Ide' } } }
		});
		await setConductor(await workshopAsOwner(w.id), { kind: 'board', id: board });
		const at = (x: LiveEvent) => (x.data as { conductor: { kind: string; id?: string } }).conductor;
		await phone.until((e) => e.some((x) => at(x).kind === 'board' && at(x).id === board));
		await setConductor(await workshopAsOwner(w.id), { kind: 'break' });
		await phone.until((e) => e.some((x) => at(x).kind === 'break'));
		// Another workshop's phone hears nothing of this room.
		await new Promise((r) => setTimeout(r, 200));
		expect(away.events.map((x) => JSON.stringify(x.data))).toEqual([
			JSON.stringify({ conductor: { kind: 'free' }, boards: {} })
		]);
		phone.close();
		away.close();

		const member = await open({ user: { id: owner.id } }, `/w/${w.id}/live`, ['conductor']);
		expect(member.status).toBe(400);
	});
});
