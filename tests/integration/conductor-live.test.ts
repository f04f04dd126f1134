/**
 * The ballot page has no control document (it would not fit a phone's budget): where the
 * room is reaches it over the participant's live stream, pushed when the conductor moves,
 * for that workshop only; members' streams refuse it (their pages read the document).
 */
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { GET as memberLive } from '../../src/routes/(app)/w/[id]/live/+server';
import { GET as participantLive } from '../../src/routes/p/live/+server';
import { createBoard, setConductor } from '$lib/boards/boards.server';
import { addParticipant } from '$lib/workshops/workshops.server';
import type { SessionParticipant } from '$lib/server/auth/session';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop } from './factories';

useTestDatabase();

type LiveEvent = { event: string; data: unknown };
async function stream(handler: (e: unknown) => Promise<Response>, locals: object, path: string, topic: string) {
	const url = new URL(`http://localhost${path}?t=${topic}`);
	const controller = new AbortController();
	try {
		const response = await handler({ locals, params: { id: path.split('/')[2] }, url, request: new Request(url, { signal: controller.signal }) });
		const events: LiveEvent[] = [];
		const reader = response.body!.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		void (async () => {
			for (;;) {
				const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
				if (done) return;
				buffer += decoder.decode(value, { stream: true });
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const name = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (name && data) events.push({ event: name, data: JSON.parse(data) });
				}
			}
		})();
		const until = async (check: (events: LiveEvent[]) => boolean) => {
			for (let i = 0; i < 100 && !check(events); i++) await new Promise((r) => setTimeout(r, 20));
			expect(check(events), JSON.stringify(events)).toBe(true);
		};
		return { status: response.status, events, until, close: () => controller.abort() };
	} catch (err) {
		if (isHttpError(err)) return { status: err.status, events: [], until: async () => {}, close: () => {} };
		throw err;
	}
}

async function aParticipant(workshop: { id: string; groups: string[] }): Promise<SessionParticipant> {
	const joined = await addParticipant(workshop, { displayName: '', groups: [] });
	if (!joined.ok) throw new Error('setup');
	const { id, workshopId, displayName, pseudonym, groups } = joined.participant;
	return { id, workshopId, displayName, pseudonym, groups };
}

describe('the conductor on the participant live stream', () => {
	it('starts with where the room is and follows each move, for this workshop only', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const other = await aWorkshop(organisationId);
		const board = await createBoard(w.id, 'Papan Ide');
		const sari = await aParticipant(w);
		const outsider = await aParticipant(other);
		const locals = (participant: SessionParticipant) => ({ user: null, session: null, participant, participantSession: null });
		const phone = await stream(participantLive as never, locals(sari), '/p/live', 'conductor');
		const away = await stream(participantLive as never, locals(outsider), '/p/live', 'conductor');
		expect(phone.status).toBe(200);
		await phone.until((e) => e.length === 1);
		expect(phone.events[0]).toEqual({ event: 'conductor', data: { conductor: { kind: 'free' }, boards: { [board]: { title: 'Papan Ide' } } } });
		await setConductor(w.id, { kind: 'board', id: board });
		const at = (x: LiveEvent) => (x.data as { conductor: { kind: string; id?: string } }).conductor;
		await phone.until((e) => e.some((x) => at(x).kind === 'board' && at(x).id === board));
		await setConductor(w.id, { kind: 'break' });
		await phone.until((e) => e.some((x) => at(x).kind === 'break'));
		// Another workshop's phone hears nothing of this room.
		await new Promise((r) => setTimeout(r, 200));
		expect(away.events.map((x) => JSON.stringify(x.data))).toEqual([JSON.stringify({ conductor: { kind: 'free' }, boards: {} })]);
		phone.close();
		away.close();

		const member = await stream(memberLive as never, { user: { id: owner.id }, session: null, participant: null, participantSession: null }, `/w/${w.id}/live`, 'conductor');
		expect(member.status).toBe(400);
	});
});
