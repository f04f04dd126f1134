/**
 * Answers being given on a phone are kept in localStorage until they are sent, so a closed
 * tab, a dead battery or a lost connection loses nothing. Only the answers, groups and
 * comment of this survey; forgotten once the thanks page is reached.
 */
export type Draft = Record<string, string | string[]>;

const key = (code: string) => `rr-ikm-draft:${code}`;

export function saveDraft(code: string, form: HTMLFormElement): void {
	const draft: Draft = {};
	for (const [name, value] of new FormData(form)) {
		if (typeof value !== 'string') continue;
		if (name === 'groups') draft.groups = [...((draft.groups as string[]) ?? []), value];
		else draft[name] = value;
	}
	try {
		localStorage.setItem(key(code), JSON.stringify(draft));
	} catch {
		// Private mode or full storage: answering still works, only the draft is not kept.
	}
}

export function readDraft(code: string): Draft | null {
	try {
		const draft = JSON.parse(localStorage.getItem(key(code)) ?? 'null');
		return draft && typeof draft === 'object' ? (draft as Draft) : null;
	} catch {
		return null;
	}
}

/** Puts a draft back into the form; the number of fields it set. */
export function restoreDraft(form: HTMLFormElement, draft: Draft): number {
	let restored = 0;
	for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
		const kept = draft[el.name];
		if (kept === undefined) continue;
		if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
			const on = Array.isArray(kept) ? kept.includes(el.value) : kept === el.value;
			if (on !== el.checked) {
				el.checked = on;
				restored++;
			}
		} else if (typeof kept === 'string' && el.value !== kept) {
			el.value = kept;
			restored++;
		}
	}
	return restored;
}

export function forgetDraft(code: string): void {
	try {
		localStorage.removeItem(key(code));
	} catch {
		// Nothing kept.
	}
}
