/**
 * What a page asks the live endpoint for: `?t=attendance&t=round:<id>` … Parsed at the
 * boundary; the endpoint then checks each item against the viewer's role.
 */
import { z } from 'zod';

export type LiveRequest =
	| { kind: 'attendance' }
	| { kind: 'rounds' }
	| { kind: 'safeguarding' }
	| { kind: 'conductor' }
	| { kind: 'pulse' }
	| { kind: 'network' }
	| { kind: 'round'; id: string }
	| { kind: 'moderation'; id: string };

const item = z.union([
	z.enum(['attendance', 'rounds', 'safeguarding', 'conductor', 'pulse', 'network']).transform((kind) => ({ kind })),
	z
		.string()
		.regex(/^(round|moderation):[A-Za-z0-9_-]{1,64}$/)
		.transform((value) => {
			const [kind, id] = value.split(':');
			return { kind: kind as 'round' | 'moderation', id };
		})
]);

const list = z.array(item).min(1).max(8);

/** The requested topics, or null when any item is malformed (the endpoint answers 400). */
export function parseLiveRequest(url: URL): LiveRequest[] | null {
	const parsed = list.safeParse(url.searchParams.getAll('t'));
	if (!parsed.success) return null;
	const seen = new Set<string>();
	return (parsed.data as LiveRequest[]).filter((r) => {
		const key = 'id' in r ? `${r.kind}:${r.id}` : r.kind;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
