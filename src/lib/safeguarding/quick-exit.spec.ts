import { describe, expect, it, vi } from 'vitest';
import { quickExitKeys } from './quick-exit';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, preventDefault: () => {} }) as KeyboardEvent;

describe('quickExitKeys', () => {
	it('exits on Shift+Escape and on Escape twice within a second, not on one Escape', () => {
		vi.useFakeTimers();
		const exit = vi.fn();
		const onKey = quickExitKeys(exit);
		onKey(key('Escape'));
		expect(exit).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1500);
		onKey(key('Escape'));
		expect(exit).not.toHaveBeenCalled();
		vi.advanceTimersByTime(300);
		onKey(key('Escape'));
		expect(exit).toHaveBeenCalledTimes(1);
		onKey(key('Enter', true));
		onKey(key('Escape', true));
		expect(exit).toHaveBeenCalledTimes(2);
		vi.useRealTimers();
	});
});
