/**
 * What a phone remembers of its own ballot, in its own localStorage only: when it voted
 * and the choices as shown. The server stores no link between voter and ballot, so this
 * is the only place "you voted at 10:42 for …" can come from.
 */
import { FORMAT_REGISTRY } from '$lib/voting/formats';
import { entryOf } from '$lib/vocabulary';

export type Remembered = { at: string; lines: string[] };
const key = (roundId: string) => `rr-ballot-${roundId}`;

export function readBallot(roundId: string): Remembered | null {
	try {
		const raw = JSON.parse(localStorage.getItem(key(roundId)) ?? 'null');
		if (raw && typeof raw.at === 'string' && Array.isArray(raw.lines))
			return { at: raw.at, lines: raw.lines.filter((l: unknown) => typeof l === 'string').slice(0, 200) };
	} catch {
		// Unreadable or no storage: nothing remembered.
	}
	return null;
}

export function saveBallot(roundId: string, lines: string[]): Remembered {
	const remembered = { at: new Date().toISOString(), lines };
	try {
		localStorage.setItem(key(roundId), JSON.stringify(remembered));
	} catch {
		// No storage (private mode): shown until the page is left.
	}
	return remembered;
}

export function forgetBallot(roundId: string): void {
	try {
		localStorage.removeItem(key(roundId));
	} catch {
		// Nothing to forget.
	}
}

/** The choices in a ballot form as lines to show back ("Taman bermain", "Lampu: 3 poin", "1. Posyandu"). */
export function linesOf(format: string, proposals: { id: string; title: string }[], form: FormData): string[] {
	const title = (id: string) => proposals.find((p) => p.id === id)?.title ?? id;
	const shape = entryOf(FORMAT_REGISTRY, format)?.shape;
	if (shape === 'set') return form.getAll('choice').map((id) => title(String(id)));
	if (shape === 'points') {
		return proposals.flatMap((p) => {
			const n = Number(form.get(`points_${p.id}`) || 0);
			return n > 0 ? [`${p.title}: ${n}`] : [];
		});
	}
	return proposals
		.map((p) => ({ title: p.title, rank: Number(form.get(`rank_${p.id}`) || 0) }))
		.filter((x) => x.rank > 0)
		.sort((a, b) => a.rank - b.rank)
		.map((x) => `${x.rank}. ${x.title}`);
}
