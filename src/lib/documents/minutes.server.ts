/**
 * Everything a berita acara and a daftar hadir print, gathered in one read: the workshop
 * with its record, agenda, attendance, every closed round with each proposal's outcome,
 * proposals never put to a vote, and the plan with co-financing and partners.
 * Group breakdowns of votes are deliberately not loaded: the minutes name people, so a
 * per-group tally next to the attendance could reveal a small group's choices.
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { proposal, votingRound } from '$lib/voting/voting.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { getAttendance, listAgenda } from '$lib/workshops/workshops.server';
import { getPlan } from '$lib/plans/delivery.server';
import type { RoundResult } from '$lib/voting/count';
import { roundOutcomes } from '$lib/voting/outcomes';

export async function loadMinutes(workshopId: string) {
	const [w] = await db.select().from(workshop).where(eq(workshop.id, workshopId));
	if (!w) return null;
	const [agenda, attendance, plan, proposals, rounds] = await Promise.all([
		listAgenda(workshopId),
		getAttendance(workshopId),
		getPlan(workshopId),
		db.select().from(proposal).where(eq(proposal.workshopId, workshopId)).orderBy(asc(proposal.createdAt)),
		db
			.select()
			.from(votingRound)
			.where(and(eq(votingRound.workshopId, workshopId), eq(votingRound.status, 'closed')))
			.orderBy(asc(votingRound.closedAt))
	]);
	const byId = new Map(proposals.map((p) => [p.id, p]));
	const voted = new Set(rounds.flatMap((r) => r.proposalIds));
	return {
		workshop: w,
		agenda,
		attendance,
		plan,
		rounds: rounds
			.filter((r) => r.result)
			.map((r) => {
				const result = r.result as unknown as RoundResult;
				const inRound = r.proposalIds.map((id) => byId.get(id)).filter((p) => p !== undefined);
				return {
					title: r.title,
					format: r.format,
					rule: r.rule,
					budget: r.budget,
					result,
					rows: roundOutcomes(result, inRound)
				};
			}),
		notVoted: proposals.filter((p) => p.status === 'active' && !voted.has(p.id))
	};
}

export type Minutes = NonNullable<Awaited<ReturnType<typeof loadMinutes>>>;
