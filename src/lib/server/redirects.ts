/** A `next` parameter is followed only to a path on this site, never to another host. */
export function safeNext(next: string | null | undefined, fallback: string): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
