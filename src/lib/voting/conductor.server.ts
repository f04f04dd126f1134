/**
 * The conductor sends the room somewhere: a board, a round's ballot or its results. It
 * knows boards and rounds, so it lives here, above both; the control document it writes
 * belongs to boards (boards/control.ts).
 */
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import { findBoard, publish } from '$lib/boards/boards.server';
import type { Conductor } from '$lib/boards/control';
import { votingRound } from './voting.schema';

/**
 * The conductor: sends every phone and the projector to a board, a round's ballot (only
 * while it is open), its results (only once revealed), a break screen, or lets them roam.
 * Only for those who may run the workshop (the checked access says so).
 */
export async function setConductor(access: WorkshopAccess<'workshop.run'>, target: Conductor) {
	const workshopId = access.workshop.id;
	if (target.kind === 'board') {
		const found = target.id ? await findBoard(target.id) : null;
		if (!found || found.workshopId !== workshopId) return { ok: false as const, error: 'error_not_found' };
	}
	if (target.kind === 'ballot' || target.kind === 'results') {
		const [round] = target.id
			? await db
					.select({ status: votingRound.status, revealed: votingRound.revealed })
					.from(votingRound)
					.where(and(eq(votingRound.id, target.id), eq(votingRound.workshopId, workshopId)))
			: [];
		if (!round) return { ok: false as const, error: 'error_not_found' };
		if (target.kind === 'ballot' && round.status !== 'open')
			return { ok: false as const, error: 'forum_error_round_not_open' };
		if (target.kind === 'results' && !(round.status === 'closed' && round.revealed))
			return { ok: false as const, error: 'forum_error_not_revealed' };
	}
	const conductor: Conductor = target.id
		? { kind: target.kind, id: target.id, at: Date.now() }
		: { kind: target.kind, at: Date.now() };
	// currentBoardId stays the board being followed, for pages that read only that.
	await db
		.update(workshop)
		.set({ conductor, currentBoardId: conductor.kind === 'board' ? conductor.id! : null })
		.where(eq(workshop.id, workshopId));
	await publish(workshopId);
	return { ok: true as const };
}
