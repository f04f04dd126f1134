import { describe, expect, it } from 'vitest';
import { highest, suggestForItem, suggestForWorkshop } from './participation';

const none = { decidedByVote: false, communityTasks: 0, communityInitiated: false, supportLines: 0 };

describe('participation level of a plan item', () => {
	it('only shown: information', () => {
		expect(suggestForItem(none)).toEqual({ level: 'information', evidence: [{ kind: 'shown-only', count: 0 }] });
	});
	it('a vote decided it: deciding together', () => {
		expect(suggestForItem({ ...none, decidedByVote: true }).level).toBe('deciding-together');
	});
	it('community-owned tasks: acting together', () => {
		expect(suggestForItem({ ...none, communityTasks: 2 })).toEqual({
			level: 'acting-together',
			evidence: [{ kind: 'community-tasks', count: 2 }]
		});
	});
	it('community-initiated with support: supporting independent initiatives', () => {
		expect(suggestForItem({ ...none, communityInitiated: true, supportLines: 1 }).level).toBe('supporting-independent');
	});
	it('community-initiated without support is not enough on its own', () => {
		expect(suggestForItem({ ...none, communityInitiated: true }).level).toBe('information');
		expect(suggestForItem({ ...none, supportLines: 3 }).level).toBe('information');
	});
	it('precedence: the highest rung wins and all evidence is listed', () => {
		const all = suggestForItem({ decidedByVote: true, communityTasks: 1, communityInitiated: true, supportLines: 2 });
		expect(all.level).toBe('supporting-independent');
		expect(all.evidence.map((e) => e.kind)).toEqual([
			'community-initiated-supported',
			'community-tasks',
			'vote-decided'
		]);
		expect(suggestForItem({ ...none, decidedByVote: true, communityTasks: 1 }).level).toBe('acting-together');
	});
});

describe('participation level of a workshop', () => {
	const empty = { roundsDecided: 0, proposals: 0, notes: 0, itemLevels: [] };
	it('nothing collected: information', () => {
		expect(suggestForWorkshop(empty).level).toBe('information');
	});
	it('proposals or notes but no vote: consultation', () => {
		expect(suggestForWorkshop({ ...empty, proposals: 4 })).toEqual({
			level: 'consultation',
			evidence: [{ kind: 'proposals-collected', count: 4 }]
		});
		expect(suggestForWorkshop({ ...empty, notes: 9 }).level).toBe('consultation');
	});
	it('a counted vote: deciding together (and proposals are no longer "only consultation")', () => {
		const r = suggestForWorkshop({ ...empty, roundsDecided: 1, proposals: 4 });
		expect(r.level).toBe('deciding-together');
		expect(r.evidence).toEqual([{ kind: 'vote-decided', count: 1 }]);
	});
	it('takes the highest of its items', () => {
		expect(suggestForWorkshop({ ...empty, roundsDecided: 1, itemLevels: ['acting-together'] }).level).toBe(
			'acting-together'
		);
		expect(
			suggestForWorkshop({ ...empty, itemLevels: ['information', 'supporting-independent', 'acting-together'] }).level
		).toBe('supporting-independent');
	});
	it('highest of nothing is information', () => {
		expect(highest([])).toBe('information');
	});
});
