/**
 * Names of the live topics. A use case publishes to a topic when what it names changed;
 * the live endpoints subscribe a page to the topics its viewer may see.
 */
export const attendanceTopic = (workshopId: string) => `workshop/${workshopId}/attendance`;
/** The workshop's rounds: which exist and which are open. */
export const roundsTopic = (workshopId: string) => `workshop/${workshopId}/rounds`;
/** One round: status, reveal and how many have voted. */
export const roundTopic = (roundId: string) => `round/${roundId}`;
/** A board's queue of notes waiting for the facilitator. */
export const moderationTopic = (boardId: string) => `board/${boardId}/moderation`;
