/**
 * Join codes after lookup. In plans rather than beside the lookup (workshops/codes.server.ts)
 * because after the forum the answer is the plan's follow-up, and workshops sits below plans.
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { findOpenWorkshopByCode } from '$lib/workshops/workshops.server';
import { sharedFollowUp } from './follow-up.server';

/**
 * What a join code leads to, the same whether it was scanned (/j/CODE) or typed (/join):
 * the open workshop; after the forum its public follow-up; otherwise the state the forum
 * is in ('draft': not opened yet, 'closed': over, follow-up not public yet), so a phone is
 * told why instead of a generic 404. Only unknown codes are misses (pass it to `lookUpCode`).
 */
export async function findJoinTarget(code: string) {
	const open = await findOpenWorkshopByCode(code);
	if (open) return { kind: 'open' as const, workshop: open };
	if (await sharedFollowUp(code)) return { kind: 'follow-up' as const };
	const [found] = await db
		.select({ title: workshop.title, status: workshop.status })
		.from(workshop)
		.where(eq(workshop.joinCode, code));
	if (!found) return null;
	return { kind: found.status === 'draft' ? ('draft' as const) : ('closed' as const), title: found.title };
}
