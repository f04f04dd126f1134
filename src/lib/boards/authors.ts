/**
 * Author names are not in the board document: a member's page gets them with its load
 * data (SQL). When notes appear that the page has no name for, it asks once more,
 * batched, at most once per note (notes copied from templates may have no author).
 */
import { invalidate } from '$app/navigation';

let timer: ReturnType<typeof setTimeout> | null = null;

export function askForAuthors(noteIds: string[], known: Record<string, string>, asked: Set<string>): void {
	const unknown = noteIds.filter((id) => !(id in known) && !asked.has(id));
	if (unknown.length === 0) return;
	for (const id of unknown) asked.add(id);
	timer ??= setTimeout(() => {
		timer = null;
		void invalidate('app:authors');
	}, 800);
}
