/**
 * Names of the live topics. A use case publishes to a topic when what it names changed;
 * the live endpoints subscribe a page to the topics its viewer may see.
 */
export const attendanceTopic = (workshopId: string) => `workshop/${workshopId}/attendance`;
/** The workshop's rounds: which exist and which are open. */
export const roundsTopic = (workshopId: string) => `workshop/${workshopId}/rounds`;
/** One round: status, reveal and how many have voted (every ballot). */
export const roundTopic = (roundId: string) => `round/${roundId}`;
/** One round's status and reveal only: what phones follow, so a ballot does not wake them all. */
export const roundStatusTopic = (roundId: string) => `round/${roundId}/status`;
/** Where the facilitator's conductor sends the room (phones without the control document). */
export const conductorTopic = (workshopId: string) => `workshop/${workshopId}/conductor`;
/** A board's queue of notes waiting for the facilitator. */
export const moderationTopic = (boardId: string) => `board/${boardId}/moderation`;
/** A workshop's safeguarding: "I need help" alerts and notes sent privately (facilitators only). */
export const safeguardingTopic = (workshopId: string) => `workshop/${workshopId}/safeguarding`;
/** A workshop's trust pulses: opened, closed, or answered (counts only ever leave the server). */
export const pulseTopic = (workshopId: string) => `workshop/${workshopId}/pulse`;
/** A workshop's network map: actors or ties added or removed. */
export const networkTopic = (workshopId: string) => `workshop/${workshopId}/network`;
