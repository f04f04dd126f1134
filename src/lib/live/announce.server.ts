/**
 * What use cases call after a change commits: one line each. Publishing is a signal,
 * never data; every subscriber reloads only what its role may see.
 */
import { publish } from '$lib/server/events';
import { attendanceTopic, moderationTopic, roundTopic, roundsTopic } from './topics';

export function announceAttendance(workshopId: string): void {
	publish(attendanceTopic(workshopId));
}

export function announceModeration(boardId: string): void {
	publish(moderationTopic(boardId));
}

/** A round changed (a ballot, its status, its reveal); with the workshop, its list too. */
export function announceRound(roundId: string, workshopId?: string): void {
	publish(roundTopic(roundId));
	if (workshopId) publish(roundsTopic(workshopId));
}

/** For a use case's promise: announces the round when the outcome is ok (after commit). */
export function announcedRound(roundId: string, workshopId?: string) {
	return <T extends { ok: boolean }>(outcome: T): T => {
		if (outcome.ok) announceRound(roundId, workshopId);
		return outcome;
	};
}
