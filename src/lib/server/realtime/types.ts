/** Types shared by the realtime modules (here so that they import each other in one direction only). */

/** Who holds a connection: what revocation matches on, and what hooks are told. */
export type Subject = {
	sessionId: string;
	userId: string | null;
	participantId: string | null;
	organisationId: string | null;
	workshopId: string;
};

/**
 * Which live connections lose their rights. Fields combine (all given must match):
 * `{ sessionId }` a signed-out session, `{ userId }` every socket of a person (password
 * changed), `{ userId, organisationId }` a changed or removed membership,
 * `{ workshopId, participants: true }` every participant of a workshop (it closed),
 * `{ participantId }` one removed participant.
 */
export type Revocation = Partial<
	Pick<Subject, 'sessionId' | 'userId' | 'participantId' | 'organisationId' | 'workshopId'>
> & { participants?: boolean };

/** What the realtime layer reads of a control state: which boards are locked. The rest is the app's. */
export type RoomControl = { boards: Record<string, { locked: boolean }> };
