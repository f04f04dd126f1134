/**
 * Live updates for a member's workshop pages (Server-Sent Events). Every requested topic
 * is checked against the member's role before subscribing: another organisation gets
 * 404, the moderation queue needs `workshop.run`, a round or board must belong to this
 * workshop; trust pulses and the network map are counts anyone in the workshop may see.
 * What each event carries depends only on the topic once access is granted, so streams of
 * the same topic share their loads (shareKey).
 */
import { error } from '@sveltejs/kit';
import { allows, signedIn } from '$lib/orgs/access.server';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { getAttendance } from '$lib/workshops/workshops.server';
import { findBoard } from '$lib/boards/boards.server';
import { countVoters, findRound, listRounds } from '$lib/voting/rounds.server';
import { roundAccess } from '$lib/voting/access.server';
import { liveStream, type LiveSource } from '$lib/server/events';
import {
	attendanceTopic,
	moderationTopic,
	networkTopic,
	pulseTopic,
	roundTopic,
	roundsTopic,
	safeguardingTopic
} from '$lib/live/topics';
import { listPulses } from '$lib/social/pulse.server';
import { workshopMapSize } from '$lib/network/network.server';
import { listHelpRequests, listPrivateNotes, moderationQueue } from '$lib/safeguarding/safeguarding.server';
import { parseLiveRequest } from '$lib/live/requests';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const user = signedIn(locals);
	const requests = parseLiveRequest(url);
	if (!requests) error(400, 'Bad request');
	const access = await workshopAccessFor(user.id, params.workshopId, 'workshop.view');
	const { workshop } = access;
	const canRun = allows(access, 'workshop.run');
	const sources: LiveSource[] = [];
	for (const r of requests) {
		if (r.kind === 'attendance') {
			sources.push({
				name: r.kind,
				topic: attendanceTopic(workshop.id),
				load: () => getAttendance(workshop.id),
				shareKey: `member/attendance/${workshop.id}`
			});
		} else if (r.kind === 'rounds') {
			const load = async () =>
				(await listRounds(workshop.id)).map((x) => ({
					id: x.id,
					title: x.title,
					status: x.status,
					revealed: x.revealed
				}));
			sources.push({ name: r.kind, topic: roundsTopic(workshop.id), load, shareKey: `member/rounds/${workshop.id}` });
		} else if (r.kind === 'safeguarding') {
			// "I need help" alerts name a child's pseudonym: facilitators only, never the projector.
			if (!canRun) error(403, 'Forbidden');
			const load = async () => ({
				help: (await listHelpRequests(workshop.id)).map((h) => ({
					id: h.id,
					pseudonym: h.pseudonym ?? '',
					at: h.createdAt.toISOString()
				})),
				privateNotes: (await listPrivateNotes(workshop.id)).length
			});
			sources.push({
				name: r.kind,
				topic: safeguardingTopic(workshop.id),
				load,
				shareKey: `member/safeguarding/${workshop.id}`
			});
		} else if (r.kind === 'round') {
			const { round } = await roundAccess(access, r.id);
			const load = async () => {
				const now = await findRound(workshop.id, round.id);
				return {
					id: round.id,
					status: now?.status ?? 'closed',
					revealed: Boolean(now?.revealed),
					counted: Boolean(now?.result),
					count: now?.countState ?? null,
					voters: await countVoters(round.id)
				};
			};
			sources.push({ name: r.kind, topic: roundTopic(round.id), load, shareKey: `member/round/${round.id}` });
		} else if (r.kind === 'conductor') {
			// Members' pages read the control document itself.
			error(400, 'Bad request');
		} else if (r.kind === 'pulse') {
			// Counts and phases only: results stay on the page, which loads them once closed.
			const load = async () =>
				(await listPulses(workshop.id)).map((p) => ({
					id: p.id,
					phase: p.phase,
					status: p.status,
					respondents: p.respondents
				}));
			sources.push({ name: r.kind, topic: pulseTopic(workshop.id), load, shareKey: `member/pulse/${workshop.id}` });
		} else if (r.kind === 'network') {
			const load = () => workshopMapSize(access);
			sources.push({ name: r.kind, topic: networkTopic(workshop.id), load, shareKey: `member/network/${workshop.id}` });
		} else {
			// The moderation queue shows participants' names and unapproved text: facilitators only.
			if (!canRun) error(403, 'Forbidden');
			const board = await findBoard(r.id);
			if (!board || board.workshopId !== workshop.id) error(404, 'Not found');
			const load = () => moderationQueue(board.id, workshop.id);
			sources.push({ name: r.kind, topic: moderationTopic(board.id), load, shareKey: `member/moderation/${board.id}` });
		}
	}
	return liveStream(sources, { signal: request.signal });
};
