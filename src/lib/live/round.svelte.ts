/**
 * A member's page following one voting round: the count of voters arrives in the event
 * itself; a change of status or reveal reloads the page's round (results, ballot forms),
 * which is rare and never happens while the person is navigating.
 */
import { LiveFeed, liveUrl, refresh } from './feed.svelte';

type RoundState = { status: string; revealed: boolean };
type RoundEvent = RoundState & { voters: number };

export function followRound(ids: () => { workshopId: string; roundId: string }, shown: () => RoundState, onVoters: (voters: number) => void) {
	const live = $state<{ feed: LiveFeed | null }>({ feed: null });
	$effect(() => {
		const { workshopId, roundId } = ids();
		const feed = new LiveFeed(liveUrl(`/w/${workshopId}/live`, [`round:${roundId}`]), {
			round: (event: RoundEvent) => {
				onVoters(event.voters);
				const now = shown();
				if (event.status !== now.status || event.revealed !== now.revealed) refresh('app:round');
			}
		});
		live.feed = feed;
		return () => feed.destroy();
	});
	return live;
}
