/**
 * Where a `next` parameter may lead: only to a path on this site. The value is resolved
 * against the app's own origin the way a browser would (tabs and newlines are dropped,
 * `\` counts as `/`), so `/%09/evil.example`, `//evil`, `/\evil` and the like resolve to
 * another host and are refused; what is followed is the re-serialised path, which has
 * no control characters left to break a header.
 */
const SENTINEL = 'http://next.invalid';

export function safeNext(next: string | null | undefined, fallback: string, origin: string = SENTINEL): string {
	if (!next || next.length > 2000 || !next.startsWith('/')) return fallback;
	let resolved: URL;
	try {
		resolved = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (resolved.origin !== new URL(origin).origin) return fallback;
	const path = resolved.pathname + resolved.search + resolved.hash;
	// A path like "//host" in a Location header would itself leave the site.
	return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
}
