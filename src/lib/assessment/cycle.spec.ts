import { describe, expect, it } from 'vitest';
import { cycleOf, levelReached, quarterOf, quarterRange, type Evidence } from './cycle';

const e = (over: Partial<Evidence> & Pick<Evidence, 'kind' | 'co'>): Evidence => ({
	function: 'penanganan',
	title: over.kind,
	at: new Date('2027-02-01T00:00:00Z'),
	workshopId: 'w',
	level: null,
	...over
});

describe('the co-production cycle', () => {
	// Case handling had all four Co's; prevention skipped co-commissioning and co-design.
	const evidence: Evidence[] = [
		e({ kind: 'votes', co: 'co-commissioning', level: 'deciding-together' }),
		e({ kind: 'boards', co: 'co-design', level: 'consultation', at: new Date('2027-04-10T00:00:00Z') }),
		e({ kind: 'tasks', co: 'co-delivery', level: 'acting-together', at: new Date('2027-08-01T00:00:00Z') }),
		e({ kind: 'impact-reviews', co: 'co-assessment', at: new Date('2027-09-01T00:00:00Z') }),
		e({ kind: 'workshops', co: null, function: 'pencegahan', level: 'information' }),
		e({ kind: 'plans', co: 'co-delivery', function: 'pencegahan' }),
		e({ kind: 'score-cards', co: 'co-assessment', function: 'pencegahan', level: 'consultation' })
	];

	it('shows all four for the function that had them and the missing ones for the one that skipped', () => {
		const handling = cycleOf(evidence, 'penanganan');
		expect(handling.missing).toEqual([]);
		expect(handling.cos.map((c) => [c.co, c.happened, c.level])).toEqual([
			['co-commissioning', true, 'deciding-together'],
			['co-design', true, 'consultation'],
			['co-delivery', true, 'acting-together'],
			['co-assessment', true, null]
		]);
		const prevention = cycleOf(evidence, 'pencegahan');
		expect(prevention.missing).toEqual(['co-commissioning', 'co-design']);
		expect(prevention.byFunction).toEqual([
			{
				function: 'penanganan',
				happened: { 'co-commissioning': true, 'co-design': true, 'co-delivery': true, 'co-assessment': true }
			},
			{
				function: 'pencegahan',
				happened: { 'co-commissioning': false, 'co-design': false, 'co-delivery': true, 'co-assessment': true }
			},
			{
				function: 'pemberdayaan',
				happened: { 'co-commissioning': false, 'co-design': false, 'co-delivery': false, 'co-assessment': false }
			}
		]);
	});

	it('counts organisation-wide evidence (no function) for every function, and a workshop for no Co', () => {
		const wide = [e({ kind: 'score-cards', co: 'co-assessment', function: null }), e({ kind: 'workshops', co: null })];
		expect(cycleOf(wide, 'pemberdayaan').missing).toEqual(['co-commissioning', 'co-design', 'co-delivery']);
		expect(cycleOf(wide, 'pemberdayaan').cos[3]).toMatchObject({
			happened: true,
			kinds: [{ kind: 'score-cards', count: 1 }]
		});
	});

	it('tells when: first and last evidence, and per quarter with no quarter skipped', () => {
		const all = cycleOf(evidence);
		const delivery = all.cos.find((c) => c.co === 'co-delivery')!;
		expect(delivery.first?.toISOString()).toBe('2027-02-01T00:00:00.000Z');
		expect(delivery.last?.toISOString()).toBe('2027-08-01T00:00:00.000Z');
		expect(all.quarters.map((q) => [q.quarter, q.counts['co-delivery'], q.level])).toEqual([
			['2027-Q1', 1, 'deciding-together'],
			['2027-Q2', 0, 'consultation'],
			['2027-Q3', 1, 'acting-together']
		]);
	});

	it('the level reached is the deepest one recorded', () => {
		expect(levelReached([])).toBeNull();
		expect(levelReached([{ level: 'consultation' }, { level: null }, { level: 'supporting-independent' }])).toBe(
			'supporting-independent'
		);
		expect(quarterOf(new Date('2026-12-31T23:00:00Z'))).toBe('2026-Q4');
		expect(quarterRange(['2027-Q2', '2026-Q3'])).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
	});
});
