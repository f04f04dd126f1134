/**
 * Quick exit: the page becomes a neutral one at once, and its history entry with it
 * (location.replace), so the back button does not return. Nothing already sent is
 * deleted. If someone later presses back into an app page of this tab, the inline
 * guard in app.html (same flag) sends them to the neutral page again.
 */
export const NEUTRAL_PAGE = '/cuaca.html';
export const EXIT_FLAG = 'rr-exit';

export function quickExit(): void {
	try {
		sessionStorage.setItem(EXIT_FLAG, '1');
	} catch {
		// private mode without storage: the replace below still happens
	}
	// Blank the screen first: on a slow or absent network the old page must not linger.
	document.title = 'Prakiraan Cuaca';
	document.body.replaceChildren();
	location.replace(NEUTRAL_PAGE);
}

/** Shift+Escape, or Escape twice within a second. Returns the keydown handler. */
export function quickExitKeys(exit: () => void = quickExit) {
	let lastEscape = 0;
	return (event: KeyboardEvent) => {
		if (event.key !== 'Escape') return;
		const now = Date.now();
		if (event.shiftKey || now - lastEscape < 1000) {
			event.preventDefault();
			exit();
		}
		lastEscape = now;
	};
}
