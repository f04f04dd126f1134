/**
 * Unsent input survives the language switch. The switch is a plain form post that reloads
 * the page (so it works without JavaScript); just before it, the fields people have filled
 * on the page (an idea being written, ticked groups) are kept in sessionStorage, and put
 * back once the page in the other language has loaded. Passwords and hidden fields are
 * never kept; a draft is used once, on the same path, within ten minutes.
 */
const KEY = 'rr-draft-before-lang';
const MAX_AGE_MS = 10 * 60_000;

type Field = { key: string; value?: string; checked?: boolean };
type Draft = { path: string; at: number; fields: Field[] };
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED = new Set(['hidden', 'password', 'submit', 'button', 'file', 'reset', 'image']);

function isCheckable(el: Control): el is HTMLInputElement {
	return el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
}

/** A key that finds the same field on the reloaded page: its id, or its name and value. */
function keyOf(el: Control): string | null {
	if (isCheckable(el)) return el.name ? `${el.name}=${el.value}` : el.id || null;
	return el.id || (el.name ? `name:${el.name}` : null);
}

function fieldsIn(root: ParentNode): Control[] {
	return [...root.querySelectorAll<Control>('input, textarea, select')].filter(
		(el) => !SKIPPED.has((el as HTMLInputElement).type) && !el.disabled
	);
}

/** Keeps what has been typed or ticked on this page (only fields that differ from how the page came). */
export function saveDrafts(path: string, root: ParentNode = document.querySelector('main') ?? document): void {
	const fields: Field[] = [];
	for (const el of fieldsIn(root)) {
		const key = keyOf(el);
		if (!key) continue;
		if (isCheckable(el)) {
			if (el.checked !== el.defaultChecked) fields.push({ key, checked: el.checked });
		} else if (el instanceof HTMLSelectElement) {
			fields.push({ key, value: el.value });
		} else if (el.value !== el.defaultValue && el.value.trim() !== '') {
			fields.push({ key, value: el.value });
		}
	}
	try {
		if (fields.length) sessionStorage.setItem(KEY, JSON.stringify({ path, at: Date.now(), fields } satisfies Draft));
	} catch {
		// Private mode or full storage: switching still works, the input is just not kept.
	}
}

/** Puts a kept draft back into the fields of this page (and tells bound state through input/change events). */
export function restoreDrafts(path: string, root: ParentNode = document.querySelector('main') ?? document): number {
	let draft: Draft | null;
	try {
		draft = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
		sessionStorage.removeItem(KEY);
	} catch {
		return 0;
	}
	if (!draft || draft.path !== path || Date.now() - draft.at > MAX_AGE_MS) return 0;
	const byKey = new Map(fieldsIn(root).map((el) => [keyOf(el), el]));
	let restored = 0;
	for (const field of draft.fields) {
		const el = byKey.get(field.key);
		if (!el) continue;
		if (isCheckable(el) && typeof field.checked === 'boolean') el.checked = field.checked;
		else if (!isCheckable(el) && typeof field.value === 'string') el.value = field.value;
		else continue;
		el.dispatchEvent(new Event('input', { bubbles: true }));
		el.dispatchEvent(new Event('change', { bubbles: true }));
		restored++;
	}
	return restored;
}
