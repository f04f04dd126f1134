/**
 * What use cases call after a change commits: one line each. Publishing is a signal,
 * never data; every subscriber reloads only what its role may see.
 */
import { publish } from '$lib/server/events';
import {
	attendanceTopic,
	conductorTopic,
	moderationTopic,
	networkTopic,
	pulseTopic,
	roundStatusTopic,
	roundTopic,
	roundsTopic,
	safeguardingTopic
} from './topics';

export function announceAttendance(workshopId: string): void {
	publish(attendanceTopic(workshopId));
}

/** The workshop's live control state changed (the conductor among it). */
export function announceControl(workshopId: string): void {
	publish(conductorTopic(workshopId));
}

export function announceModeration(boardId: string): void {
	publish(moderationTopic(boardId));
}

/** A round's status or reveal changed; with the workshop, its list of rounds too. */
export function announceRound(roundId: string, workshopId?: string): void {
	publish(roundTopic(roundId));
	publish(roundStatusTopic(roundId));
	if (workshopId) publish(roundsTopic(workshopId));
}

/** An "I need help" alert or a private note arrived, or an alert was seen. */
export function announceSafeguarding(workshopId: string): void {
	publish(safeguardingTopic(workshopId));
}

/** A trust pulse opened, closed or got an answer. */
export function announcePulse(workshopId: string): void {
	publish(pulseTopic(workshopId));
}

/** A workshop's network map changed. */
export function announceNetwork(workshopId: string): void {
	publish(networkTopic(workshopId));
}

/** A count's progress or end: only the members' pages following the round (phones wait for the reveal). */
export function announceCount(roundId: string): void {
	publish(roundTopic(roundId));
}

/** For a ballot's promise: the round's count changed (members' pages only listen). */
export function announcedBallot(roundId: string) {
	return <T extends { ok: boolean }>(outcome: T): T => {
		if (outcome.ok) publish(roundTopic(roundId));
		return outcome;
	};
}
