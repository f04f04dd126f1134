/** Use cases for workshops: create and edit, agenda, join by code, attendance. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { agendaItem, participant, workshop } from './workshops.schema';
import { generateId, randomBytes } from '$lib/server/auth/tokens';
import type { WorkshopAccess } from './access.server';
import type { OrgAccess } from '$lib/orgs/access.server';
import { revokeConnections } from '$lib/server/realtime';
import type { WorkshopInput } from './forms';
import { announceAttendance } from '$lib/live/announce.server';
import type { MinutesRecord } from './record';
import { GROUPS, generateJoinCode, isChild, makePseudonym, type AgendaItemInput, type Status } from './rules';

export type Workshop = typeof workshop.$inferSelect;
export type Participant = typeof participant.$inferSelect;

export async function listWorkshops(organisationId: string) {
	return db
		.select()
		.from(workshop)
		.where(eq(workshop.organisationId, organisationId))
		.orderBy(desc(workshop.createdAt));
}

/** A workshop in the checked organisation. Language and time zone may be left out (Indonesian, WITA). */
export async function createWorkshop(
	access: OrgAccess<'workshop.create'>,
	input: Omit<WorkshopInput, 'language' | 'timeZone'> & Partial<WorkshopInput>
): Promise<Workshop> {
	// A clash among 244 million codes is rare; retry a few times rather than never.
	for (let attempt = 0; attempt < 5; attempt++) {
		const rows = await db
			.insert(workshop)
			.values({
				id: generateId(),
				organisationId: access.organisation.id,
				...input,
				date: input.date || null,
				joinCode: generateJoinCode(randomBytes)
			})
			.onConflictDoNothing({ target: workshop.joinCode })
			.returning();
		if (rows[0]) return rows[0];
	}
	throw new Error('Could not allocate a join code');
}

export async function updateWorkshop(access: WorkshopAccess<'workshop.edit'>, input: WorkshopInput): Promise<void> {
	await db
		.update(workshop)
		.set({ ...input, date: input.date || null })
		.where(eq(workshop.id, access.workshop.id));
}

/** The berita acara's details (record.ts), kept apart from the workshop form. */
export async function updateRecord(access: WorkshopAccess<'workshop.edit'>, record: MinutesRecord): Promise<void> {
	await db.update(workshop).set({ record }).where(eq(workshop.id, access.workshop.id));
}

export async function setStatus(access: WorkshopAccess<'workshop.run'>, status: Status): Promise<void> {
	const workshopId = access.workshop.id;
	// Retention counts from the moment a workshop closes.
	const closedAt = status === 'closed' ? new Date() : null;
	await db.update(workshop).set({ status, closedAt }).where(eq(workshop.id, workshopId));
	// Participants read boards only while the workshop is open.
	if (status !== 'open') revokeConnections({ workshopId, participants: true });
}

export async function listAgenda(workshopId: string) {
	return db.select().from(agendaItem).where(eq(agendaItem.workshopId, workshopId)).orderBy(asc(agendaItem.position));
}

/** Replaces the agenda in one transaction: it is short, and order is what matters. */
export async function replaceAgenda(access: WorkshopAccess<'workshop.edit'>, items: AgendaItemInput[]): Promise<void> {
	const workshopId = access.workshop.id;
	await db.transaction(async (tx) => {
		await tx.delete(agendaItem).where(eq(agendaItem.workshopId, workshopId));
		if (items.length === 0) return;
		await tx.insert(agendaItem).values(
			items.map((item, position) => ({
				id: generateId(),
				workshopId,
				position,
				title: item.title,
				minutes: item.minutes
			}))
		);
	});
}

/** The workshop behind a join code, only while it is open. */
export async function findOpenWorkshopByCode(code: string) {
	const [found] = await db
		.select({
			id: workshop.id,
			title: workshop.title,
			status: workshop.status,
			groups: workshop.groups,
			joinCode: workshop.joinCode
		})
		.from(workshop)
		.where(eq(workshop.joinCode, code));
	return found && found.status === 'open' ? found : null;
}

/**
 * Adds a person who joined with the workshop's code (the code is their key: `target` is
 * the open workshop it found). Groups outside the workshop's list are refused. Children
 * never keep a name; anyone without a name gets a friendly pseudonym.
 * Outcome: the participant, or 'error_groups' when a group is not offered.
 */
export async function addParticipant(
	target: { id: string; groups: string[] },
	input: { displayName: string; groups: string[] }
) {
	return insertParticipant(target, input);
}

/** Someone present without a phone, recorded by the facilitator (marked assisted). Outcomes as `addParticipant`. */
export async function addAssisted(
	access: WorkshopAccess<'workshop.run'>,
	input: { displayName: string; groups: string[] }
) {
	return insertParticipant(access.workshop, input, access.userId);
}

async function insertParticipant(
	target: { id: string; groups: string[] },
	input: { displayName: string; groups: string[] },
	assistedBy?: string
) {
	const groups = [...new Set(input.groups)];
	if (groups.some((g) => !target.groups.includes(g))) return { ok: false as const, error: 'error_groups' };
	const child = isChild(groups);
	const [row] = await db
		.insert(participant)
		.values({
			id: generateId(),
			workshopId: target.id,
			displayName: child || !input.displayName ? null : input.displayName,
			pseudonym: makePseudonym(randomBytes),
			groups,
			assisted: Boolean(assistedBy),
			addedBy: assistedBy ?? null
		})
		.returning();
	announceAttendance(target.id);
	return { ok: true as const, participant: row };
}

export type Attendance = {
	total: number;
	assisted: number;
	byGroup: { group: string; count: number }[];
	people: { id: string; name: string; named: boolean; groups: string[]; assisted: boolean; joinedAt: Date }[];
};

/** Who is present, counted by group (a person may count in several groups). */
export async function getAttendance(workshopId: string): Promise<Attendance> {
	const rows = await db
		.select()
		.from(participant)
		.where(eq(participant.workshopId, workshopId))
		.orderBy(asc(participant.joinedAt));
	const counts = new Map<string, number>();
	for (const row of rows) for (const g of row.groups) counts.set(g, (counts.get(g) ?? 0) + 1);
	const order = (g: string) => {
		const i = (GROUPS as readonly string[]).indexOf(g);
		return i === -1 ? GROUPS.length : i;
	};
	return {
		total: rows.length,
		assisted: rows.filter((r) => r.assisted).length,
		byGroup: [...counts].map(([group, count]) => ({ group, count })).sort((a, b) => order(a.group) - order(b.group)),
		people: rows.map((r) => ({
			id: r.id,
			name: r.displayName ?? r.pseudonym,
			named: r.displayName !== null,
			groups: r.groups,
			assisted: r.assisted,
			joinedAt: r.joinedAt
		}))
	};
}

/** Removes a person from this workshop's attendance (false when they are not in it). */
export async function removeParticipant(
	access: WorkshopAccess<'workshop.run'>,
	participantId: string
): Promise<boolean> {
	const workshopId = access.workshop.id;
	const rows = await db
		.delete(participant)
		.where(and(eq(participant.workshopId, workshopId), eq(participant.id, participantId)))
		.returning({ id: participant.id });
	if (rows.length) announceAttendance(workshopId);
	if (rows.length > 0) revokeConnections({ participantId }, 'signed-out');
	return rows.length > 0;
}
