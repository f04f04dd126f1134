/**
 * A member's page following one voting round: the count of voters arrives in the event
 * itself; a change of status or reveal reloads the page's round (results, ballot forms),
 * which is rare and never happens while the person is navigating. Voting's own state on
 * top of live's transport (LiveFeed), so live, which sits below voting, knows no rounds.
 */
import type { CountState } from './count';
import { LiveFeed, liveUrl, refresh } from '$lib/live/feed.svelte';

type RoundState = { status: string; revealed: boolean; counted?: boolean };
/** `count`: the progress of a count running in the background (see counting.server.ts). */
export type RoundEvent = RoundState & { voters: number; count?: CountState | null };

export function followRound(
	ids: () => { workshopId: string; roundId: string },
	shown: () => RoundState,
	onEvent: (event: RoundEvent) => void
) {
	const live = $state<{ feed: LiveFeed | null }>({ feed: null });
	$effect(() => {
		const { workshopId, roundId } = ids();
		const feed = new LiveFeed(liveUrl(`/w/${workshopId}/live`, [`round:${roundId}`]), {
			round: (event: RoundEvent) => {
				onEvent(event);
				const now = shown();
				const counted = now.counted !== undefined && event.counted !== undefined && event.counted !== now.counted;
				if (event.status !== now.status || event.revealed !== now.revealed || counted) refresh('app:round');
			}
		});
		live.feed = feed;
		return () => feed.destroy();
	});
	return live;
}
