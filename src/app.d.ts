import type { Session, SessionParticipant, SessionUser } from '$lib/sessions/sessions.server';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			participant: SessionParticipant | null;
			participantSession: Session | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
