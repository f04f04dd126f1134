/**
 * Every route that takes a join code (/join, /j/CODE, /f/CODE) looks it up here, so every
 * miss counts against the same per-address limit: 30 wrong codes a minute, then 429.
 * Only misses count, so a whole room joining through one address is never slowed.
 * What a join code leads to (workshop or follow-up) is plans/join-target.server.ts.
 */
import { joinByIp } from '$lib/server/auth/rate-limit';
import { normalizeJoinCode } from './rules';

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
