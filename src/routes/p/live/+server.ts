/**
 * Live updates for a participant's phone (Server-Sent Events): which rounds are open and
 * one round's status (not every ballot: a room of phones is not woken per vote), in the
 * one workshop the session opens. Nothing else: attendance and
 * the moderation queue are refused (403), another workshop's round is 404.
 */
import { error } from '@sveltejs/kit';
import { findRound, listRounds } from '$lib/voting/rounds.server';
import { liveStream, type LiveSource } from '$lib/server/events';
import { conductorTopic, roundStatusTopic, roundsTopic } from '$lib/live/topics';
import { getRoomState } from '$lib/boards/boards.server';
import { parseLiveRequest } from '$lib/live/requests';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const who = locals.participant;
	if (!who) error(401, 'Join a workshop first');
	const requests = parseLiveRequest(url);
	if (!requests) error(400, 'Bad request');
	const sources: LiveSource[] = [];
	for (const r of requests) {
		if (r.kind === 'rounds') {
			const load = async () =>
				(await listRounds(who.workshopId))
					.filter((x) => x.status === 'open')
					.map((x) => ({ id: x.id, title: x.title }));
			sources.push({
				name: r.kind,
				topic: roundsTopic(who.workshopId),
				load,
				shareKey: `participant/rounds/${who.workshopId}`
			});
		} else if (r.kind === 'round') {
			const round = await findRound(who.workshopId, r.id);
			if (!round) error(404, 'Not found');
			const load = async () => {
				const now = await findRound(who.workshopId, round.id);
				// Revealed too: the phone then loads the results, which everyone may see.
				return {
					id: round.id,
					status: now?.status ?? 'closed',
					revealed: Boolean(now?.status === 'closed' && now.revealed)
				};
			};
			sources.push({
				name: r.kind,
				topic: roundStatusTopic(round.id),
				load,
				shareKey: `participant/round/${round.id}`
			});
		} else if (r.kind === 'conductor') {
			// Where the room is, with board titles for the banner: what every phone in it may see.
			const load = () => getRoomState(who.workshopId);
			sources.push({
				name: r.kind,
				topic: conductorTopic(who.workshopId),
				load,
				shareKey: `participant/conductor/${who.workshopId}`
			});
		} else {
			error(403, 'Forbidden');
		}
	}
	return liveStream(sources, { signal: request.signal });
};
