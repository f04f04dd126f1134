/**
 * Sessions per the Lucia guide: a random token in an httpOnly cookie, its SHA-256 in
 * the `session` table, 30 days that slide forward while the session is used.
 * Members and participants share the mechanism; each kind has its own cookie so a
 * facilitator can test-join a workshop from the same browser.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { participant } from '$lib/workshops/workshops.schema';
import type { SessionParticipant } from '$lib/workshops/access.server';
import { session } from './sessions.schema';
import { user } from '$lib/orgs/orgs.schema';
import { generateToken, hashToken } from '$lib/server/auth/tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export const COOKIE = { member: 'session', participant: 'participant_session' } as const;
export type SessionKind = keyof typeof COOKIE;

export type Session = typeof session.$inferSelect;
export type SessionUser = Pick<typeof user.$inferSelect, 'id' | 'email' | 'name'>;
export type { SessionParticipant };

export { generateToken as generateSessionToken };

export async function createSession(
	token: string,
	owner: { userId: string } | { participantId: string }
): Promise<Session> {
	const row: Session = {
		id: hashToken(token),
		kind: 'userId' in owner ? 'member' : 'participant',
		userId: 'userId' in owner ? owner.userId : null,
		participantId: 'participantId' in owner ? owner.participantId : null,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	await db.insert(session).values(row);
	return row;
}

export async function validateMemberSession(token: string) {
	const id = hashToken(token);
	const [row] = await db
		.select({ session, user: { id: user.id, email: user.email, name: user.name } })
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(and(eq(session.id, id), eq(session.kind, 'member')));
	if (!row) return null;
	const fresh = await refresh(row.session);
	return fresh ? { session: fresh, user: row.user as SessionUser } : null;
}

export async function validateParticipantSession(token: string) {
	const id = hashToken(token);
	const [row] = await db
		.select({
			session,
			participant: {
				id: participant.id,
				workshopId: participant.workshopId,
				displayName: participant.displayName,
				pseudonym: participant.pseudonym,
				groups: participant.groups
			}
		})
		.from(session)
		.innerJoin(participant, eq(session.participantId, participant.id))
		.where(and(eq(session.id, id), eq(session.kind, 'participant')));
	if (!row) return null;
	const fresh = await refresh(row.session);
	return fresh ? { session: fresh, participant: row.participant as SessionParticipant } : null;
}

/** Deletes an expired session, slides a half-spent one forward, returns null when gone. */
async function refresh(row: Session): Promise<Session | null> {
	const now = Date.now();
	if (now >= row.expiresAt.getTime()) {
		await db.delete(session).where(eq(session.id, row.id));
		return null;
	}
	if (now >= row.expiresAt.getTime() - RENEW_WHEN_LEFT_MS) {
		row = { ...row, expiresAt: new Date(now + SESSION_LIFETIME_MS) };
		await db.update(session).set({ expiresAt: row.expiresAt }).where(eq(session.id, row.id));
	}
	return row;
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** On password change or reset: every browser of that person is signed out. */
export async function invalidateUserSessions(userId: string): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}

export function setSessionCookie(
	cookies: Cookies,
	kind: SessionKind,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(COOKIE[kind], token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: '/' });
}

export function deleteSessionCookie(cookies: Cookies, kind: SessionKind): void {
	cookies.delete(COOKIE[kind], { path: '/' });
}
