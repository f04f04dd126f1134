/**
 * Phones act in bursts (a pulse, an endorsement, an asset) but never hundreds a minute: each
 * participant may send 60 social actions a minute, so a script on one phone cannot flood the
 * asset map or churn answers.
 */
import { sharedLimiter } from '$lib/server/auth/rate-limit';
import type { ParticipantAccess } from '$lib/workshops/access.server';

export const socialByParticipant = sharedLimiter('social-participant', { max: 60, windowMs: 60 * 1000 });

/** Counts one phone action; false when this participant must wait. */
export async function phoneMayAct(who: ParticipantAccess): Promise<boolean> {
	if ((await socialByParticipant.retryAfter(who.participantId)) > 0) return false;
	await socialByParticipant.hit(who.participantId);
	return true;
}
