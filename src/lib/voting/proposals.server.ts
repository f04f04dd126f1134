/**
 * Use cases for proposals (usulan): write (or promote from a board note, which then
 * links both ways), edit, merge, withdraw.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { proposal, proposalEvent } from './voting.schema';
import { generateId } from '$lib/server/auth/tokens';
import * as realtime from '$lib/server/realtime';
import { linkNoteToProposal } from '$lib/boards/model';
import type { ProposalInput } from './forms';
import type { WorkshopAccess } from '$lib/workshops/access.server';

export type Proposal = typeof proposal.$inferSelect;

export async function listProposals(workshopId: string, includeInactive = true) {
	const rows = await db
		.select()
		.from(proposal)
		.where(eq(proposal.workshopId, workshopId))
		.orderBy(asc(proposal.createdAt));
	return includeInactive ? rows : rows.filter((p) => p.status === 'active');
}

export async function findProposal(workshopId: string, id: string) {
	const [found] = await db
		.select()
		.from(proposal)
		.where(and(eq(proposal.id, id), eq(proposal.workshopId, workshopId)));
	return found ?? null;
}

/** A proposal in the checked workshop, written by `access.userId` (`origin`: the board note it was promoted from). */
export async function createProposal(
	access: WorkshopAccess<'workshop.edit'>,
	input: ProposalInput,
	origin?: { boardId: string; noteId: string }
) {
	const workshopId = access.workshop.id;
	const actorId = access.userId;
	const id = generateId();
	await db.transaction(async (tx) => {
		await tx
			.insert(proposal)
			.values({ id, workshopId, ...input, boardId: origin?.boardId ?? null, noteId: origin?.noteId ?? null });
		await tx.insert(proposalEvent).values({
			id: generateId(),
			proposalId: id,
			kind: origin ? 'promoted' : 'created',
			actorId,
			detail: origin ?? {}
		});
	});
	if (origin) await realtime.changeBoardDoc(origin.boardId, (doc) => linkNoteToProposal(doc, origin.noteId, id));
	return id;
}

/** Edits an active proposal of the checked workshop. Outcome: ok, or 'error_not_found'. */
export async function updateProposal(access: WorkshopAccess<'workshop.edit'>, id: string, input: ProposalInput) {
	const workshopId = access.workshop.id;
	const actorId = access.userId;
	const before = await findProposal(workshopId, id);
	if (!before || before.status !== 'active') return { ok: false as const, error: 'error_not_found' };
	const changed = Object.fromEntries(
		Object.entries(input).filter(
			([k, v]) =>
				JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)) !==
				JSON.stringify((before as Record<string, unknown>)[k], (_, x) => (typeof x === 'bigint' ? x.toString() : x))
		)
	);
	await db.transaction(async (tx) => {
		await tx.update(proposal).set(input).where(eq(proposal.id, id));
		await tx
			.insert(proposalEvent)
			.values({ id: generateId(), proposalId: id, kind: 'edited', actorId, detail: { fields: Object.keys(changed) } });
	});
	return { ok: true as const };
}

/** Withdraws an active proposal of the checked workshop. Outcome: ok, or 'error_not_found'. */
export async function withdrawProposal(access: WorkshopAccess<'workshop.edit'>, id: string) {
	const workshopId = access.workshop.id;
	const actorId = access.userId;
	const found = await findProposal(workshopId, id);
	if (!found || found.status !== 'active') return { ok: false as const, error: 'error_not_found' };
	await db.transaction(async (tx) => {
		await tx.update(proposal).set({ status: 'withdrawn' }).where(eq(proposal.id, id));
		await tx.insert(proposalEvent).values({ id: generateId(), proposalId: id, kind: 'withdrawn', actorId });
	});
	return { ok: true as const };
}

/** Merges a duplicate into the proposal that stays; both keep their history. */
export async function mergeProposals(access: WorkshopAccess<'workshop.edit'>, keepId: string, duplicateId: string) {
	const workshopId = access.workshop.id;
	const actorId = access.userId;
	if (keepId === duplicateId) return { ok: false as const, error: 'error_invalid' };
	const both = await db
		.select()
		.from(proposal)
		.where(and(eq(proposal.workshopId, workshopId), inArray(proposal.id, [keepId, duplicateId])));
	if (both.length !== 2 || both.some((p) => p.status !== 'active'))
		return { ok: false as const, error: 'error_not_found' };
	await db.transaction(async (tx) => {
		await tx.update(proposal).set({ status: 'merged', mergedInto: keepId }).where(eq(proposal.id, duplicateId));
		await tx.insert(proposalEvent).values([
			{ id: generateId(), proposalId: duplicateId, kind: 'merged-into', actorId, detail: { into: keepId } },
			{ id: generateId(), proposalId: keepId, kind: 'merged-from', actorId, detail: { from: duplicateId } }
		]);
	});
	return { ok: true as const };
}

/** The history of a proposal and of everything merged into it. */
export async function proposalHistory(id: string) {
	const merged = await db.select({ id: proposal.id }).from(proposal).where(eq(proposal.mergedInto, id));
	return db
		.select()
		.from(proposalEvent)
		.where(inArray(proposalEvent.proposalId, [id, ...merged.map((m) => m.id)]))
		.orderBy(asc(proposalEvent.at));
}
