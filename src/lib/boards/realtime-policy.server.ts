/**
 * The boards domain's side of the realtime endpoint (`configureRealtime(boardsRealtime)`
 * in hooks.server.ts): who may open a room and with what rights, the workshop control
 * rooms (the conductor, `control.ts`), where board documents are stored
 * (`board-store.server.ts`) and the authorship hooks (`authorship.server.ts`).
 *
 * Checked on every upgrade, after the Origin (the realtime layer's): the session cookie
 * (member or participant), then the role on the board's workshop.
 */
import type { IncomingMessage } from 'node:http';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { CLOSE } from '$lib/server/realtime/limits';
import { parseCookies, type Grant, type RealtimePolicy, type Refusal } from '$lib/server/realtime/policy';
import * as auth from '$lib/sessions/sessions.server';
import { findRole } from '$lib/orgs/orgs.server';
import { can } from '$lib/orgs/roles';
import { workshop } from '$lib/workshops/workshops.schema';
import { board } from './boards.schema';
import { CONTROL_PREFIX, controlRoom, writeControl, type ControlState } from './control';
import { getControlState } from './boards.server';
import { boardHooks } from './authorship.server';
import { boardStore } from './board-store.server';

const MEMBER_COLOUR = '#0f5132';
const PARTICIPANT_COLOUR = '#8a3b00';

async function authorise(req: IncomingMessage, room: string, viewOnly: boolean): Promise<Grant | Refusal> {
	const cookies = parseCookies(req.headers.cookie);
	const member = cookies[auth.COOKIE.member] ? await auth.validateMemberSession(cookies[auth.COOKIE.member]) : null;
	const participant =
		!member && cookies[auth.COOKIE.participant]
			? await auth.validateParticipantSession(cookies[auth.COOKIE.participant])
			: null;
	if (!member && !participant) return { code: CLOSE.unauthenticated, reason: 'Sign in or join first' };

	// Which workshop the room belongs to.
	let workshopId: string;
	let boardId: string | null = null;
	if (room.startsWith(CONTROL_PREFIX)) {
		workshopId = room.slice(CONTROL_PREFIX.length);
	} else {
		const [found] = await db.select({ workshopId: board.workshopId }).from(board).where(eq(board.id, room));
		if (!found) return { code: CLOSE.notFound, reason: 'No such board' };
		workshopId = found.workshopId;
		boardId = room;
	}

	const [found] = await db
		.select({ organisationId: workshop.organisationId, status: workshop.status })
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	if (participant) {
		if (participant.participant.workshopId !== workshopId)
			return { code: CLOSE.forbidden, reason: 'Not your workshop' };
		// Participants read boards only while the workshop runs.
		if (found?.status !== 'open') return { code: CLOSE.forbidden, reason: 'Workshop is not open' };
		const { displayName, pseudonym } = participant.participant;
		const subject = {
			sessionId: participant.session.id,
			userId: null,
			participantId: participant.participant.id,
			organisationId: found.organisationId,
			workshopId
		};
		// Participants read; their notes go through server-checked actions.
		return {
			room,
			boardId,
			workshopId,
			canWrite: false,
			canWriteLocked: false,
			subject,
			identity: { name: displayName ?? pseudonym, kind: 'participant', colour: PARTICIPANT_COLOUR }
		};
	}

	const role = found ? await findRole(member!.user.id, found.organisationId) : null;
	if (!role || !can(role, 'workshop.view')) return { code: CLOSE.forbidden, reason: 'No access to this workshop' };
	const writer = boardId !== null && !viewOnly && can(role, 'board.edit');
	return {
		room,
		boardId,
		workshopId,
		canWrite: writer,
		canWriteLocked: writer && can(role, 'workshop.run'),
		subject: {
			sessionId: member!.session.id,
			userId: member!.user.id,
			participantId: null,
			organisationId: found!.organisationId,
			workshopId
		},
		identity: { name: member!.user.name, kind: 'member', colour: MEMBER_COLOUR }
	};
}

export const boardsRealtime: RealtimePolicy = {
	authorise,
	control: {
		workshopOf: (room) => (room.startsWith(CONTROL_PREFIX) ? room.slice(CONTROL_PREFIX.length) : null),
		roomOf: controlRoom,
		load: getControlState,
		// Every control state the realtime layer holds came from this policy or `publishControl`.
		write: (doc, state) => writeControl(doc, state as ControlState)
	},
	store: boardStore,
	hooks: boardHooks
};
