export const BALLOT_BATCH = 10;
export function discardPendingBallots() {}
export async function recoverLostBallots() { return 0; }
