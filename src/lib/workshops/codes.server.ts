/**
 * Every route that takes a join code (/join, /j/CODE, /f/CODE) looks it up here, so every
 * miss counts against the same per-address limit: 30 wrong codes a minute, then 429.
 * Only misses count, so a whole room joining through one address is never slowed.
 */
import { joinByIp } from '$lib/server/auth/rate-limit';
import { sharedFollowUp } from '$lib/plans/follow-up.server';
import { normalizeJoinCode } from './rules';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from './workshops.schema';
import { findOpenWorkshopByCode } from './workshops.server';

export type CodeLookup<T> =
	{ ok: true; code: string; found: T } | { ok: false; status: 400 | 404 | 429; error: string };

/** Looks a typed code up with `find`; a malformed or unknown code is a counted miss. */
export async function lookUpCode<T>(
	raw: string,
	ip: string,
	find: (code: string) => Promise<T | null>
): Promise<CodeLookup<T>> {
	if ((await joinByIp.retryAfter(ip)) > 0) return { ok: false, status: 429, error: 'error_too_many_codes' };
	const code = normalizeJoinCode(raw);
	const found = code ? await find(code) : null;
	if (found === null || found === undefined) {
		await joinByIp.hit(ip);
		return { ok: false, status: code ? 404 : 400, error: code ? 'error_code_unknown' : 'error_code' };
	}
	return { ok: true, code: code!, found };
}

/**
 * What a join code leads to, the same whether it was scanned (/j/CODE) or typed (/join):
 * the open workshop; after the forum its public follow-up; otherwise the state the forum
 * is in ('draft': not opened yet, 'closed': over, follow-up not public yet), so a phone is
 * told why instead of a generic 404. Only unknown codes are misses.
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
