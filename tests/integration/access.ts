/**
 * Access values for tests, built by the real access functions (never by casting): the
 * use cases that change boards, plans and safeguarding take them instead of bare ids.
 *
 * `...AsOwner` helpers act as the owner of the organisation that holds the row, as the
 * tests' factories make one owner per organisation.
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { boardAccess, participantBoardAccess } from '$lib/boards/access.server';
import { planItemAccess, taskAccess } from '$lib/plans/access.server';
import { findBoard } from '$lib/boards/boards.server';
import { findPlanItem } from '$lib/plans/plans.server';
import { findTask } from '$lib/plans/delivery.server';
import type { Permission } from '$lib/orgs/roles';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { asOrgOwner, asOwner, asPhone, firstOwner } from './factories';

// The same helpers under the names the board, plan and safeguarding tests use (one implementation, in factories.ts).
export { asOwner as workshopAsOwner, asOrgOwner as orgAsOwner, asPhone as phone };

async function organisationOf(workshopId: string): Promise<string> {
	const [row] = await db
		.select({ organisationId: workshop.organisationId })
		.from(workshop)
		.where(eq(workshop.id, workshopId));
	if (!row) throw new Error(`No workshop ${workshopId}`);
	return row.organisationId;
}

/** The board, as `userId` (or the owner) holding `permission` in its workshop. */
export async function boardAs<P extends Permission = 'workshop.run'>(
	boardId: string,
	userId?: string,
	permission: P = 'workshop.run' as P
) {
	const found = await findBoard(boardId);
	if (!found) throw new Error(`No board ${boardId}`);
	const who = userId ?? (await firstOwner(await organisationOf(found.workshopId)));
	return boardAccess(await workshopAccessFor(who, found.workshopId, permission), boardId);
}

/** The board, for a participant who joined its workshop (throws if they did not). */
export async function onBoard(participant: SessionParticipant, boardId: string) {
	const access = await participantBoardAccess(asPhone(participant), boardId);
	if (!access) throw new Error(`Board ${boardId} is not in ${participant.workshopId}`);
	return access;
}

/** A plan item, as `userId` (or the owner) holding `permission` in its workshop. */
export async function itemAs<P extends Permission = 'workshop.edit'>(
	itemId: string,
	userId?: string,
	permission: P = 'workshop.edit' as P
) {
	const found = await findPlanItem(itemId);
	if (!found) throw new Error(`No plan item ${itemId}`);
	const who = userId ?? (await firstOwner(found.organisationId));
	const access = await planItemAccess(await workshopAccessFor(who, found.workshopId, permission), itemId);
	if (!access) throw new Error(`No plan item ${itemId}`);
	return access;
}

/** A task, as `userId` (or the owner) holding `permission` in its workshop. */
export async function taskAs<P extends Permission = 'workshop.edit'>(
	taskId: string,
	userId?: string,
	permission: P = 'workshop.edit' as P
) {
	const found = await findTask(taskId);
	if (!found) throw new Error(`No task ${taskId}`);
	const who = userId ?? (await firstOwner(found.organisationId));
	const access = await taskAccess(await workshopAccessFor(who, found.workshopId, permission), taskId);
	if (!access) throw new Error(`No task ${taskId}`);
	return access;
}
