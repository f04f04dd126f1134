/**
 * Who may open a room, and with what rights. Checked on every upgrade, in this order:
 * the Origin, then the session cookie (member or participant), then the role on the
 * board's workshop.
 */
import type { IncomingMessage } from 'node:http';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { board } from '$lib/boards/boards.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import * as auth from '$lib/sessions/sessions.server';
import { isAllowedOrigin } from '../origin';
import { findRole } from '$lib/orgs/orgs.server';
import { can } from '$lib/orgs/roles';
import { CONTROL_PREFIX } from '$lib/boards/control';
import { CLOSE } from './limits';
import type { ConnectionInfo } from './room';

export type Grant = ConnectionInfo & { room: string; boardId: string | null; workshopId: string };
export type Refusal = { code: number; reason: string };

export function parseCookies(header: string | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		// A malformed value (bad %-escape) is no cookie at all: the caller answers 4401, not 1011.
		try {
			cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			continue;
		}
	}
	return cookies;
}

const MEMBER_COLOUR = '#0f5132';
const PARTICIPANT_COLOUR = '#8a3b00';

export async function authorize(req: IncomingMessage, room: string, viewOnly: boolean): Promise<Grant | Refusal> {
	if (!isAllowedOrigin(req.headers.origin ?? null, req.headers.host ?? null)) {
		return { code: CLOSE.forbidden, reason: 'Origin not allowed' };
	}
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
