import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from './bus';

describe('MemoryEventBus', () => {
	it('reaches the subscribers of a topic only, until they unsubscribe', () => {
		const bus = new MemoryEventBus();
		const got: string[] = [];
		const stopA = bus.subscribe('workshop/a/attendance', () => got.push('a'));
		bus.subscribe('workshop/b/attendance', () => got.push('b'));
		bus.publish('workshop/a/attendance');
		expect(got).toEqual(['a']);
		stopA();
		bus.publish('workshop/a/attendance');
		expect(got).toEqual(['a']);
		expect(bus.count('workshop/a/attendance')).toBe(0);
		expect(bus.count('workshop/b/attendance')).toBe(1);
	});

	it('keeps publishing when one listener throws', () => {
		const bus = new MemoryEventBus();
		const got: string[] = [];
		const quiet = console.error;
		console.error = () => {};
		bus.subscribe('t', () => {
			throw new Error('broken page');
		});
		bus.subscribe('t', () => got.push('ok'));
		expect(() => bus.publish('t')).not.toThrow();
		console.error = quiet;
		expect(got).toEqual(['ok']);
	});
});
