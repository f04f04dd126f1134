import { describe, expect, it } from 'vitest';
import { conductorKey, participantPath, projectorPath } from './control';
import { conductorSchema } from './conductor-form';

describe('the conductor as the facilitator form sends it', () => {
	it('reads every kind, with an id where one is needed', () => {
		expect(conductorSchema.parse('board:abc123')).toEqual({ kind: 'board', id: 'abc123' });
		expect(conductorSchema.parse('ballot:r1')).toEqual({ kind: 'ballot', id: 'r1' });
		expect(conductorSchema.parse('results:r1')).toEqual({ kind: 'results', id: 'r1' });
		expect(conductorSchema.parse('break')).toEqual({ kind: 'break' });
		expect(conductorSchema.parse('free')).toEqual({ kind: 'free' });
	});

	it('refuses unknown kinds, missing or stray ids and odd characters', () => {
		for (const bad of [
			'',
			'board',
			'board:',
			'ballot:',
			'break:x',
			'free:x',
			'home:x',
			'board:a:b',
			'board:../x',
			'board:a b',
			`board:${'a'.repeat(65)}`
		]) {
			expect(conductorSchema.safeParse(bad).success, bad).toBe(false);
		}
	});

	it('sends phones and the projector to the matching page', () => {
		expect(participantPath({ kind: 'board', id: 'b1' })).toBe('/p/b/b1');
		expect(participantPath({ kind: 'ballot', id: 'r1' })).toBe('/p/v/r1');
		expect(participantPath({ kind: 'results', id: 'r1' })).toBe('/p/v/r1');
		expect(participantPath({ kind: 'break' })).toBe('/p');
		expect(participantPath({ kind: 'free' })).toBeNull();
		expect(projectorPath('w1', { kind: 'board', id: 'b1' })).toBe('/w/w1/boards/b1/projector');
		expect(projectorPath('w1', { kind: 'results', id: 'r1' })).toBe('/w/w1/rounds/r1/projector');
		expect(projectorPath('w1', { kind: 'free' })).toBe('/w/w1/projector');
		expect(conductorKey({ kind: 'ballot', id: 'r1' })).not.toBe(conductorKey({ kind: 'results', id: 'r1' }));
	});
});

describe('a conductor sent again', () => {
	it('is a new instruction: its key changes with the time it was sent', () => {
		expect(conductorKey({ kind: 'board', id: 'b1', at: 1 })).not.toBe(conductorKey({ kind: 'board', id: 'b1', at: 2 }));
	});
});
