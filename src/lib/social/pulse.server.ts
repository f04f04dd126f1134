/**
 * The trust pulse: a short anonymous check at the start and at the end of a workshop.
 *
 * Anonymity. While a pulse is open each answer row holds the participant's id (`holder`),
 * so their phone can replace it and nobody answers twice; nothing but the number of answers
 * is shown then. Closing freezes the result (with the group rule of voting/breakdown.ts)
 * and, in the same transaction, rewrites every answer without holder, in a random order
 * and with new random ids: afterwards no row, id, physical order or transaction ties an
 * answer to a participant. What remains is the raw 1-5 scores of the pulse (no groups,
 * no times), needed for nothing but a recount.
 */
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import type { WorkshopAccess, ParticipantAccess } from '$lib/workshops/access.server';
import { participant, workshop } from '$lib/workshops/workshops.schema';
import { pulseAnswer, trustPulse } from './social.schema';
import { aggregatePulse, checkScores, pulseTrend, PULSE_STATEMENTS, type PulsePhase } from './rules';
import type { Outcome } from '$lib/forms/forms';
import { announcePulse } from '$lib/live/announce.server';

/** The workshop's pulses (start, end) with how many answered; results only once closed. */
export async function listPulses(workshopId: string) {
	const pulses = await db
		.select()
		.from(trustPulse)
		.where(eq(trustPulse.workshopId, workshopId))
		.orderBy(asc(trustPulse.openedAt));
	return Promise.all(
		pulses.map(async (p) => ({
			id: p.id,
			phase: p.phase,
			status: p.status,
			statements: p.statements,
			openedAt: p.openedAt,
			closedAt: p.closedAt,
			respondents: p.result ? p.result.respondents : await countAnswers(p.id),
			result: p.status === 'closed' ? p.result : null
		}))
	);
}

async function countAnswers(pulseId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(pulseAnswer).where(eq(pulseAnswer.pulseId, pulseId));
	return Number(row?.n ?? 0);
}

/** Opens the start or end pulse (again: a no-op while open; a closed pulse stays closed). */
export async function openPulse(access: WorkshopAccess<'workshop.run'>, phase: PulsePhase): Promise<Outcome> {
	const [existing] = await db
		.select()
		.from(trustPulse)
		.where(and(eq(trustPulse.workshopId, access.workshop.id), eq(trustPulse.phase, phase)));
	if (existing) return existing.status === 'open' ? { ok: true } : { ok: false, error: 'soc_error_pulse_closed' };
	await db
		.insert(trustPulse)
		.values({ id: generateId(), workshopId: access.workshop.id, phase, statements: [...PULSE_STATEMENTS] })
		.onConflictDoNothing();
	announcePulse(access.workshop.id);
	return { ok: true };
}

/** Closes a pulse: freezes its result, then unlinks every answer from its participant. */
export async function closePulse(access: WorkshopAccess<'workshop.run'>, phase: PulsePhase): Promise<Outcome> {
	const outcome = await db.transaction(async (tx) => {
		const [pulse] = await tx
			.select()
			.from(trustPulse)
			.where(and(eq(trustPulse.workshopId, access.workshop.id), eq(trustPulse.phase, phase)))
			.for('update');
		if (!pulse) return { ok: false as const, error: 'error_not_found' };
		if (pulse.status === 'closed') return { ok: true as const };
		const answers = await tx
			.select({ scores: pulseAnswer.scores, groups: participant.groups })
			.from(pulseAnswer)
			.leftJoin(participant, eq(participant.id, pulseAnswer.holder))
			.where(eq(pulseAnswer.pulseId, pulse.id));
		const result = aggregatePulse(
			pulse.statements,
			answers.map((a) => ({ groups: a.groups ?? [], scores: a.scores }))
		);
		await tx
			.update(trustPulse)
			.set({ status: 'closed', result, closedAt: new Date() })
			.where(eq(trustPulse.id, pulse.id));
		await tx.delete(pulseAnswer).where(eq(pulseAnswer.pulseId, pulse.id));
		const shuffled = answers.map((a) => a.scores);
		for (let i = shuffled.length - 1; i > 0; i--) {
			const j = randomInt(i + 1);
			[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
		}
		if (shuffled.length)
			await tx
				.insert(pulseAnswer)
				.values(shuffled.map((scores) => ({ id: generateId(), pulseId: pulse.id, holder: null, scores })));
		return { ok: true as const };
	});
	if (outcome.ok) announcePulse(access.workshop.id);
	return outcome;
}

/** The open pulse of a participant's workshop, if any, and whether this phone answered it. */
export async function openPulseFor(who: ParticipantAccess) {
	const [pulse] = await db
		.select()
		.from(trustPulse)
		.where(and(eq(trustPulse.workshopId, who.workshopId), eq(trustPulse.status, 'open')))
		.orderBy(asc(trustPulse.openedAt));
	if (!pulse) return null;
	const [mine] = await db
		.select({ scores: pulseAnswer.scores })
		.from(pulseAnswer)
		.where(and(eq(pulseAnswer.pulseId, pulse.id), eq(pulseAnswer.holder, who.participantId)));
	return { id: pulse.id, phase: pulse.phase, statements: pulse.statements, answered: mine?.scores ?? null };
}

/** One answer set per participant per pulse, replaceable while the pulse is open. */
export async function answerPulse(who: ParticipantAccess, pulseId: string, raw: unknown): Promise<Outcome> {
	const outcome = await db.transaction(async (tx) => {
		const [pulse] = await tx.select().from(trustPulse).where(eq(trustPulse.id, pulseId)).for('share');
		if (!pulse || pulse.workshopId !== who.workshopId) return { ok: false as const, error: 'error_not_found' };
		if (pulse.status !== 'open') return { ok: false as const, error: 'soc_error_pulse_closed' };
		const scores = checkScores(pulse.statements, raw);
		if (!scores) return { ok: false as const, error: 'soc_error_answer_all' };
		await tx
			.insert(pulseAnswer)
			.values({ id: generateId(), pulseId, holder: who.participantId, scores })
			.onConflictDoUpdate({ target: [pulseAnswer.pulseId, pulseAnswer.holder], set: { scores } });
		return { ok: true as const };
	});
	// After the commit: the facilitator's page reloads the count.
	if (outcome.ok) announcePulse(who.workshopId);
	return outcome;
}

/** Whether any answer of a pulse still names its participant (none once closed). */
export async function linkedAnswers(pulseId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(pulseAnswer)
		.where(and(eq(pulseAnswer.pulseId, pulseId), isNotNull(pulseAnswer.holder)));
	return Number(row?.n ?? 0);
}

/** The organisation's trust trend over its workshops (closed pulses only). */
export async function trustTrend(organisationId: string) {
	const rows = await db
		.select({
			workshopId: workshop.id,
			title: workshop.title,
			date: workshop.date,
			phase: trustPulse.phase,
			result: trustPulse.result
		})
		.from(trustPulse)
		.innerJoin(workshop, eq(workshop.id, trustPulse.workshopId))
		.where(and(eq(workshop.organisationId, organisationId), eq(trustPulse.status, 'closed')));
	return pulseTrend(rows);
}
